import { TeamsInfo, type TurnContext } from 'botbuilder';

/** Whether the person clicking is a member of the tenant, a guest, or cannot be told. */
export type MemberKind = (context: TurnContext) => Promise<'member' | 'guest' | 'unknown'>;

/**
 * Asks Teams for the clicker's roster entry: guests (B2B) have `userRole: 'guest'`. If the roster
 * cannot be read the answer is 'unknown', and an approval is refused (fail closed; the approver can
 * try again).
 */
export const teamsMemberKind: MemberKind = async (context) => {
  const id = context.activity.from?.id;
  if (!id) return 'unknown';
  try {
    const member = await TeamsInfo.getMember(context, id);
    return (member as { userRole?: string }).userRole === 'guest' ? 'guest' : 'member';
  } catch {
    return 'unknown';
  }
};

/** Local mode (Agents Playground, no Bot Framework auth): there is no roster to ask and no guests. */
export const localMemberKind: MemberKind = async () => 'member';
