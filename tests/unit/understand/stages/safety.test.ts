import type { Intent } from '../../../../bot/domain';
import { changes, judge } from '../../../../bot/understand/safety';
import { speechActs } from '../../../../bot/understand/speech-act';

const verdict = (intents: Intent[], text: string) => judge(intents, speechActs(text), text);

describe('judge', () => {
  it('knows which intents change state', () => {
    expect(changes('rdsh.reset_grace_period')).toBe(true);
    expect(changes('licensing.diagnose')).toBe(false);
  });

  it('lets a request bring the change it asks for', () => {
    expect(verdict(['rdsh.reset_grace_period'], 'reset the grace period on zzrdsh')).toEqual({
      kind: 'as-asked',
      intents: ['rdsh.reset_grace_period'],
    });
  });

  it('passes read-only intents through whatever the clause is', () => {
    expect(verdict(['rdsh.events'], 'why does zzrdsh log event 1128?')).toEqual({
      kind: 'as-asked',
      intents: ['rdsh.events'],
    });
  });

  it('answers a question with a change intent by the read-only diagnosis', () => {
    expect(verdict(['rdsh.reset_grace_period'], 'why does the grace period on zzrdsh reset?')).toEqual({
      kind: 'read-only',
      intents: ['licensing.diagnose'],
    });
  });

  it('answers a complaint with a change intent by the read-only diagnosis', () => {
    expect(verdict(['client.reset_license_cache'], 'users get an error on zzpc')).toMatchObject({
      kind: 'read-only',
    });
  });

  it('offers both readings of a verbless fragment to choose from', () => {
    expect(verdict(['rdsh.set_licensing_mode'], 'zzrdsh per user?')).toEqual({
      kind: 'choose',
      change: ['rdsh.set_licensing_mode'],
      readOnly: ['licensing.diagnose'],
    });
  });

  it('answers a question about rolling back a client cache with the copy advice', () => {
    expect(verdict(['request.rollback'], 'how do i roll back the mslicensing key?')).toEqual({
      kind: 'read-only',
      intents: ['advice.copy_client_license'],
    });
  });
});
