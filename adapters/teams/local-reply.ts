/**
 * Local mode has no token to vouch for the activity's `serviceUrl`, so the bot would send its answers
 * (host state included) wherever a body said. It answers only the local chat: the URL in
 * `LOCAL_CHAT_URL` when set (an origin and path prefix), otherwise any http URL on this machine's
 * loopback (the Agents Playground, or a test's capture server), never another machine.
 */
import { plainUrl, underPrefix } from './url-prefix';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function localChatUrl(value: unknown, pinned?: string): boolean {
  const url = plainUrl(value);
  if (!url) return false;
  return pinned ? underPrefix(url, pinned) : url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}
