import { readFileSync } from 'node:fs';
import type { Host } from '../domain';
import { parseRequest } from '../understand/parse-request';
import type { EvalLine, ParsedLine } from './eval-types';

/**
 * Reads a labelled JSONL file. A bad line stops the run with its file and line number: a label that
 * cannot be read would otherwise silently drop out of the score and inflate it.
 */
export function readEvalLines(file: string): EvalLine[] {
  const lines: EvalLine[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not a JSON line (${(error as Error).message})`);
      }
      const line = value as Partial<EvalLine> | null;
      if (typeof line?.text !== 'string' || typeof line.expect !== 'object' || line.expect === null)
        throw new Error(`${file}:${i + 1}: needs "text" (a string) and "expect" (an object)`);
      lines.push(line as EvalLine);
    });
  return lines;
}

export interface ParsedLines {
  results: ParsedLine[];
  /** Indexes of the lines the parser threw on; scored as an empty answer, reported apart. */
  failed: number[];
}

/**
 * Parses every line as the bot would. A throw becomes an empty answer (what `npm run parse` prints
 * then) so one bad line costs its own score, not the whole run, and is still reported.
 */
export function parseLines(lines: readonly EvalLine[], inventory: readonly Host[]): ParsedLines {
  const failed: number[] = [];
  const results = lines.map((line, index): ParsedLine => {
    try {
      return parseRequest(line.text, inventory);
    } catch {
      failed.push(index);
      return { operations: [], needs: [], candidates: [] };
    }
  });
  return { results, failed };
}
