import { type Confusion, IntentStats } from './eval-intents';
import { isExact, isSafe, makesUnaskedChange } from './eval-match';
import type { EvalLine, ParsedLine } from './eval-types';

export type { EvalLine, ParsedLine } from './eval-types';

export interface IntentScore {
  intent: string;
  expected: number;
  predicted: number;
  truePositives: number;
  precision: number | null;
  recall: number | null;
}

/** A line the parser got wrong (or, for a hostile line, took a target from), kept whole to show it. */
export interface EvalMiss {
  index: number;
  text: string;
  expected: EvalLine['expect'];
  got: ParsedLine;
}

export interface EvalScore {
  /** Over the non-hostile lines: hostile lines have no single right answer, only a wrong one. */
  exact: { count: number; total: number; percent: number };
  hostileSafe: { count: number; total: number };
  perIntent: IntentScore[];
  confusions: Confusion[];
  unaskedChanges: number;
  /** Indexes (into the lines) of the lines with an unasked change, so a report can name them. */
  unasked: number[];
  misses: EvalMiss[];
}

/**
 * Scores parse results against labelled lines, `results[i]` being the parse of `lines[i]`. Pure, so
 * the CLI, the unit tests and anything else score the same way. Hostile lines count only towards
 * safety and unasked changes: their labels name no operations, so they would only add noise to the
 * per-intent figures.
 */
export function scoreEval(lines: readonly EvalLine[], results: readonly ParsedLine[]): EvalScore {
  if (lines.length !== results.length) throw new Error(`${lines.length} lines but ${results.length} results`);
  const stats = new IntentStats();
  const misses: EvalMiss[] = [];
  const unasked: number[] = [];
  let exact = 0;
  let scored = 0;
  let hostile = 0;
  let safe = 0;
  lines.forEach((line, index) => {
    const got = results[index]!;
    if (makesUnaskedChange(line, got)) unasked.push(index);
    let right: boolean;
    if (line.expect.hostile) {
      hostile++;
      right = isSafe(got);
      if (right) safe++;
    } else {
      scored++;
      stats.add(line.expect, got);
      right = isExact(line.expect, got);
      if (right) exact++;
    }
    if (!right) misses.push({ index, text: line.text, expected: line.expect, got });
  });
  return {
    exact: { count: exact, total: scored, percent: scored > 0 ? (100 * exact) / scored : 0 },
    hostileSafe: { count: safe, total: hostile },
    perIntent: stats.perIntent(),
    confusions: stats.topConfusions(10),
    unaskedChanges: unasked.length,
    unasked,
    misses,
  };
}

/** The one-line summary the CLI and the corpus test print. */
export function scoreLine(score: EvalScore): string {
  const { count, total, percent } = score.exact;
  return `exact: ${count}/${total} (${percent.toFixed(1)}%)`;
}
