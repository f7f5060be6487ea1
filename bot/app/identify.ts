import type { Activity } from 'botbuilder';
import type { Requester } from '../domain';
import { withoutSecrets } from '../secrets/redact-secrets';

export type Identity = { ok: true; user: Requester } | { ok: false; reason: string };

/**
 * Who is asking, from the fields Teams vouches for: the Entra object id (never the display name or
 * the channel-scoped id) and the tenant, read from the conversation and from channel data; if both
 * are present they must agree. Only the msteams channel is served.
 */
export function identify(activity: Partial<Activity>): Identity {
  if (activity.channelId !== 'msteams') return { ok: false, reason: 'This bot only answers in Microsoft Teams.' };
  const oid = activity.from?.aadObjectId;
  if (typeof oid !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(oid)) {
    return { ok: false, reason: 'I cannot tell who you are (no Entra account on this message).' };
  }
  const fromConversation = activity.conversation?.tenantId;
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (fromConversation && typeof fromChannelData === 'string' && fromConversation !== fromChannelData) {
    return { ok: false, reason: 'This message names two different organisations.' };
  }
  const tenantId = fromConversation ?? fromChannelData;
  if (typeof tenantId !== 'string' || tenantId.length === 0) {
    return { ok: false, reason: 'I cannot tell which organisation you belong to.' };
  }
  // The display name is the sender's to choose: shown on cards and stored, so never with a secret in it.
  const name =
    typeof activity.from?.name === 'string' && activity.from.name
      ? withoutSecrets(activity.from.name.slice(0, 128))
      : oid;
  return { ok: true, user: { oid, name, tenantId } };
}
