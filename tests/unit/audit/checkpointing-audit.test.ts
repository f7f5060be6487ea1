import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../adapters/store/sqlite-store';
import { signedBy, type SignedCheckpoint } from '../../../bot/audit/checkpoint';
import { CheckpointingAudit, CheckpointsNotTaken, type CheckpointPolicy } from '../../../bot/audit/checkpointing-audit';
import { silentLogger } from '../../../bot/errors';
import type { AuditKind, CheckpointSink } from '../../../bot/ports';
import { FakeClock } from '../../support/fakes';

/** A sink held in memory that can be made to refuse. */
class MemorySink implements CheckpointSink {
  readonly name = 'memory';
  readonly taken: SignedCheckpoint[] = [];
  refusing = false;
  last = (): SignedCheckpoint | undefined => this.taken.at(-1);
  write(checkpoint: SignedCheckpoint): void {
    if (this.refusing) throw new Error('sink down');
    this.taken.push(checkpoint);
  }
}

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

function checkpointed(policy: Partial<CheckpointPolicy> = {}) {
  const clock = new FakeClock();
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'rdsbot-ckpt-')), 'bot.sqlite'), clock);
  const sink = new MemorySink();
  const audit = new CheckpointingAudit(
    store,
    store,
    privateKey,
    [sink],
    { everyRecords: 5, everyMs: 3_600_000, failClosedAfterRecords: 3, failClosedAfterMs: 600_000, ...policy },
    clock,
    silentLogger,
  );
  const append = (kind: AuditKind = 'request.planned') => audit.append({ kind, requestId: 'r', actor: 'a', data: {} });
  return { audit, sink, clock, append, store };
}

describe('the checkpointing audit log', () => {
  it('signs a checkpoint of the head every N records, each naming the one before', async () => {
    const { audit, sink, append, store } = checkpointed({ failClosedAfterRecords: 50 });
    for (let i = 0; i < 10; i++) await append();
    expect(sink.taken.map((c) => c.seq)).toEqual([5, 10]);
    expect(sink.taken.every((c) => signedBy(c, publicKey))).toBe(true);
    expect(sink.taken[1]?.prev).not.toBe(sink.taken[0]?.prev);
    audit.close();
    store.close();
  });

  it('anchors an approval and an execution at once', async () => {
    const { sink, append } = checkpointed();
    await append('request.planned');
    await append('request.approved');
    await append('execution.started');
    expect(sink.taken.map((c) => c.seq)).toEqual([2, 3]);
  });

  it('covers the head at a clean stop', async () => {
    const { audit, sink, append } = checkpointed();
    await append();
    await append();
    audit.close();
    expect(sink.last()?.seq).toBe(2);
  });

  it('stops appends once no sink took a checkpoint for K records, and starts again when one does', async () => {
    const { sink, append } = checkpointed({ everyRecords: 1 });
    sink.refusing = true;
    for (let i = 0; i < 3; i++) await append();
    await expect(append()).rejects.toBeInstanceOf(CheckpointsNotTaken);
    sink.refusing = false;
    await expect(append()).resolves.toMatchObject({ seq: 4 });
  });

  it('stops appends once records have gone uncovered for T minutes', async () => {
    const { sink, append, clock } = checkpointed();
    sink.refusing = true;
    await append();
    clock.advance(600_000);
    await expect(append()).rejects.toThrow('no checkpoint sink (memory) has taken a checkpoint for 1 records');
  });
});
