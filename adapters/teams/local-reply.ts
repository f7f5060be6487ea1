/**
 * Local mode has no token to vouch for the activity's `serviceUrl`, so the bot would send its answers
 * (host state included) wherever a body said. It answers only the local chat: the URL in
 * `LOCAL_CHAT_URL` when set (an origin and path prefix), otherwise any http URL on this machine's
 * loopback (the Agents Playground, or a test's capture server), never another machine.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function localChatUrl(value: unknown, pinned?: string): boolean {
  if (typeof value !== 'string' || value.length > 512) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (pinned) {
    const base = new URL(pinned);
    return url.origin === base.origin && url.pathname.startsWith(base.pathname);
  }
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}
