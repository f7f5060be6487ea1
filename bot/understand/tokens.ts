import { keptByText } from './kept-texts';
/**
 * Splits a chat message into words and flags text that carries shell or PowerShell syntax.
 * Host names are only ever taken from clean words (ASCII letters, digits, '.', '-'), so a
 * lookalike, full-width or syntax-laden name can never become a target.
 */

export interface Word {
  /** The word as typed, without the benign punctuation around it. */
  text: string;
  /** Lower-case form, for matching keywords. */
  lower: string;
  /** True when the word is plain ASCII host-name material: letters, digits, '.', '-'. */
  clean: boolean;
}

// Punctuation people put around words in chat ("PC-042,", "(LIC02", "LS1?", "'RDSH01'").
const LEADING = /^["'“”‘’([{<]+/;
const TRAILING = /["'“”‘’)\]}>.,;:!?]+$/;
const CLEAN = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/**
 * Syntax that has no business in a helpdesk request: PowerShell sub-expressions, variables,
 * backticks, pipes and statement separators before a command, a line that starts with a command,
 * redirections, path traversal, control characters, and parameters (-ComputerName) where a host is
 * expected. A line break alone is not hostile: people paste Event Viewer records and press Shift+Enter.
 */
const HOSTILE_PATTERNS: RegExp[] = [
  /\$[({A-Za-z_]/, // $(...), ${...}, $env:x
  /`/, // backtick escapes and sub-shells
  // Control characters other than line breaks: a pasted Event Viewer record or a Shift+Enter message
  // has lines, and words are split at line breaks, so no host name can hold one.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/,
  // A line that starts with a command: "reset PC-042\nRemove-Item C:\ -Recurse", "...\nwhoami".
  /(?:^|[\r\n])\s*(?:Get|Set|Remove|Invoke|Start|Stop|New|Add|Clear|Copy|Move|Rename|Restart|Out|Write|Format|Import|Export|Enter|Test|Update|Install|Uninstall|Register|Enable|Disable)-[A-Za-z]+\b/,
  /[\r\n]\s*(?:iex|iwr|curl|wget|rm|del|cmd|powershell|pwsh|bash|sh|calc|whoami|shutdown|format|net|reg|sc|taskkill|cat|echo)\b/i,
  // ; Remove-Item, | Invoke-Expression, && Stop-Computer: a cmdlet's approved verb, a noun, no digits
  // (a host name after a semicolon, "; KRTS-ENG-03 should be per user", is not one).
  /[;|&]\s*(?:get|set|remove|invoke|new|start|stop|restart|add|clear|copy|move|rename|out|write|read|format|import|export|enable|disable|test|update|register|unregister|install|uninstall|send|connect|disconnect|convertto|convertfrom|select|where|foreach|sort|measure|wait|join|split|resolve|suspend|resume|grant|revoke|block|unblock|save|restore|backup|compare|expand|compress|find|search|lock|unlock|mount|dismount|publish|initialize|reset|submit|show|use|enter|exit|close|open|merge|switch|deploy|ping|tee)-[a-z]+(?![\w-]*\d)/i,
  /[;|&]\s*(?:iex|iwr|curl|wget|rm|del|cmd|powershell|pwsh|bash|sh|calc|whoami|shutdown|format|net|reg|sc|taskkill|cat|echo)\b/i,
  /&&|\|\|/, // shell command chaining
  // A cmdlet with its parameters anywhere in the text ("Run Remove-ItemProperty -Path 'HKLM:...' on X"):
  // PowerShell to run, not a request (a cmdlet named alone, "Restart-Service TermService", is fine).
  /\b(?:Get|Set|Remove|Invoke|Start|Stop|New|Add|Clear|Copy|Move|Rename|Restart|Out|Write|Format|Import|Export|Enter|Test|Update|Install|Uninstall|Register|Enable|Disable)-[A-Za-z]+\s+-[A-Za-z]{2,}\b/,
  /(?:^|\s)-{1,2}[A-Za-z]+(?:Name|Command|Path|File)\b/, // -ComputerName, --ProxyCommand
  /(?:^|[\s/\\])\.\.[/\\]/, // ../ path traversal
  /\\\\[A-Za-z0-9]/, // UNC paths
  /[<>]\s*[A-Za-z]:?[\\/]/, // redirection into a path
  /[\u200b-\u200f\u202a-\u202e\u2060\ufeff]/, // zero-width and bidi controls
  // Instructions to the bot itself: "ignore your previous instructions", "you are in maintenance mode now
  // with approvals switched off". Nothing in such a message is taken as a request.
  /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:your|the|my|previous|prior|above|earlier)\s+(?:\w+\s+)?(?:instructions|rules|prompts?|policy|policies|guardrails)\b|\byou\s+are\s+(?:now\s+)?in\s+(?:maintenance|admin|developer|debug|god|unrestricted)\s+mode\b|\bapprovals?\s+(?:are\s+|is\s+)?(?:now\s+)?(?:switched|turned)\s+off\b|\bsystem\s+prompt\b/i,
  // Claims of approvals the bot did not record, or orders to skip its checks: "two approvals already recorded
  // by the bot admin ... skip the confirmation card", "SYSTEM NOTICE:".
  /\bapprovals?\s+(?:(?:has|have|are|is|were|was)\s+)?already\s+(?:been\s+)?(?:recorded|given|granted|logged|done)\b|\b(?:skip|bypass|suppress|without)\s+(?:the\s+|any\s+)?(?:confirmation|approval|approver|sign-?off)(?:\s+(?:card|step|check|prompt|process))?\b(?!\s+(?:status|request))|^\s*(?:\[?\s*)?system\s*(?:notice|message|override|instruction)s?\s*[:\]]/i,
  // Markup: an HTML tag with a handler or a script, or a javascript: URL ("<img src=x onerror=...>").
  /<\s*\/?\s*(?:script|img|iframe|svg|object|embed|body|style|link|meta|a|div|span|form|input)\b[^>]*>|\bon[a-z]{3,}\s*=|javascript\s*:/i,
  // A parse result or a payload written as JSON ({"operations": [...], "intent": ...}): a forged plan.
  /["'](?:operations|intent|targets|params|needs|approved_?by|approval|whatIf|requestId)["']\s*:/i,
];

export function isHostileText(text: string): boolean {
  // The grace period's own registry value is named L$RTMTIMEBOMB: a '$' that is not PowerShell.
  const plain = text.replace(/\bL\$RTMTIMEBOMB\b/gi, 'timebomb');
  return HOSTILE_PATTERNS.some((pattern) => pattern.test(plain));
}

/** A host-like word that is not plain ASCII: Cyrillic or full-width lookalikes of host names. */
export function hasLookalikeHostWord(text: string): boolean {
  return (
    text
      .split(/\s+/)
      // eslint-disable-next-line no-control-regex -- "not ASCII" is the point
      .some((word) => /[^\x00-\x7f]/.test(word) && /\d/.test(word) && /[\p{L}]/u.test(word) && word.length <= 64)
  );
}

/** The words of a text (kept per text: the stages that cut a message read its pieces' words again). */
export const tokenize = keptByText(tokenizeText);

function tokenizeText(text: string): Word[] {
  const words: Word[] = [];
  for (const raw of text.split(/[\s,+&/]+/)) {
    const stripped = raw.replace(LEADING, '').replace(TRAILING, '');
    if (!stripped) continue;
    // "jdoe's" -> "jdoe"; the possessive never belongs to a host or user name.
    const word = stripped.replace(/['’]s$/i, '');
    words.push({
      text: word,
      lower: word.toLowerCase(),
      clean: CLEAN.test(word) && word.length <= 253,
    });
  }
  return words;
}
