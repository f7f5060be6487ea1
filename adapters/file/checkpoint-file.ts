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
    const fd = openSync(this.path, 'a', 0o644);
    try {
      writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
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

/** Every checkpoint in the file, in order, for verify; a line that does not parse is named. */
export function readCheckpoints(path: string): SignedCheckpoint[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as SignedCheckpoint;
      } catch {
        throw new Error(`${path}: line ${index + 1} is not a checkpoint`);
      }
    });
}
