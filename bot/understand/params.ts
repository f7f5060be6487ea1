/**
 * Parameters read from the wording of a request. Each reader takes the lower-cased text and returns a
 * value only when the text says so; an absent value means "the operation's default" (or, where the
 * value is required, something the bot must ask for).
 */

const PER_USER =
  /\bper[- ]?(user|session)s?\b|\buser cals?\b|\bmode\s*[=:]?\s*(user|per[- ]?user)\b|\buser\s+(mode|licensing)\b/;
const PER_DEVICE =
  /\bper[- ]?(device|seat)s?\b|\bdevice cals?\b|\bmode\s*[=:]?\s*(device|per[- ]?device)\b|\bdevice\s+(mode|licensing)\b/;

/** "per user", "user CALs", "mode = user" -> PerUser; "per device", "per seat" -> PerDevice; "from X to Y" takes Y. */
export function readMode(text: string): 'PerUser' | 'PerDevice' | undefined {
  const target = /\bfrom\b.+?\bto\b(.+)$/.exec(text)?.[1] ?? /\bto\b(.+)$/.exec(text)?.[1];
  for (const part of [target, text]) {
    if (!part) continue;
    const user = part.search(PER_USER);
    const device = part.search(PER_DEVICE);
    if (user >= 0 && (device < 0 || user < device)) return 'PerUser';
    if (device >= 0) return 'PerDevice';
  }
  return undefined;
}

export function readServerOp(text: string): 'replace' | 'add' | 'remove' {
  if (/\b(remove|drop|delete|take out|get rid of|stop using)\b/.test(text)) return 'remove';
  if (/\b(add|append|also use|second|another|additional|extra)\b/.test(text)) return 'add';
  return 'replace';
}

/** Grace reset: restart now, or leave it for later. */
export function readRestart(text: string): 'now' | 'later' | undefined {
  if (
    /\b(don'?t|do not|without|no)\b.{0,30}\b(kick|restart|disconnect|reboot|logoff|log off|interrupt)|\b(later|tonight|after hours|maintenance window|next reboot)\b/.test(
      text,
    )
  )
    return 'later';
  if (
    /\b(restart|bounce|recycle)\b.{0,40}\b(now|immediately|right away|asap)\b|\b(now|immediately)\b.{0,20}\brestart\b/.test(
      text,
    )
  )
    return 'now';
  return undefined;
}

/** Certificate refresh: reboot now, scheduled, or not at all. */
export function readReboot(text: string): 'now' | 'scheduled' | 'none' | undefined {
  if (/\b(don'?t|do not|no|without)\b.{0,20}\b(reboot|restart)/.test(text)) return 'none';
  if (/\b(reboot|restart)\b.{0,30}\b(now|immediately|right away|asap)\b/.test(text)) return 'now';
  if (
    /\b(reboot|restart)\b.{0,40}\b(tonight|later|scheduled?|maintenance|window|after hours|weekend|overnight)\b|\bschedule\b.{0,20}\b(reboot|restart)\b/.test(
      text,
    )
  )
    return 'scheduled';
  return undefined;
}

/** "last 24h", "past 7 days", "today", "this week" -> "24h" / "7d". */
export function readSince(text: string): string | undefined {
  const match =
    /\b(?:last|past|previous|since|in the last)\s+(\d{1,3})\s*(h|hrs?|hours?|d|days?|w|weeks?)\b/.exec(text) ??
    /\b(\d{1,3})\s*(h|hrs?|hours?|d|days?)\b/.exec(text);
  if (match) {
    const amount = Number(match[1]);
    const unit = match[2] ?? 'h';
    if (unit.startsWith('w')) return `${amount * 7}d`;
    return `${amount}${unit.startsWith('h') ? 'h' : 'd'}`;
  }
  if (/\b(today|last night|since yesterday)\b/.test(text)) return '24h';
  if (/\b(this|last|past) week\b/.test(text)) return '7d';
  if (/\b(this|last|past) month\b/.test(text)) return '30d';
  if (/\byesterday\b/.test(text)) return '48h';
  return undefined;
}

/** Event ids as typed ("1128/1130 events", "event 1003"): 3 to 5 digit numbers near "event". */
export function readEventIds(text: string): number[] | undefined {
  if (!/\bevents?\b|\bids?\b|\b(1003|1004|1011|1028|1068|1069|1128|1130|50280|50282|4105|4140|4141)\b/.test(text))
    return undefined;
  const ids = [...text.matchAll(/(?<![\d.])(\d{3,5})(?![\d.]|\s*(h|hrs?|hours?|d|days?)\b)/g)]
    .map((m) => Number(m[1]))
    .filter((id) => id !== 135 && id !== 445 && id < 65536);
  return ids.length > 0 ? [...new Set(ids)] : undefined;
}

/** CAL type for an inventory question. */
export function readCalType(text: string): 'PerUser' | 'PerDevice' | undefined {
  if (/\bper[- ]?user\b|\buser cals?\b/.test(text)) return 'PerUser';
  if (/\bper[- ]?device\b|\bdevice cals?\b/.test(text)) return 'PerDevice';
  return undefined;
}

/** Which request: an id if one is given, otherwise "last". */
export function readRef(text: string): string {
  const id = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/.exec(text)?.[1];
  return id ?? 'last';
}
