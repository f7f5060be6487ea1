import type { KeyObject } from 'node:crypto';
import type { AuditRecord } from '../ports';
import { verifyChain } from './audit-chain';
import { checkpointHash, FIRST_CHECKPOINT, keyIdOf, type SignedCheckpoint, signedBy } from './checkpoint';

export interface LogEvidence {
  /** Undefined when the database has no audit table at all (dropped, or not an audit database). */
  records: Iterable<AuditRecord> | undefined;
  /** The log id the database names (its settings), if any. */
  logId: string | undefined;
  checkpoints: readonly SignedCheckpoint[];
}

export type LogVerdict =
  | { ok: true; count: number; head: string; checkpoints: number; coveredTo: number }
  | { ok: false; problem: string };

/**
 * The whole check of ADR 0017: every checkpoint signed by the trusted key and chained to the one before;
 * the records' own chain; and every checkpoint's record present in the database with the hash the
 * checkpoint signed. A shortened log fails on the checkpoint past its end, a rebuilt one on the first
 * checkpoint whose head it no longer has.
 */
export function verifyLog(
  evidence: LogEvidence,
  trusted: KeyObject,
  options: { requireCheckpoints: boolean },
): LogVerdict {
  if (!evidence.records)
    return { ok: false, problem: 'the database has no audit table (dropped, or not a bot database)' };
  const bad = checkpointsProblem(evidence, trusted);
  if (bad) return { ok: false, problem: bad };
  const wanted = new Map(evidence.checkpoints.map((c) => [c.seq, c.head]));
  let last = 0;
  let mismatch: string | undefined;
  const seen = function* (records: Iterable<AuditRecord>): Generator<AuditRecord> {
    for (const record of records) {
      const head = wanted.get(record.seq);
      if (head !== undefined && head !== record.hash && !mismatch) {
        mismatch = `record ${record.seq} is not the record checkpoint-signed at that position (rewritten after it was checkpointed)`;
      }
      last = record.seq;
      yield record;
    }
  };
  const chain = verifyChain(seen(evidence.records));
  if (!chain.ok) return { ok: false, problem: `record ${chain.seq}: ${chain.reason}` };
  if (mismatch) return { ok: false, problem: mismatch };
  // Checkpoints never go back (checked above), so the last one reaches furthest.
  const furthest = evidence.checkpoints.at(-1)?.seq ?? 0;
  if (furthest > last) {
    return {
      ok: false,
      problem: `the tail is missing: a checkpoint covers record ${furthest}, the database ends at record ${last}`,
    };
  }
  if (chain.count > 0 && evidence.checkpoints.length === 0 && options.requireCheckpoints) {
    return {
      ok: false,
      problem: `${chain.count} records and no checkpoint to check them against (--no-checkpoints to skip)`,
    };
  }
  return {
    ok: true,
    count: chain.count,
    head: chain.head,
    checkpoints: evidence.checkpoints.length,
    coveredTo: furthest,
  };
}

function checkpointsProblem(evidence: LogEvidence, trusted: KeyObject): string | undefined {
  const trustedId = keyIdOf(trusted);
  let prev = FIRST_CHECKPOINT;
  let seq = 0;
  for (const [index, checkpoint] of evidence.checkpoints.entries()) {
    const n = index + 1;
    if (checkpoint.keyId !== trustedId || !signedBy(checkpoint, trusted)) {
      return `checkpoint ${n} (record ${checkpoint.seq}) is not signed by the trusted key ${trustedId}`;
    }
    if (checkpoint.prev !== prev)
      return `checkpoint ${n} does not follow checkpoint ${n - 1} (one removed or replaced)`;
    if (checkpoint.seq < seq) return `checkpoint ${n} goes back from record ${seq} to ${checkpoint.seq}`;
    if (evidence.logId !== undefined && checkpoint.logId !== evidence.logId) {
      return `checkpoint ${n} is of log ${checkpoint.logId}, the database is log ${evidence.logId}`;
    }
    prev = checkpointHash(checkpoint);
    seq = checkpoint.seq;
  }
  return undefined;
}
