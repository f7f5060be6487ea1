import { createWriteStream, type WriteStream } from 'node:fs';
import type { AuditRecord, RecordForwarder } from '../../bot/ports';

/**
 * Each audit record as written, appended to a JSON-lines file a SIEM agent tails. Writes are
 * asynchronous; when more than `capacity` bytes wait (a stalled disk) a record is dropped and counted,
 * never the bot's own record, which the database already holds.
 */
export class JsonLinesForwarder implements RecordForwarder {
  private readonly stream: WriteStream;
  dropped = 0;

  constructor(
    path: string,
    private readonly capacity = 8 * 1024 * 1024,
  ) {
    this.stream = createWriteStream(path, { flags: 'a' });
    this.stream.on('error', () => {
      this.dropped += 1;
    });
  }

  forward(record: AuditRecord): void {
    if (this.stream.writableLength > this.capacity || this.stream.destroyed) {
      this.dropped += 1;
      return;
    }
    this.stream.write(`${JSON.stringify(record)}\n`);
  }

  close(): void {
    this.stream.end();
  }
}
