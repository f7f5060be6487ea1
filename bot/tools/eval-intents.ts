import { type EvalExpectation, type ParsedLine, asksToConfirm } from './eval-types';

/** Per intent, over operations: how often it was expected, predicted, and predicted where expected. */
export interface IntentTally {
  expected: number;
  predicted: number;
  truePositives: number;
}

export interface Confusion {
  expected: string;
  got: string;
  count: number;
}

/** Stands for an operation one side has and the other lacks. */
export const NONE = 'none';

/**
 * The intents a line is judged on. On a "change or question?" line the readings offered are the
 * answer, so candidates count on both sides: a parser offering the right two readings is right.
 */
function intentsOf(ops: Array<{ intent: string }>, candidates: Array<{ intent: string }> | undefined, both: boolean) {
  return [...ops, ...(both ? (candidates ?? []) : [])].map((op) => op.intent);
}

/**
 * Matches one line's intents as multisets (two expected resets and one predicted is one true
 * positive), then pairs what is left over in order as confusions; an unpaired side is `none`.
 */
export function compareIntents(expect: EvalExpectation, got: ParsedLine) {
  const both = asksToConfirm(expect);
  const expected = intentsOf(expect.operations ?? [], expect.candidates, both);
  const predicted = intentsOf(got.operations, got.candidates, both);
  const unmatched = [...predicted];
  const missed: string[] = [];
  const hits: string[] = [];
  for (const intent of expected) {
    const at = unmatched.indexOf(intent);
    if (at >= 0) {
      unmatched.splice(at, 1);
      hits.push(intent);
    } else missed.push(intent);
  }
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < Math.max(missed.length, unmatched.length); i++)
    pairs.push([missed[i] ?? NONE, unmatched[i] ?? NONE]);
  return { expected, predicted, hits, pairs };
}

export class IntentStats {
  private readonly tallies = new Map<string, IntentTally>();
  private readonly confusions = new Map<string, Confusion>();

  add(expect: EvalExpectation, got: ParsedLine): void {
    const { expected, predicted, hits, pairs } = compareIntents(expect, got);
    for (const intent of expected) this.tally(intent).expected++;
    for (const intent of predicted) this.tally(intent).predicted++;
    for (const intent of hits) this.tally(intent).truePositives++;
    for (const [want, gave] of pairs) {
      const key = `${want}\u0000${gave}`;
      const entry = this.confusions.get(key) ?? { expected: want, got: gave, count: 0 };
      entry.count++;
      this.confusions.set(key, entry);
    }
  }

  /** Precision and recall are null where there is nothing to divide by, rather than a made-up 0 or 1. */
  perIntent() {
    return [...this.tallies.entries()]
      .map(([intent, t]) => ({
        intent,
        ...t,
        precision: t.predicted > 0 ? t.truePositives / t.predicted : null,
        recall: t.expected > 0 ? t.truePositives / t.expected : null,
      }))
      .sort((a, b) => b.expected - a.expected || (a.intent < b.intent ? -1 : 1));
  }

  /** Ties are broken by name so two runs of the same parser print the same list. */
  topConfusions(limit = 10): Confusion[] {
    return [...this.confusions.values()]
      .sort((a, b) => b.count - a.count || `${a.expected} ${a.got}`.localeCompare(`${b.expected} ${b.got}`))
      .slice(0, limit);
  }

  private tally(intent: string): IntentTally {
    const existing = this.tallies.get(intent);
    if (existing) return existing;
    const created = { expected: 0, predicted: 0, truePositives: 0 };
    this.tallies.set(intent, created);
    return created;
  }
}
