/**
 * Reply URLs the bot will send to are judged on the parsed URL, never on the text: a look-alike host
 * ("smba.trafficmanager.net.evil.example"), credentials before '@', or a prefix hidden in a query
 * string do not pass. Shared by the Teams token gate and local mode.
 */

/** The URL, if `value` is one of sane length without credentials in it. */
export function plainUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string' || value.length > 512) return undefined;
  try {
    const url = new URL(value);
    return url.username || url.password ? undefined : url;
  } catch {
    return undefined;
  }
}

/** Same origin as `prefix`, and a path under its path. */
export function underPrefix(url: URL, prefix: string): boolean {
  const base = new URL(prefix);
  return url.origin === base.origin && url.pathname.startsWith(base.pathname);
}
