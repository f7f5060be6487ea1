import type { Host, Need, ParseResult } from '../domain';
import { POINTS_BACK } from './intent-words';
import { namedTargets } from './named-targets';
import { normalise } from './normalise';
import { changes } from './safety';
import { speechActs } from './speech-act';

/**
 * "please reset the client license on PC-00736. The same user also tried from PC-00108 without luck.":
 * a long ticket names hosts in sentences that only report (what was tried, where else the user logged
 * on, which host looks fine). When a sentence that asks names hosts of its own, a host named only in
 * reporting sentences is no target of a change: it is where the trouble was seen, not what to change.
 * Without such a sentence ("PC-042 gets event 1003. Reset its licence.") the report's host is the one meant.
 */
const SENTENCES = /(?<=[.!?])\s+|\n+/g;
const ASKING = new Set(['request', 'question']);

export function withoutReportedHosts(text: string, result: ParseResult, inventory: readonly Host[]): ParseResult {
  if (!result.operations.some((op) => changes(op.intent) && op.targets.length > 1)) return result;
  // Where each sentence ends, so each host named in the text (one look, with offsets) has its sentence.
  const ends = [...text.matchAll(SENTENCES)].map((end) => end.index ?? 0);
  if (ends.length === 0) return result;
  const asked = new Set<string>();
  const reported = new Set<string>();
  const sentenceAt = (index: number): string =>
    text.slice(index === 0 ? 0 : (ends[index - 1] as number), ends[index] ?? text.length).trim();
  const kept = new Map<number, boolean>();
  const asks = (index: number): boolean => {
    let known = kept.get(index);
    if (known === undefined) {
      known = speechActs(normalise(sentenceAt(index))).some((clause) => ASKING.has(clause.act) || clause.fragment);
      kept.set(index, known);
    }
    return known;
  };
  for (const { host, at } of namedTargets(text, inventory)) {
    const sentence = ends.filter((end) => end < at).length;
    // "KLVPC21 and KLVPC22 lost the stock system. Can you reset both their licence caches?": the ask that
    // points back takes the hosts of the sentence before it.
    const pointedAt = sentence < ends.length && POINTS_BACK.test(sentenceAt(sentence + 1)) && asks(sentence + 1);
    (asks(sentence) || pointedAt ? asked : reported).add(host.name);
  }
  const onlyReported = [...reported].filter((host) => !asked.has(host));
  if (asked.size === 0 || onlyReported.length === 0) return result;
  const needs = new Set<Need>(result.needs);
  const operations = result.operations.map((op) => {
    if (!changes(op.intent)) return op;
    const targets = op.targets.filter((target) => !onlyReported.includes(target));
    if (targets.length === 0 && op.targets.length > 0) needs.add('target');
    return { ...op, targets };
  });
  return { ...result, operations, needs: [...needs] };
}
