import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Figures = Record<string, number>;

/**
 * Merges this run's figures into the file (read, merge, write): a `BENCH_ONLY=parse` run refreshes
 * the parser keys and keeps the lab figures of the last full run. A file that is not a JSON object
 * is replaced rather than stopping a bench run at its very end.
 */
export function mergeLatest(file: string, figures: Figures): Record<string, unknown> {
  let previous: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      previous = parsed as Record<string, unknown>;
    else console.error(`bench: ${file} is not a JSON object; writing a new one`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      console.error(`bench: ${file} could not be read (${(error as Error).message}); writing a new one`);
  }
  const merged = { ...previous, ...figures };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : 1)));
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed, so a reader never sees half a file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return sorted;
}

/** Milliseconds to the microsecond: finer is noise, coarser hides a sub-millisecond parser. */
export const round3 = (value: number): number => Math.round(value * 1000) / 1000;
