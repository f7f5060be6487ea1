import { TeamsInfo, type TurnContext } from 'botbuilder';
import { localMemberKind, teamsMemberKind } from '../../../bot/app/member-kind';

function contextFrom(id: string | undefined): TurnContext {
  return { activity: { from: id ? { id, name: 'someone' } : undefined } } as unknown as TurnContext;
}

describe('telling members from guests when they approve', () => {
  afterEach(() => jest.restoreAllMocks());

  it('takes a roster entry with userRole "guest" as a guest, and anything else Teams returns as a member', async () => {
    const lookup = jest.spyOn(TeamsInfo, 'getMember');
    lookup.mockResolvedValueOnce({ id: '29:g', name: 'Gus', userRole: 'guest' } as never);
    expect(await teamsMemberKind(contextFrom('29:g'))).toBe('guest');
    lookup.mockResolvedValueOnce({ id: '29:m', name: 'Megan', userRole: 'user' } as never);
    expect(await teamsMemberKind(contextFrom('29:m'))).toBe('member');
  });

  it('answers "unknown" (and so refuses the approval) when the roster cannot be read or nobody is named', async () => {
    jest.spyOn(TeamsInfo, 'getMember').mockRejectedValueOnce(new Error('429 Too Many Requests'));
    expect(await teamsMemberKind(contextFrom('29:m'))).toBe('unknown');
    expect(await teamsMemberKind(contextFrom(undefined))).toBe('unknown');
  });

  it('has no roster and no guests in local mode', async () => {
    expect(await localMemberKind(contextFrom('user-id-1'))).toBe('member');
  });
});
