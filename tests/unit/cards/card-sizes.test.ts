import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeRequest, HostOutcome } from '../../../bot/domain';
import { diagnoseClient } from '../../../bot/diagnosis/other-roles';
import { reportCard } from '../../../cards/report-card';
import { planCard, resultCard } from '../../../cards/request-card';

/**
 * Teams refuses a bot message over 100 KB (UTF-16, about 50 KB of ASCII JSON) with 413; our budget is
 * 25 KB of card JSON (teams-tech.md §5.3). Plans, results and diagnoses of 1, 10 and 40 hosts stay under it.
 */
const BUDGET = 25_000;
const names = (count: number) => Array.from({ length: count }, (_, i) => `PC-${String(i + 1).padStart(3, '0')}`);

function outcome(host: string, whatIf: boolean): HostOutcome {
  return {
    host,
    status: 'succeeded',
    report: {
      ok: true,
      operation: 'client.reset_license_cache',
      host,
      whatIf,
      changed: true,
      items: [
        {
          path: 'HKLM\\SOFTWARE\\Microsoft\\MSLicensing',
          existed: true,
          subkeys: ['HardwareID', 'Store'],
          action: 'delete',
          after: 'absent',
        },
      ],
      backup: whatIf
        ? null
        : { path: `C:\\ProgramData\\RdsBot\\Backups\\r-1-${host}-MSLicensing.reg`, sha256: 'ab'.repeat(32) },
      verified: !whatIf,
    },
  };
}

function request(count: number): ChangeRequest {
  const targets = names(count);
  return {
    id: '5f0c2a9e-1111-4222-8333-944455556666',
    version: 1,
    state: 'pending',
    requester: { oid: 'oid', name: 'Alex Wilber', tenantId: 't' },
    text: `reset the client license on ${targets.join(', ')}`,
    operations: [{ intent: 'client.reset_license_cache', targets, params: {} }],
    preview: targets.map((host) => outcome(host, true)),
    fingerprint: '0'.repeat(32),
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    expiresAt: '2026-11-28T10:30:00.000Z',
    conversation: {},
  };
}

const sizes: Record<string, Record<number, number>> = { plan: {}, result: {}, diagnosis: {} };
const size = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

describe('card sizes', () => {
  afterAll(() => {
    mkdirSync(join(__dirname, '..', '..', '..', 'data', 'test'), { recursive: true });
    writeFileSync(join(__dirname, '..', '..', '..', 'data', 'test', 'card-sizes.json'), JSON.stringify(sizes, null, 2));
    console.log(`card sizes (bytes of JSON, 1/10/40 hosts): ${JSON.stringify(sizes)}`);
  });

  it.each([1, 10, 40])('keeps a plan, a result and a diagnosis of %i hosts under the 25 KB budget', (count) => {
    const pending = request(count);
    const done = { ...pending, state: 'succeeded' as const, outcome: names(count).map((host) => outcome(host, false)) };
    const diagnoses = names(count).map((host) => diagnoseClient(host, new Map([['RDSH01', []]])));
    const operations = [{ intent: 'licensing.diagnose' as const, targets: names(count), params: {} }];
    sizes.plan![count] = size(planCard(pending));
    sizes.result![count] = size(resultCard(done));
    sizes.diagnosis![count] = size(reportCard(operations, done.outcome, diagnoses));
    for (const kind of Object.keys(sizes)) expect(sizes[kind]![count]).toBeLessThan(BUDGET);
  });

  it('groups 40 identical clients into one section, the full list one click away', () => {
    const text = JSON.stringify(planCard(request(40)));
    expect(text).toContain('PC-001, PC-002, PC-003 and 37 more (40 hosts)');
    expect(text).toContain('Show all 40 hosts');
    expect(text.match(/present \(subkeys/g)).toHaveLength(1);
  });
});
