/**
 * Stage 1 of understanding: one spelling for the many ways people type the same thing, so that the
 * later stages match words, not spellings. The result keeps the message's word order and positions of
 * clauses; host names are never altered here (the host resolver reads the original words).
 */

// Typographic quotes and dashes arrive from Outlook, Word and phones; the rules should not care.
const QUOTES: Array<[RegExp, string]> = [
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″«»]/g, '"'],
  [/[‐‑‒–—―]/g, ' - '],
  [/…/g, '...'],
];

// Spellings and compounds: British and American spellings, hyphenated or split compounds, arrows.
const SPELLINGS: Array<[RegExp, string]> = [
  // "liscence", "lisence", "licsense": the word helpdesk staff misspell most.
  [/\bl[iy][sc]{1,2}[ea]n[cs]{1,2}(e[sd]?|ing)\b/g, 'licens$1'],
  [/\blicen[cs](e[sd]?|ing)\b/g, 'licens$1'],
  [/\blicen[cs](?:e|ing)[- ]?server/g, 'license server'], // "licensing server" is the license server too
  [/\bper[- ](user|device|seat|session)/g, 'per $1'],
  [/\bper(user|device|seat|session)/g, 'per $1'],
  [/\bre-?arm(s|ed|ing)?\b/g, 'rearm$1'],
  [/\btime[- ]bomb/g, 'timebomb'],
  [/\bx[.-]?509\b/g, 'x509'],
  [/\bx[.-]?224\b/g, 'x224'],
  [/\bms[- ]?lic(ensing)?\b/g, 'mslicensing'],
  [/\bhardware[- ]id\b/g, 'hardwareid'],
  [/\broll[- ]back\b/g, 'rollback'],
  [/\bre-?boot/g, 'reboot'],
  [/\bre-?start/g, 'restart'],
  [/\bsub[- ]keys?\b/g, 'subkeys'],
  [/\bkey[- ]?packs?\b/g, 'keypacks'],
  [/\be-?mail\b/g, 'email'],
  // Admins' shorthand: "rdsh svc restart X", "X evts 24h".
  [/\bsvcs?\b/g, 'service'],
  [/\b(evts|evnts|evs)\b/g, 'events'],
  [/\b(evt|evnt)\b/g, 'event'],
  [/\bcan'?t\b|\bcannot\b/g, 'cannot'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bdon'?t\b/g, 'do not'],
  [/\bdoesn'?t\b/g, 'does not'],
  [/\bisn'?t\b/g, 'is not'],
  [/\bwhat'?s\b/g, 'what is'],
  [/\bwho'?s\b/g, 'who is'],
  [/\bhow'?s\b/g, 'how is'],
  [/\bwhere'?s\b/g, 'where is'],
  [/\bi'?d like\b/g, 'i would like'],
  [/\bu\b/g, 'you'],
  [/\b(ye|yous|youse)\b/g, 'you'],
  [/\b(pls|plz|plse|pleaes|pleas)\b/g, 'please'],
  [/\b(bitte|por favor|prego|per favore|lütfen|proszę|alsjeblieft|svp|onegaishimasu)\b/g, 'please'],
  [/\b(thx|thanx|thnx|ty)\b/g, 'thanks'],
  // Three-letter typos are below the typo stage's four letters: "for the lst week".
  [/\b(lst|lsat)\b(?= (week|day|month|\d+|24|48|few|hour|night|change))/g, 'last'],
  [/=>|->|-->|→|⇒/g, ' -> '],
  [/\brest (the|its|his|her|their|my|our|this|that)\b/g, 'reset $1'],
  [/\brest (grace|timebomb|mslicensing|licen[cs]\w*|cache|client)\b/g, 'reset $1'],
  [/\bper (usr|uesr|usre|useer)\b/g, 'per user'],
  [/\b(hwo|hw|hoe|howm) (many|much)\b/g, 'how $2'],
  [/\b(hav|hve|ahve)\b(?= (we|you|they|i)\b| got\b)/g, 'have'],
  [/\bper (dev|devce|devic|dvice|devise|decive)\b/g, 'per device'],
  // "drops out of the clinical system every hour": a session that ends, never "drop" as in remove.
  [/\bdrop(s|ped|ping)? (out|off)\b/g, 'disconnects'],
  // Indian English "revert" is "reply": "please check and revert", "revert with the status".
  [/\b(check|look|see|confirm) and revert\b/g, '$1 and reply'],
  [/\brevert( back)? (to me|to us|with|at the earliest|asap|soon)\b/g, 'reply $2'],
  [/\brevert(\s*[.!]*\s*)$/g, 'reply$1'],
  [/\bl\$rtmtimebomb\b/g, 'timebomb'],
];

// Error texts people paste without quotes (Windows' own wording): evidence of a problem, not a request.
const ERROR_TEXTS =
  /(the remote (session|computer) (was )?disconnected( the session)?|because )?(there are )?no remote desktop license servers? (is |are )?available( to provide a license)?|(an )?error in the licensing protocol|because of a (protocol|security) error|the licensing mode for the remote desktop session host( server)? is not configured|remote desktop services will stop working in \d+ days?|no licenses? (is |are )?available|no license servers? (is |are )?(available|specified)|the rd licensing grace period has expired( and the service has not registered with a license server with installed licenses)?|the (terminal|remote desktop session host) server cannot issue a client license|no remote desktop license server is specified|the (remote desktop )?license (has )?expired|(does|do) not have a license|failed to (obtain|get) a license/g;

// Names of folders, keys and values that people quote when they ask about them.
const QUOTED_NAMES =
  /^\s*(rdc crucial server information|mslicensing|hardwareid|store|timebomb|x509 certificate( id)?( 2)?|x509|graceperiod|licensingmode|licenseservers|specifiedlicenseservers|termservice|remote desktop services)\s*$/;

/** Lower case, one spelling per word, single spaces. */
/**
 * German words German-speaking staff write to the bot, read as the English ones: enough for "Kannst du
 * bitte den Lizenzmodus von X auf Pro Benutzer umstellen?" to be the mode change it asks for.
 */
const GERMAN: Array<[RegExp, string]> = [
  [/\b(kannst du|können sie|koennen sie|könnt ihr|kann jemand)\b/g, 'can you'],
  [/\bbitte\b/g, 'please'],
  [/\blizenzmodus\b/g, 'licensing mode'],
  [/\blizenzserver\b/g, 'license server'],
  [/\blizenz(en)?\b/g, 'license$1'],
  [/\bpro benutzer\b/g, 'per user'],
  [/\bpro (gerät|geraet)\b/g, 'per device'],
  [/\b(umstellen|ändern|aendern|wechseln|umschalten|setzen)\b/g, 'switch'],
  [/\b(neu starten|neustarten|neu gestartet)\b/g, 'restart'],
  [/\bdienst\b/g, 'service'],
  [/\bzurücksetzen|zuruecksetzen\b/g, 'reset'],
  [/\bdanach\b/g, 'then'],
  [/\b(auf|nach)\b/g, 'to'],
];

/**
 * Whether any spelling rule could apply: most sentences of a ticket have none of them, and one test
 * then stands for forty-odd passes. Exact: if no rule matches the text, no rule changes it, so no later
 * rule can match what an earlier one wrote.
 */
const ANY_SPELLING = new RegExp(SPELLINGS.map(([pattern]) => `(?:${pattern.source})`).join('|'));
const ANY_QUOTE = new RegExp(QUOTES.map(([pattern]) => pattern.source).join('|'));

/** Any word of the German table, so that English text skips it (one test instead of thirteen replaces). */
const GERMAN_WORDS = new RegExp(GERMAN.map(([pattern]) => pattern.source).join('|'));

export function normalise(text: string): string {
  const known = recent.get(text);
  if (known !== undefined) return known;
  let out = text.toLowerCase();
  if (ANY_QUOTE.test(out)) for (const [pattern, replacement] of QUOTES) out = out.replace(pattern, replacement);
  // Emoji carry no request ("hiya 👋 could u ..."), and would hide the start of a clause.
  if (/[^\t-\u024f]/.test(out)) out = out.replace(/\p{Extended_Pictographic}\uFE0F?/gu, ' ');
  if (ANY_SPELLING.test(out)) for (const [pattern, replacement] of SPELLINGS) out = out.replace(pattern, replacement);
  if (GERMAN_WORDS.test(out)) for (const [pattern, replacement] of GERMAN) out = out.replace(pattern, replacement);
  out = out.replace(/[ \t]+/g, ' ').trim();
  if (recent.size >= 64) recent.clear();
  recent.set(text, out);
  return out;
}

/**
 * The last few texts normalised: a message's parts are normalised once to tell what they do and again
 * when each is parsed, and a 500-character ticket costs 40 passes of regular expressions each time.
 */
const recent = new Map<string, string>();

/**
 * Pasted error texts in quotes are evidence of a problem, never a request: "…no license servers
 * available…" must not read as "set the license servers". Quoted spans are cut from the text the
 * intent rules see and returned apart, so a diagnosis can still use them. A single quote opens a span
 * only where no word ends just before it: "jdoe's ... tnguyen's" is two possessives, not a quote.
 */
const QUOTED_REQUEST =
  /(?:^|[,;.!?:]\s)\s*(please|pls|kindly|can you|could you) (get|reset|refresh|renew|set|clear|restart|point|change|switch|remove|delete|wipe|add|check|look)\b|^\s*((we|i) )?need (the |a |an )?[\w ]{0,30}\b(reset|refresh(ed)?|renewed|cleared|restart(ed)?|changed|switched)\b/;

export function splitQuoted(text: string): { text: string; quoted: string[] } {
  const quoted: string[] = [];
  const rest = text.replace(
    /"([^"]{3,})"|(?<![a-z0-9])'([^']{12,})'(?![a-z])/g,
    (span: string, a: string | undefined, b: string | undefined) => {
      const inside = a ?? b ?? '';
      // A quoted name ("'RDC Crucial Server Information' folder", "'X509 Certificate'") is the thing asked about.
      if (inside.length < 60 && QUOTED_NAMES.test(inside)) return ` ${inside} `;
      // A request passed on in quotes ('Forwarded: "Please get the certificates refreshed on ..."', "'X shows
      // event 1004, please refresh its cert'") is the request.
      if (QUOTED_REQUEST.test(inside)) return ` ${inside} `;
      quoted.push(inside);
      // A quoted sentence ends its sentence: 'users see "... remote computer." Requested fix: ...'.
      return /[.!?]\s*$/.test(inside) ? ' zzquote. ' : ' zzquote ';
    },
  );
  const cleaned = rest.replace(ERROR_TEXTS, (match) => {
    quoted.push(match);
    return ' zzquote ';
  });
  return { text: cleaned, quoted };
}

/**
 * The text without a note of where it was pasted from (see PASTE_PREAMBLE).
 */
export function withoutPasteNote(text: string): string {
  return text.replace(PASTE_PREAMBLE, '');
}

/** "modes: OFFICE-RDS per user, FINANCE-RDS per device - set them": a heading over the values, no request. */
export function withoutValueHeading(text: string): string {
  return text.replace(/^\s*(?:licensing |licence |license )?(?:modes?|settings)\s*:\s*/i, '');
}

/**
 * "Copy-paste from Ivanti:", "from the queue ->", "fwd:": where the text came from, said before it.
 * Furniture, dropped, so its words ("copy") are not read as part of the request.
 */
const PASTE_PREAMBLE =
  /^\s*(copy[- ]?past(e|ed)|pasted|forward(ed)?|fwd?|from the (queue|ticket|portal|service ?desk))\b[^:>\n]{0,40}?(:|->|=>)\s*/i;
