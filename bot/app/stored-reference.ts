import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';

/**
 * The conversation reference kept with a request (to update its cards later), without the sender's
 * display name: proactive messages need the ids only, and a name is the sender's to choose, so it
 * could carry anything (a pasted secret included) into the database.
 */
export function storedReference(activity: Partial<Activity>): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  if (!reference.user) return reference;
  const { name: _name, ...user } = reference.user;
  return { ...reference, user: user as ConversationReference['user'] };
}
