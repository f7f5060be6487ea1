import type { CheckState, HostDiagnosis } from '../bot/diagnosis/diagnosis';
import { worstFirst } from '../bot/diagnosis/diagnosis';
import { type CardElement, container, executeAction, facts, heading, paragraph, plain } from './card-kit';
import { clockTime } from './approval-facts';
import { VERB } from './verbs';

/** The state in words first (colour only repeats it), so the card reads the same in every theme. */
const WORD: Record<CheckState, string> = { ok: 'OK', info: 'Note', warn: 'Check', bad: 'Problem', unknown: 'Not read' };
const COLOUR: Record<CheckState, 'good' | 'warning' | 'attention' | undefined> = {
  ok: 'good',
  info: undefined,
  warn: 'warning',
  bad: 'attention',
  unknown: 'warning',
};

/** The diagnosis names instants in RFC 3339; each reader sees them in their own time (TIME()). */
function readerTimes(text: string): string {
  return plain(text).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, (iso) => clockTime(iso));
}

/** A fix button: it asks for the plan in words, which then gets the normal preview and approval. */
function fixAction(title: string, request: string): CardElement {
  return executeAction(title, VERB.ask, { text: request });
}

function oneHost(d: HostDiagnosis): CardElement[] {
  return [
    heading(`${WORD[d.state]}: ${plain(d.host)}`, COLOUR[d.state]),
    paragraph(readerTimes(d.verdict)),
    facts(d.checks.map((c) => [c.name, `${WORD[c.state]}: ${readerTimes(c.detail)}`])),
  ];
}

/**
 * The diagnosis section of a report: for one host its verdict, every check and the fix buttons; for
 * several one table, worst first, and the fixes of the worst hosts (each button names its host).
 */
export function diagnosisSection(diagnoses: readonly HostDiagnosis[]): { body: CardElement[]; actions: CardElement[] } {
  const [only] = diagnoses;
  if (diagnoses.length === 1 && only) {
    return { body: oneHost(only), actions: only.fixes.map((fix) => fixAction(fix.title, fix.request)) };
  }
  const sorted = worstFirst(diagnoses);
  const problems = sorted.filter((d) => d.state === 'bad' || d.state === 'warn').length;
  return {
    body: [
      heading(
        problems > 0
          ? `${problems} of ${diagnoses.length} hosts need attention`
          : `${diagnoses.length} hosts: no problem found`,
        problems > 0 ? 'attention' : 'good',
      ),
      container([facts(sorted.map((d) => [plain(d.host), `${WORD[d.state]}: ${readerTimes(d.verdict)}`]))]),
    ],
    actions: sorted
      .flatMap((d) => d.fixes.map((fix) => fixAction(`${fix.title} (${d.host})`, fix.request)))
      .slice(0, 4),
  };
}
