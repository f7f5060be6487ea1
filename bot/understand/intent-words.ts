/**
 * The vocabulary the intent rules share: change verbs, licensing nouns, event ids, request ids and
 * the shapes of pasted events. Each is matched against normalised, host-masked text (see intents.ts).
 */
export const CHANGE =
  /\b(reset|rest|clear|clean|wipe|delete|del|remove|purge|flush|nuke|fix|redo|renew|refresh|zap|regenerate|recreate|rebuild|kill|trash|drop)(s|ed|d|ing)?\b|\b(wiping|deleting|removing|purging|nuking|zapping|regenerating|recreating|trashing|dropping|dropped|zapped)\b|\bblow away\b|\bget rid of\b/;
export const LICENCE = /\b(license[sd]?|licensing|lic|cals?|mslicensing)\b/;
export const CLIENT_SIDE =
  /\b(client|rdp|mstsc|pc|laptop|workstation|desktop|computer|thin client|cache|cached|zzpc)\b/;
export const GRACE = /\b(grace|timebomb|rearm|graceperiod|l\$rtmtimebomb)\b/;
export const MODE =
  /\bper (user|device|seat|session)s?\b|\b(user|device) cals?\b|\bmode\b|\b(user|device)[- ]based\b|\blicensingmode\b/;
export const SERVER_WORDS =
  /\blicense servers?\b|\b(lic|ls) (server|box|host|srv)s?\b|\bls\s*(is|=|:|->|zz)|\bzzls\b|\blicense box\b|\b(point|points|pointed|pointing|repoint)\b.*\bat\b/;
export const EVENT_IDS = /\b(1003|1004|1011|1028|1068|1069|1128|1130|50280|50282|4105|4140|4141)s?\b/;
export const EVENT_NOUNS =
  /\bevents?\b|\bevent ?logs?\b|\b(errors|warnings) in the (system |application )?logs?\b|\bevent viewer\b|\b(admin|operational) log\b|\brcm\b|\bremoteconnectionmanager\b/;

/** A request's own id ("REQ-20411", a UUID): the message is about that request, not about a host. */
export const REQUEST_REF = /\breq-\d{1,12}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/;
export const CANCEL_WORDS = /\b(cancel|abort|withdraw|scrap|scratch|discard|forget|kill|stop|bin|ditch)\b/;
export const ROLLBACK_WORDS =
  /\b(undo(ne|ing)?|rollback|back(ed|ing)? ?-?out(?! (plan|of)\b)|back (it|that|this|them) out|roll(s|ed|ing)? (\w+ ){0,5}?back|revert(s|ed|ing)?|revers(e|ed|ing)|(put|change|set|switch) (\w+ )?back(?! (to|on|at) (per (user|device)|(user|device) (mode|cals?)|zzls))|restor(e|ed|ing)|back to (how|what|the way) (it|they) (was|were)|(the way|as) (it|they) (was|were) before)\b/;
/** A clause that is only "cancel" / "never mind" ("oops, wrong box - cancel"). */
export const BARE_CANCEL =
  /(^|[.,;:!?-]\s*)(?:please |sorry,? (?:please )?)?(cancel( it| that| this)?|never ?mind|nvm|forget it|scra(p|tch) (that|it)( please)?|abort|do not bother|do not do (it|that|this)|ignore that|disregard( that)?)\s*[.!]*\s*($|[.,;:!?-])/;
export const NAMES_HOST = /\bzz(pc|rdsh|ls|host)\b/;

/** Words by which a part of a message points back at hosts named before it ("reset both their caches"). */
export const POINTS_BACK =
  /\b(its|it|their|them|they|there|those|these|both|same (hosts?|box|boxes|servers?|machines?)|that (host|box|server|machine|pc|one)|(his|her) (pc|machine|laptop|desktop|computer|box))\b/i;

/** An event pasted from Event Viewer: "Event 1128 on X: <message>", "Event ID: 1004 / Message: ...", "'<message>' (event 1130)". */
export const PASTED_EVENT =
  /\bevent (id )?\d{3,5}\b[^:]{0,60}:\s*(zzquote|(\S+ ){5,})|\bevent id\s*:\s*\d+|\bmessage\s*:\s*zzquote|\bevent (id )?\d{3,5}\b.{0,80}\bzzquote\b|\bevent (id )?\d{3,5}\s*-\s*(\S+ ){5,}|\bzzquote\s*[([-]?\s*event (id )?\d{3,5}\b/;
/** A sentence that orders a change outright ("please set ...", "... . Restart ..."). */
export const ORDERS_CHANGE =
  /\b(please|can you|could you) (set|point|change|switch|refresh|restart|reset|clear|delete|remove|add|fix|renew)\b|(^|[.!?:]\s+)(set|point|switch|refresh|restart|reset|clear|delete|remove|add|fix|renew) (the|its|zz)/;
