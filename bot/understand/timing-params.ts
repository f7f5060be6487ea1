/**
 * When and which, read from a request's wording: restart and reboot timing, the window of events asked
 * for, and event ids. Each reader takes the lower-cased, host-masked text and returns a value only when
 * the text says so.
 */

/** Grace reset: restart now, or leave it for later. */
export function readRestart(text: string): 'now' | 'later' | undefined {
  if (
    /\b(don'?t|do not|without|no)\b.{0,30}\b(kick|restart|disconnect|reboot|logoff|log off|interrupt)|\b(later|tonight|after hours|maintenance window|next reboot|whenever (it )?suits|no rush)\b/.test(
      text,
    )
  )
    return 'later';
  if (
    /\b(restart|bounce|recycle)\b.{0,40}\b(now|immediately|right away|asap|straight away|at once)\b|\b(now|immediately|immediate|instant)\b.{0,20}\brestart\b/.test(
      text,
    )
  )
    return 'now';
  return undefined;
}

/** Certificate refresh: reboot now, scheduled, or not at all. */
export function readReboot(text: string): 'now' | 'scheduled' | 'none' | undefined {
  // A ticket field: "Reboot: none", "Reboot: scheduled".
  const field = /\breboot\s*:\s*(none|no|now|immediately|scheduled|later|tonight)\b/.exec(text)?.[1];
  if (field)
    return field === 'none' || field === 'no'
      ? 'none'
      : field === 'now' || field === 'immediately'
        ? 'now'
        : 'scheduled';
  if (/\b(don'?t|do not|no|not|without)\b.{0,20}\b(reboot|restart)/.test(text)) return 'none';
  // "I'll reboot it myself", "we will restart them ourselves": someone else reboots, so the bot does not.
  if (
    /\b(i'?ll|i will|we'?ll|we will|i can|we can)\b.{0,20}\b(reboot|restart)\b.{0,20}\b(myself|ourselves)\b/.test(text)
  )
    return 'none';
  if (
    /\b(reboot|restart)\b.{0,30}\b(now|immediately|right away|asap|straight away|at once)\b|\bimmediate (reboot|restart)\b/.test(
      text,
    )
  )
    return 'now';
  if (
    /\b(reboot|restart|bounce)s?\b.{0,40}\b(tonight|later|scheduled?|maintenance|window|after hours|weekend|overnight)\b|\bschedul\w*\b.{0,20}\b(reboot|restart)s?\b|\bwait\w* (for|until) the (scheduled|maintenance|change|patch) window\b/.test(
      text,
    )
  )
    return 'scheduled';
  // "B scheduled" beside "A reboot now": said of a host alone, the reboot waits (the default anyway).
  if (/\b(scheduled|in the (maintenance )?window)\b/.test(text)) return 'scheduled';
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
  if (/\b(today|last night|this morning|overnight|(the )?(last|past) day)\b/.test(text)) return '24h';
  if (/\b(this|last|past) week\b/.test(text)) return '7d';
  if (/\b(this|last|past) month\b/.test(text)) return '30d';
  if (/\byesterday\b/.test(text)) return '48h';
  return undefined;
}

/**
 * Event ids as typed ("1128/1130 events", "event 1003"): 3 to 5 digit numbers standing alone. The text
 * is host-masked, so the digits of "PC-1003" are gone before this looks.
 */
export function readEventIds(text: string): number[] | undefined {
  if (!/\bevents?\b|\bids?\b|\b(1003|1004|1011|1028|1068|1069|1128|1130|50280|50282|4105|4140|4141)s?\b/.test(text))
    return undefined;
  const ids = [
    // Ticket and case numbers ("ticket #20931", "case 5521") are not event ids.
    ...text.matchAll(
      /(?<![\w.:-])(?<!\b(?:ticket|case|inc|incident|req|request|sr|chg|change|call|job|#)\s*#?\s*)(\d{3,5})(?![\d.:]|\s*(h|hrs?|hours?|d|days?|min\w*|sessions?|users?)\b)/g,
    ),
  ]
    .map((m) => Number(m[1]))
    .filter((id) => id !== 135 && id !== 445 && id < 65536);
  return ids.length > 0 ? [...new Set(ids)] : undefined;
}
