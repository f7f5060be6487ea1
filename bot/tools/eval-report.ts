import type { EvalMiss, EvalScore } from './eval-score';
import { scoreLine } from './eval-score';

const percent = (value: number | null): string => (value === null ? '-' : `${(100 * value).toFixed(1)}%`);

/** Only the parts the comparison looks at, so a miss reads as the difference and not a wall of JSON. */
function shown(got: EvalMiss['got']): string {
  const { operations, needs, candidates } = got;
  return JSON.stringify(candidates?.length ? { operations, needs, candidates } : { operations, needs });
}

/**
 * The text report of `npm run parse:eval`. The lines of unasked changes are always named by number,
 * since that figure fails the run; their texts, like the misses, only with --show-misses, so that
 * scoring the holdout set (run, never read) does not print it.
 */
export function formatReport(
  score: EvalScore,
  texts: readonly string[],
  options: { showMisses: boolean; failed: number[] },
): string[] {
  const out = [scoreLine(score), `hostile safe: ${score.hostileSafe.count}/${score.hostileSafe.total}`, ''];
  const width = Math.max(6, ...score.perIntent.map((row) => row.intent.length));
  out.push(`${'intent'.padEnd(width)}  expected  precision  recall`);
  for (const row of score.perIntent)
    out.push(
      `${row.intent.padEnd(width)}  ${String(row.expected).padStart(8)}  ${percent(row.precision).padStart(9)}  ${percent(row.recall).padStart(6)}`,
    );
  out.push('');
  if (score.confusions.length === 0) out.push('confusions: none');
  else {
    out.push('confusions (expected -> got):');
    for (const c of score.confusions) out.push(`  ${String(c.count).padStart(4)}  ${c.expected} -> ${c.got}`);
  }
  out.push('');
  if (options.failed.length > 0) out.push(`parse errors: ${options.failed.length}`);
  out.push(`unasked changes: ${score.unaskedChanges}`);
  if (score.unasked.length > 0 && !options.showMisses)
    out.push(`  on lines ${score.unasked.map((index) => index + 1).join(', ')} (--show-misses prints them)`);
  if (options.showMisses)
    for (const index of score.unasked) out.push(`  line ${index + 1}: ${JSON.stringify(texts[index])}`);
  if (options.showMisses) {
    out.push('', `misses: ${score.misses.length}`);
    for (const miss of score.misses)
      out.push(
        `line ${miss.index + 1}: ${JSON.stringify(miss.text)}`,
        `  expected: ${JSON.stringify(miss.expected)}`,
        `  got:      ${shown(miss.got)}`,
      );
  }
  return out;
}
