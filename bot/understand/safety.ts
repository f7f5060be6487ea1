import { operationDefinition } from '../catalogue';
import type { Intent } from '../domain';
import type { Clause } from './speech-act';

/**
 * The safety rule: a changing intent comes only from a clause that asks for a change. A question or a
 * complaint gets the read-only counterpart; a verbless question that could be either ("RDSH01 per
 * user?") is answered with both readings to choose from. Pure: intents and clauses in, a verdict out.
 */
export type Verdict =
  | { kind: 'as-asked'; intents: Intent[] }
  | { kind: 'read-only'; intents: Intent[] }
  | { kind: 'choose'; change: Intent[]; readOnly: Intent[] };

// Words by which a clause asks for a change, in whatever form (verbs, arrows, "should use").
const ASKS_CHANGE =
  /\b(resetting|restarting|rebooting|refreshing|clearing|removing|deleting|wiping|reset|rest|clear|clean|wipe|delete|del|remove|purge|flush|nuke|zap|fix|redo|renew|refresh|regenerate|recreate|rebuild|rearm|extend|restart|reboot|bounce|recycle|cycle|kick|restore|revert|reverse|rollback|back ?out|back (?:it|that|this|them) out|align|standardi[sz]e|harmoni[sz]e|undo|regen|put|set|switch|change|update|updating|modify|amend|edit|configure|point|use|assign|replace|append|add|tack|write|enter|drop|make|move|flip|convert|apply|blow away|get rid of|give|kill|pull|get|take|swap|repoint|go|should|ought|needs?|wants?|must|has to)\b|->|\s=|:\s*(zz|per)|\bper (user|device|seat)\b|\bzzls (as )?(primary|secondary|first|second|backup)\b|\b(user|device) cals\b|\blicense server zz|\bmode\s*(:|=)|\bper (user|device)\b.*\bplease\b|\bzz(rdsh|host) gets zzls\b/;

// "We might refresh the cert on X next month, nothing yet": a plan told, not a change asked for.
const HEDGED =
  /\b(we|i|they|someone)( still)? (might|may|could|will probably|probably will|plan to|are planning to|am planning to|are thinking (of|about)|am thinking (of|about)|intend to|hope to)\b|\b(we|i|they|someone)('ll| will) (probably|likely|maybe|possibly)\b|\bnothing yet\b|\bnothing to do (on|about|with|for) (that|it|this|them)( (now|yet|today))?\b/;

const WOULD_IT_HELP =
  /\b(would|will|could|might|does|do you think|is it worth)\b.{0,25}\b(resetting|wiping|clearing|deleting|removing|refreshing|restarting|rebooting|rearming|switching|changing|pointing|renewing|bouncing)\b.{0,60}\b(fix|sort|help|solve|resolve|cure|work|do the trick|sort out)\b/;

/** Whether a clause's words ask for a change in any form (a verb, an arrow, "should use"). */
export function asksChange(text: string): boolean {
  return ASKS_CHANGE.test(text);
}

export function changes(intent: Intent): boolean {
  return operationDefinition(intent).changesState;
}

/** The read-only answer to a question or complaint that a change rule matched. */
function counterpart(intent: Intent, text: string): Intent {
  if (intent === 'request.rollback') {
    if (/\b(mslicensing|client)\b/.test(text)) return 'advice.copy_client_license';
    if (/\b(backup|back up|restore|registry|keys?|hive|zzls|license server)\b/.test(text))
      return 'advice.cal_migration';
  }
  // "PAC-TS1 -> LICSRV-CENTRAL?": asked of a server by arrow, the read-only reading is whether it reaches it.
  if (intent === 'rdsh.set_license_servers' && /->\s*zzls\b/.test(text)) return 'rdsh.test_license_server';
  return 'licensing.diagnose';
}

/** The read-only intents a message gets instead of the changes it names. */
function readOnlyOf(intents: Intent[], text: string): Intent[] {
  return [...new Set(intents.map((intent) => (changes(intent) ? counterpart(intent, text) : intent)))];
}

/** A clause without the bare values a setting can be written with ("per device", "user CALs"). */
function withoutValues(text: string): string {
  return text.replace(/\bper (user|device|seat|session)s?\b|\b(user|device) cals?\b/g, ' ');
}

export function judge(intents: Intent[], clauses: Clause[], text: string): Verdict {
  const changing = intents.filter(changes);
  if (changing.length === 0) return { kind: 'as-asked', intents };
  // A bare statement ("we use per device") asks for a change only when nothing in the message is a question
  // or a complaint: next to one it is context ("is RDSH01 per user? we use per device").
  const onlyStatements = !clauses.some((c) => c.act === 'question' || c.act === 'complaint');
  const asking = clauses.filter(
    (c) =>
      (c.act === 'request' || (c.act === 'statement' && onlyStatements && !HEDGED.test(c.text))) &&
      ASKS_CHANGE.test(c.text),
  );
  // "WAITROOM-RDS per device mode": a value and a host, no verb, no arrow: it could be a report or an order.
  const valueOnly =
    asking.length > 0 && asking.every((c) => c.act === 'statement' && !asksChange(withoutValues(c.text)));
  if (asking.length > 0 && !valueOnly) return { kind: 'as-asked', intents };
  if (valueOnly) return { kind: 'choose', change: changing, readOnly: readOnlyOf(intents, text) };
  const readOnly = readOnlyOf(intents, text);
  // "would wiping the licence cache on X sort it out?": whether a change would help: it may be wanted.
  if (
    clauses.some((c) => c.act === 'question' && WOULD_IT_HELP.test(c.text)) &&
    !clauses.some((c) => c.act === 'complaint') &&
    // "... or is it something else?" asks what is wrong: the diagnosis answers it.
    !/\bor (is it|could it be|is there) (something|anything) else\b/.test(text)
  )
    return { kind: 'choose', change: changing, readOnly };
  // A fragment beside a full question ("which mode is RDSH01 in, per user or per device?") belongs to it.
  const fullQuestion = clauses.some((c) => c.act === 'question' && !c.fragment);
  if (clauses.some((c) => c.fragment) && !fullQuestion && !clauses.some((c) => c.act === 'complaint'))
    return { kind: 'choose', change: changing, readOnly };
  return { kind: 'read-only', intents: readOnly };
}
