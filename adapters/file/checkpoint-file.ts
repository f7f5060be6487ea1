import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readSync, readFileSync, writeSync } from 'node:fs';
import type { SignedCheckpoint } from '../../bot/audit/checkpoint';
import type { CheckpointSink } from '../../bot/ports';

/**
 * Checkpoints as JSON lines in a file another tool ships (a log shipper, a backup to other media): the
 * default sink (ADR 0017). Each line is written with one write and fsynced before `write` returns.
 */
export class CheckpointFile implements CheckpointSink {
  readonly name: string;

  constructor(private readonly path: string) {
    this.name = `file ${path}`;
  }

  write(checkpoint: SignedCheckpoint): void {
    const fd = openSync(this.path, 'a+', 0o644);
    try {
      // A line torn by a kill -9 mid-write is ended first, so this checkpoint gets a line of its own.
      const size = fstatSync(fd).size;
      const end = Buffer.alloc(1);
      const torn = size > 0 && readSync(fd, end, 0, 1, size - 1) === 1 && end[0] !== 0x0a;
      writeSync(fd, `${torn ? '\n' : ''}${JSON.stringify(checkpoint)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** The last whole line: only the file's tail is read, however long the file has grown. */
  last(): SignedCheckpoint | undefined {
    if (!existsSync(this.path)) return undefined;
    const fd = openSync(this.path, 'r');
    try {
      const size = fstatSync(fd).size;
      const length = Math.min(size, 16_384);
      const tail = Buffer.alloc(length);
      readSync(fd, tail, 0, length, size - length);
      const lines = tail
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
      const line = lines.at(-1);
      return line ? (JSON.parse(line) as SignedCheckpoint) : undefined;
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Every checkpoint in the file, in order, for verify, and how many lines were not one (a line torn by a
 * kill -9). Skipping a torn line loses nothing: the checkpoints still chain through their `prev`, so a
 * removed or altered checkpoint is found either way.
 */
export function readCheckpoints(path: string): { checkpoints: SignedCheckpoint[]; torn: number } {
  const checkpoints: SignedCheckpoint[] = [];
  let torn = 0;
  if (!existsSync(path)) return { checkpoints, torn };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (parsed) checkpoints.push(parsed);
    else torn += 1;
  }
  return { checkpoints, torn };
}

function parseLine(line: string): SignedCheckpoint | undefined {
  try {
    const parsed = JSON.parse(line) as SignedCheckpoint;
    return typeof parsed === 'object' && parsed !== null && typeof parsed.sig === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
