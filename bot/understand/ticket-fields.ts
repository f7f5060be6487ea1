/**
 * Ticket furniture that names no request: fields about people and places, and the plan for when a
 * change goes wrong. Both are cut before hosts and intents are looked for.
 */

/**
 * Ticket fields about people and places ("Requested by: Hotel front office Stanton", "Location:
 * Berlin office", "Caller: jdoe"): who asked and from where, never hosts to change. Their values are
 * dropped before hosts are looked for; the label stays, so the text still reads as a ticket.
 */
const PEOPLE_FIELDS =
  /(^|[|\n;]\s*)(requested by|reported by|requester|caller|contact|opened by|submitted by|raised by|department|category|location|affected user)\s*:\s*(?:[^|\n;.]|\.(?!\s))*/gi;

/**
 * A change ticket's back-out field ("Backout: revert to Per Device if logons fail", "Rollback: restore
 * previous value"): what to do if the change goes wrong, never an undo asked for now, and its value
 * ("Per Device") is not the change's. Only after the ticket's first line or sentence: a message
 * that starts "Rollback: ..." may be the request itself. "Fallback: LS-DR" alone may name a second server, so only
 * a fallback plan counts. A change ticket's "Impact:", "Risk:" and "Justification:" say what the change
 * does to people ("per-user CALs installed on LSV-HQ01"), not more of it.
 */
const PLAN_FIELDS =
  /(?:[|\n;]|(?<=[.!?])\s)\s*(?:(?:back ?-?out|roll ?-?back|revert|recovery)(?: plan| steps?| procedure)?|fall ?-?back (?:plan|steps?|procedure)|(?:business )?impact|risks?|justification|test plan)\s*:\s*(?:[^|\n;.]|\.(?!\s))*/gi;

/**
 * Only a field at a field's start ("| Requester: ..."), not "Question from requester: ...". A field
 * ends at a separator or at the end of a sentence ("Category: Remote Desktop. Subject: ..."); a dot
 * inside a value ("priya.nair") does not end it.
 */
export function withoutTicketFields(text: string): string {
  return text.replace(PEOPLE_FIELDS, (_, start: string, label: string) => `${start}${label}: `);
}

/** The text without its back-out plan (see PLAN_FIELDS); read once, before the message is cut into parts. */
export function withoutBackoutPlan(text: string): string {
  return text.includes(':') ? text.replace(PLAN_FIELDS, '\n') : text;
}
