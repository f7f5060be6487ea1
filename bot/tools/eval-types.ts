import { operationDefinition } from '../catalogue';
import type { Intent, PlannedOperation } from '../domain';

/**
 * The labelled line of tests/eval/README.md and of the shared corpus (which has no `kind` and no
 * `candidates`). Read from JSON, so every part the scorer relies on is optional and checked.
 */
export interface ExpectedOperation {
  intent: string;
  targets?: string[];
  params?: Record<string, unknown>;
}

export interface EvalExpectation {
  hostile?: boolean;
  operations?: ExpectedOperation[];
  needs?: string[];
  candidates?: ExpectedOperation[];
}

export interface EvalLine {
  text: string;
  kind?: string;
  expect: EvalExpectation;
}

/**
 * What the scorer needs from a parse: `candidates` is optional so the output of `npm run parse`
 * (which prints no candidates) and parsers older than the candidates field can be scored too.
 */
export interface ParsedLine {
  operations: PlannedOperation[];
  needs: readonly string[];
  candidates?: PlannedOperation[];
}

/**
 * An intent the catalogue does not know is not "changing": the bot has no script to run for it, so
 * it cannot change a host; it still shows up as a confusion.
 */
export function changesState(intent: string): boolean {
  return operationDefinition(intent as Intent)?.changesState === true;
}

/** Key order in a params object is no difference: compare a canonical form. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}

/** Lines asking "change or question?" are scored on their candidates as well as their operations. */
export function asksToConfirm(expect: EvalExpectation): boolean {
  return (expect.needs ?? []).includes('confirm-intent') || (expect.candidates?.length ?? 0) > 0;
}
