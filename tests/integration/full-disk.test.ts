import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { verifyChain } from '../../bot/audit/audit-chain';
import { BotError } from '../../bot/errors';
import { answerMessage } from '../../bot/workflow/answer-message';
import type { FakeClientExecutor } from '../support/fakes';
import { alex, createTurnHarness, TENANT } from '../support/turn-harness';

// A real full disk: the database lives on a 512 KiB tmpfs that the test fills. Mounting needs root,
// which CI has; elsewhere the test says why it did not run.
const root = process.getuid?.() === 0;
const itWithMount = root || process.env.CI ? it : it.skip;
if (!root && !process.env.CI)
  console.warn('full-disk.test.ts: not root, so the tmpfs full-disk test is skipped on this machine');

describe('a full disk under the audit log', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'rdsbot-full-')), 'disk');

  beforeAll(() => {
    if (!root && !process.env.CI) return;
    mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir]);
  });
  afterAll(() => {
    if (root) execFileSync('umount', ['-l', dir]);
  });

  itWithMount('fails the append cleanly, keeps the chain intact, and no change is planned or run', async () => {
    const store = new SqliteStore(join(dir, 'bot.sqlite'), { now: () => new Date() });
    let appended = 0;
    let failure: unknown;
    // Fill it with ever smaller records until not even an empty one fits.
    for (const size of [8_000, 1_000, 100, 0]) {
      for (let i = 0; i < 2_000; i++) {
        try {
          await store.append({
            kind: 'request.planned',
            requestId: `r-${appended}`,
            actor: 'oid',
            data: { filler: 'x'.repeat(size) },
          });
          appended++;
        } catch (error) {
          failure = error;
          break;
        }
      }
    }
    expect(String(failure)).toMatch(/full/i);
    expect(verifyChain(store.auditRecords())).toMatchObject({ ok: true, count: appended });

    const bot = createTurnHarness();
    bot.deps.audit = store;
    const error = await answerMessage(bot.deps, {
      text: 'reset the client license on PC-042',
      requester: { oid: alex.aadObjectId, name: alex.name, tenantId: TENANT },
      conversation: {},
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe('audit_unavailable');
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(0);
    store.close();
  });
});
