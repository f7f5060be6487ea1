import { keptByText } from './kept-texts';

/**
 * Stage 4: what each clause of a message does. Only a clause that asks for something ("reset ...",
 * "can you reset ...", "RDSH01 should use LS1", "RDSH01 -> LS1") may bring a change; a question
 * ("why does ...", "is RDSH01 ...?", "should I ...?") or a complaint ("users get ...", "PC-042 keeps
 * ...") about a host gets the read-only counterpart. Works on normalised, host-masked text.
 */
export type SpeechAct = 'request' | 'question' | 'complaint' | 'statement' | 'social' | 'constraint';

export interface Clause {
  text: string;
  act: SpeechAct;
  /** A clause that asks for something and has no verb, only "?" ("RDSH01 per user?"): could be either. */
  fragment: boolean;
}

// Greetings, politeness and ticket furniture in front of the clause's real start.
const LEAD =
  /^(?:(?:hi|hello|hey|hiya|yo|morning|good (?:morning|afternoon|evening)|team|all|folks|guys|there|bot|sorry|apologies|urgent|quick one|quick question|two things|a few things|a couple of things|(?:when|once|if) you (?:have|get|find) (?:a|the) (?:sec|second|minute|moment|chance|mo)|whenever you can|when you can|ok|okay|so|and|also|then|but|just|now|again|re|fw|fwd|ticket|inc\d+|ritm\d+|req\d+|sr\d+|#?\d+|ref|please|kindly|thanks|thank you|cheers|asap|zzquote|(?:while|whilst) (?:you(?:'re| are)|i(?:'m| am)) (?:at it|there|in there|on it|here)|for now|for the moment|in the meantime|on top of that|one more thing|oh and|by the way|btw)\b[\s:#.,!-]*)+/;

/** Ticket form labels in front of the request itself: "Requested fix: refresh ...", "Action: reset ...". */
const LABEL =
  /^(?:[a-z]+ ){0,2}(?:fix|action|change|request|requested|ask|to do|todo|resolution|next step|task)(?: [a-z]+){0,2}\s*:\s*/;

/** "can you", "could someone", "is possible you", "i need you to", "go ahead and": a request said politely. */
const ASKING =
  /^(?:(?:can|could|may|might) (?:i|we) (?:please )?ask (?:you|someone|somebody|one of you) (?:to |if you (?:could|can) |whether you (?:could|can) )(?:please )?|(?:can|could|would|will|cud|cn) (?:you|u|ya|someone|somebody|anyone|we|i) (?:please |pls |plz )?|(?:is|it is|would it be|is it) (?:it )?possible (?:for you )?(?:to |that you |you )(?:can |could |please )?|(?:please,? )?you can (?:please )?|(?:would|do) you mind |i need (?:you )?to |we need to |(?:i|we) (?:am|are) need(?:ing)? |i would like (?:you )?to |i want (?:you )?to |need (?:you )?to |want to |would like to |let'?s |go ahead and |help me |i need |we need |i want |we want |please )+/;

const IMPERATIVE =
  /^(?:reset|rest|clear|clean|wipe|delete|del|remove|purge|flush|nuke|zap|fix|redo|renew|refresh|regenerate|recreate|rebuild|rearm|extend|give|restart|reboot|bounce|recycle|cycle|kick|kill|restore|revert|reverse|rollback|roll|align|standardi[sz]e|harmoni[sz]e|back ?out|undo|regen|put|set|switch|change|configure|point|use|assign|replace|append|add|drop|make|move|flip|convert|apply|blow|get rid|take|show|list|pull|display|check|look|see|find|diagnose|troubleshoot|test|verify|ping|run|tell|count|report|audit|cancel|abort|withdraw|scrap|forget|stop|get|do|try|investigate|inspect|confirm|sort out|repoint)\b/;

/** "tell me which mode it is on", "let me know whether ...": a question put as an order. */
const TELL_ME = /^(?:tell me|let me know|show me|find out)\s+(?:which|what|whether|if|how|why|when|who)\b/;

const QUESTION_START =
  /^(?:what|why|how|when|where|which|who|whose|is|are|was|were|does|do|did|has|have|had|can|could|should|would|will|shall|may|might|any|anyone|anybody)\b/;

const COMPLAINT =
  /\b(?:error|errors|cannot|unable|fail|fails|failing|failed|getting|gets|got|(?<=\b(?:users?|they|we|i|people|everyone|staff) )get|even though|keeps(?! (?:the|its|their)\b)|keep(?! (?:the|its|their|it|them)\b)|says|saying|shows|showing|throwing|throws|logs|logged|logging|broken|not working|does not work|will not|expired|expiring|disconnected|disconnects|disconnecting|stopped|complain\w*|reports?|reported|issue|issues|problem|problems|trouble|kicked|denied|refused|warning|popup|pop-up|zzquote|nothing works|down|not work\w*|did not|no longer|lost|losing|loses|missing|did nothing|no (luck|joy|effect|difference)|made no difference|a mess|messed up|nightmare|the same thing|died|dead|dying|crash\w*|nobody\b.{0,20}\bcan|no one\b.{0,20}\bcan|outage|gone (sideways|wrong|bad|down|haywire)|fallen over|fell over|falls over|falling over|moan\w*|whing\w*|grumbl\w*|playing up|acting up|say|see|seeing|hangs?|hanging|stuck|did(n'?t| not) (stick|take|work|help|apply|change anything)|does(n'?t| not) (stick|work|help|apply)|won'?t (stick|work|connect|apply|take)|is(n'?t| not) (working|sticking|applied)|not stick\w*|revert(ed|s|ing) (itself|back|on its own))\b/;

const NEEDS_DONE =
  /\b(?:all |both )?needs? (?:the|a|an|its|their|his|her) [\w -]{0,40}\b(?:wiped|reset|cleared|deleted|removed|refreshed|restarted|changed|switched|renewed|rearmed|redone|wiping|resetting|clearing|deleting|removing|refreshing|restarting|changing|switching|renewing|rearming|redoing)\b/;

/** "EDITBAY-A gets the full MSLicensing key deleted": a host having a change done to it, asked for. */
const GETS_DONE =
  /^zz\w+ gets (?:the|its|a|an|their|his|her)? ?[\w -]{0,40}\b(?:wiped|reset|cleared|deleted|removed|refreshed|restarted|renewed|rearmed|redone|switched|changed)(?: (?:please|pls|today|now|asap|too|as well))?[.!]?$/;

/** "after the patch weekend", "since we reset the cache on Monday": what happened before, not what is asked. */
const HISTORY =
  /^(?:after|since|following) (?:a|an|the|my|our|his|her|their|its|that|this|last|yesterday'?s|(?:we|i|they|you|someone|somebody|he|she)(?:'ve| have| had)? (?:\w+ed|reset|set|put|ran|did|made|rebuilt|swapped|moved)\b)/;

const PLEASE = /\b(please|pls|plz|plse|pleeze)\b/;

/** Clauses: sentences, and the parts of a sentence joined by ",", " - ", "but", "so", "then". */
export function splitClauses(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+|\s*[,;|]\s*|\s+-\s+|\s+(?:but|so|then|and then|also)\s+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** What one clause does (kept per clause text: the parts of a message repeat its clauses). */
export const classify = keptByText(classifyClause);

function classifyClause(clause: string): Clause {
  const led = clause.replace(LEAD, '');
  const label = LABEL.exec(led)?.[0];
  const bare = led.replace(LABEL, '').trim();
  // "passing this on from Niamh in litigation: could you please reset ...": a polite request after a
  // colon asks. A bare verb after one does not: "Steps tried: reset MSLicensing on PC-040" is history.
  const afterColon = /^[^:]{3,80}:\s+(.+)$/.exec(bare)?.[1];
  if (afterColon && (ASKING.test(afterColon) || QUESTION_START.test(afterColon)))
    return { ...classify(afterColon), text: clause };
  const asked = ASKING.exec(bare);
  const core = asked ? bare.slice(asked[0].length) : bare;
  const endsAsking = /\?\s*$/.test(clause);
  if (!core || /^(thanks|thank you|cheers|ta|great|perfect|awesome|ok|okay|cool|nice)\b/.test(core))
    return { text: clause, act: 'social', fragment: false };
  // "don't kick anyone off", "no reboot": how to do what the message asks, never a request by itself.
  if (/^(do not|never|no need to|without|no)\b/.test(core) && !endsAsking)
    return { text: clause, act: 'constraint', fragment: false };
  if (asked && !/^(can|could|would|will) (we|i)\b/.test(bare.slice(0, 9)))
    return { text: clause, act: 'request', fragment: false };
  if (asked) return { text: clause, act: IMPERATIVE.test(core) ? 'request' : 'question', fragment: false };
  if (/^(?:should|shall) (?:i|we)\b/.test(core)) return { text: clause, act: 'question', fragment: false };
  // "she just wants to know what is wrong": wanting to know asks a question, not for a change.
  if (/\b(wants?|would like|needs?) to (know|understand|find out|see|learn)\b/.test(core))
    return { text: clause, act: 'question', fragment: false };
  // "On DSGN-WS05 only remove the subkeys": where, said before the order.
  const placed = /^(?:on|for) zz\w+(?: only)?,?\s+(?=[a-z])/.exec(core)?.[0];
  if (placed && IMPERATIVE.test(core.slice(placed.length)) && !endsAsking)
    return { text: clause, act: 'request', fragment: false };
  // "PC-1128..PC-1131 all need the client licence cache wiped": a need with the change done to it asks.
  if (NEEDS_DONE.test(core) && !endsAsking && !QUESTION_START.test(core))
    return { text: clause, act: 'request', fragment: false };
  if (GETS_DONE.test(core)) return { text: clause, act: 'request', fragment: false };
  // "HOTEL-TS-A: wipe the X509 values": a host named as a label, then the order.
  if (/^zz\w+\s*:\s*/.test(core) && IMPERATIVE.test(core.replace(/^zz\w+\s*:\s*/, '')))
    return { text: clause, act: 'request', fragment: false };
  // "do the restart of ...": an order that starts with "do", not a question.
  if (/^do (?:(?:the|a|an)\b|(?:restart|reset|refresh|rollback|cancel|check)\b)/.test(core))
    return { text: clause, act: 'request', fragment: false };
  if (QUESTION_START.test(core) || TELL_ME.test(core)) return { text: clause, act: 'question', fragment: false };
  // "restart RDS on RDSH03?": an order with a question mark could be either, so it is asked about.
  if (IMPERATIVE.test(core) && !/^(?:do|does) /.test(core))
    return endsAsking && !PLEASE.test(clause)
      ? { text: clause, act: 'question', fragment: true }
      : { text: clause, act: 'request', fragment: false };
  // "after a licence cache reset on BRK-CC1002 yesterday, why ...": what was done before, told as the trouble's history.
  if (HISTORY.test(core) && !PLEASE.test(clause)) return { text: clause, act: 'complaint', fragment: false };
  // "PAC-TS3 gets LICSRV-CENTRAL": a host given a server or a value, not a host that gets an error.
  const negated = /\b(should|must|shall|needs? to)\s+(not|never)\b|\b(should|must)n'?t\b/.test(core);
  if (
    !negated &&
    /->|\s=\s?|(?<!^(?:ci|ca|asset|device|host|machine|computer|pc|hostname|affected (?:ci|device|host|machine)))\s*:\s*(per|zz)|\bmode\s*(:|=)|\b(should|ought to|needs? to|has to|must|wants?|needs|shall)\b|\bzz(rdsh|host) gets zzls\b|\bzz(rdsh|host) (gets|goes to) per (user|device)( mode| licensing)?\s*($|[.,;!])/.test(
      core,
    )
  )
    // "TS-HR-01 -> LS1?": a setting written as an arrow with a question mark could be either.
    return {
      text: clause,
      act: endsAsking ? 'question' : 'request',
      fragment: endsAsking && /->|\s=|:\s*(per|zz)/.test(core),
    };
  if (COMPLAINT.test(core)) return { text: clause, act: endsAsking ? 'question' : 'complaint', fragment: false };
  if (endsAsking) return { text: clause, act: 'question', fragment: !/\b(is|are|does|do|did|has|have)\b/.test(core) };
  if (PLEASE.test(clause)) return { text: clause, act: 'request', fragment: false };
  // A ticket's "Request: per-device licensing mode on CCRDS-C" field is what is asked, verb or not;
  // "Action taken: ..." is history.
  if (label && !/\b(taken|tried|done|attempted|already|so far|history|previous)\b/.test(label))
    return { text: clause, act: 'request', fragment: false };
  // A clause with a change word anywhere and nothing that makes it a question: "timebomb reset on RDSH03".
  return { text: clause, act: 'statement', fragment: false };
}

export function speechActs(text: string): Clause[] {
  return splitClauses(text).map(classify);
}
