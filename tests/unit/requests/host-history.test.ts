import type { ChangeRequest, HostOutcome } from '../../../bot/domain';
import { countsAgainstLimit, leftBackupOn } from '../../../bot/requests/host-history';

const outcome = (host: string, report: Record<string, unknown>): HostOutcome =>
  ({ host, status: 'succeeded', report }) as unknown as HostOutcome;

const request = (state: ChangeRequest['state'], outcomes: HostOutcome[] = [], updatedAt = '2026-12-01T12:00:00Z') =>
  ({
    id: 'r',
    state,
    updatedAt,
    operations: [{ intent: 'rdsh.reset_grace_period', targets: ['RDSH01'], params: {} }],
    outcome: outcomes,
  }) as unknown as ChangeRequest;

describe("a request's history on a host", () => {
  const since = '2026-12-01T00:00:00Z';

  it('counts a request in flight against the limit, whatever it has done yet', () => {
    expect(countsAgainstLimit(request('submitted'), 'rdsh.reset_grace_period', 'rdsh01', since)).toBe(true);
  });

  it('counts a finished request only if it changed the host inside the window', () => {
    const changed = [outcome('RDSH01', { changed: true, whatIf: false })];
    expect(countsAgainstLimit(request('succeeded', changed), 'rdsh.reset_grace_period', 'RDSH01', since)).toBe(true);
    expect(
      countsAgainstLimit(
        request('succeeded', changed, '2026-11-01T00:00:00Z'),
        'rdsh.reset_grace_period',
        'RDSH01',
        since,
      ),
    ).toBe(false);
    expect(
      countsAgainstLimit(
        request('succeeded', [outcome('RDSH01', { changed: false })]),
        'rdsh.reset_grace_period',
        'RDSH01',
        since,
      ),
    ).toBe(false);
  });

  it('never counts another operation or another host', () => {
    expect(countsAgainstLimit(request('submitted'), 'rdsh.restart_service', 'RDSH01', since)).toBe(false);
    expect(countsAgainstLimit(request('submitted'), 'rdsh.reset_grace_period', 'RDSH02', since)).toBe(false);
  });

  it('finds what "undo" restores only where a real change left a backup', () => {
    expect(
      leftBackupOn(request('succeeded', [outcome('RDSH01', { changed: true, backup: 'b.json' })]), ['rdsh01']),
    ).toBe(true);
    expect(
      leftBackupOn(request('succeeded', [outcome('RDSH01', { changed: true, whatIf: true, backup: 'b' })]), ['RDSH01']),
    ).toBe(false);
    expect(leftBackupOn(request('running', [outcome('RDSH01', { changed: true, backup: 'b' })]), ['RDSH01'])).toBe(
      false,
    );
  });
});
