import { Alerts } from '../../../bot/alerts/alerts';
import { UnreachableWatch } from '../../../bot/alerts/unreachable-watch';
import type { Logger } from '../../../bot/errors';
import { type AlertsChannel, ExecutionError, type ExecutionRequest } from '../../../bot/ports';
import { alertCard } from '../../../cards/alert-card';
import { FakeClock, FakeClientExecutor, host, RecordingNotifier } from '../../support/fakes';

const CHANNEL: AlertsChannel = { conversation: { id: '19:alerts' }, name: 'IT / Alerts', setBy: 'oid-i', setAt: 'x' };

/** A logger that keeps every line. */
function recordingLog(): Logger & { lines: Array<{ level: string; message: string; fields?: unknown }> } {
  const lines: Array<{ level: string; message: string; fields?: unknown }> = [];
  const keep = (level: string) => (message: string, fields?: unknown) => lines.push({ level, message, fields });
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

function alertsWith(channel: AlertsChannel | null = CHANNEL) {
  const clock = new FakeClock();
  const notifier = new RecordingNotifier();
  const log = recordingLog();
  const settings = { getAlertsChannel: async () => channel ?? undefined };
  const alerts = new Alerts({ settings, notifier, clock, log, intervalMs: 60 * 60_000 });
  return { alerts, notifier, clock, log };
}

describe('alerts for admins', () => {
  it('logs every raise and posts one card per cause per interval, and again after it', async () => {
    const { alerts, notifier, clock, log } = alertsWith();
    await alerts.raise('audit_fail_closed', { kind: 'request.planned' });
    await alerts.raise('audit_fail_closed', { kind: 'request.confirmed' });
    clock.advance(59 * 60_000);
    await alerts.raise('audit_fail_closed');
    expect(notifier.alerts).toHaveLength(1);
    expect(notifier.alerts[0]?.channel).toEqual(CHANNEL);
    expect(notifier.alerts[0]?.alert).toEqual({
      cause: 'audit_fail_closed',
      detail: { kind: 'request.planned' },
      time: '2026-11-28T10:00:00.000Z',
    });
    expect(log.lines.filter((l) => l.level === 'error' && l.message === 'alert: audit_fail_closed')).toHaveLength(3);
    clock.advance(60_000);
    await alerts.raise('audit_fail_closed');
    expect(notifier.alerts).toHaveLength(2);
  });

  it('posts two raises at the same moment once', async () => {
    const { alerts, notifier } = alertsWith();
    await Promise.all([alerts.raise('checkpoint_missed'), alerts.raise('checkpoint_missed')]);
    expect(notifier.alerts).toHaveLength(1);
  });

  it('throttles the host cause per host, and other causes on their own', async () => {
    const { alerts, notifier } = alertsWith();
    await alerts.raise('host_unreachable_repeatedly', { host: 'RDSH01' });
    await alerts.raise('host_unreachable_repeatedly', { host: 'RDSH01' });
    await alerts.raise('host_unreachable_repeatedly', { host: 'RDSH02' });
    await alerts.raise('recovery_unknown_hosts', { hosts: 'PC-DOWN' });
    expect(notifier.alerts.map((a) => [a.alert.cause, a.alert.detail.host ?? a.alert.detail.hosts])).toEqual([
      ['host_unreachable_repeatedly', 'RDSH01'],
      ['host_unreachable_repeatedly', 'RDSH02'],
      ['recovery_unknown_hosts', 'PC-DOWN'],
    ]);
  });

  it('says in the log that the alert could not be posted when no alerts channel is set', async () => {
    const { alerts, notifier, log } = alertsWith(null);
    await alerts.raise('checkpoint_missed', { uncovered: 4 });
    expect(notifier.alerts).toEqual([]);
    expect(log.lines.map((l) => l.message)).toEqual([
      'alert: checkpoint_missed',
      'the alert could not be posted: no alerts channel is set',
    ]);
  });

  it('never throws: a failed post is logged, without what the error carried as a secret', async () => {
    const { alerts, notifier, log } = alertsWith();
    notifier.failAlerts = true;
    jest.spyOn(notifier, 'postAlert').mockRejectedValueOnce(new Error('401 for Bearer eyJhbGciOi.eyJzdWIiOi.sig'));
    await expect(alerts.raise('audit_fail_closed')).resolves.toBeUndefined();
    const failed = log.lines.find((l) => l.message === 'the alert could not be posted');
    expect(failed?.level).toBe('error');
    expect(JSON.stringify(failed)).not.toContain('eyJhbGciOi');
  });

  it('keeps secrets out of the detail it logs and posts', async () => {
    const { alerts, notifier, log } = alertsWith();
    await alerts.raise('audit_fail_closed', { error: 'connect to postgres://bot:hunter2@db/rds failed' });
    expect(JSON.stringify(notifier.alerts)).not.toContain('hunter2');
    expect(JSON.stringify(log.lines)).not.toContain('hunter2');
  });

  it('shows the cause in plain words, what to do and when on its card', () => {
    const text = JSON.stringify(
      alertCard({ cause: 'recovery_unknown_hosts', detail: { hosts: 'PC-DOWN' }, time: '2026-11-28T10:00:00.000Z' }),
    );
    expect(text).toContain('whether its change landed there is unknown');
    expect(text).toContain('What to do:');
    expect(text).toContain('PC-DOWN');
    expect(text).toContain('{{TIME(2026-11-28T10:00:00Z)}}');
  });
});

describe('the unreachable-host watch', () => {
  const call = (name: string): ExecutionRequest => ({
    requestId: 'r',
    host: host(name),
    operation: 'client.reset_license_cache',
    params: {},
    whatIf: true,
  });

  it('raises at the third call in a row a host does not answer', async () => {
    const raised: unknown[] = [];
    const flaky = new FakeClientExecutor(['PC-DOWN']);
    const watch = new UnreachableWatch(flaky, { raise: async (cause, detail) => void raised.push([cause, detail]) });
    for (let i = 0; i < 2; i++) await expect(watch.run(call('PC-DOWN'))).rejects.toThrow(ExecutionError);
    expect(raised).toEqual([]);
    await expect(watch.run(call('PC-DOWN'))).rejects.toThrow(ExecutionError);
    expect(raised).toEqual([
      ['host_unreachable_repeatedly', { host: 'PC-DOWN', failures: 3, code: 'host_unreachable' }],
    ]);
  });

  it('starts the count again when the host answers', async () => {
    const raised: unknown[] = [];
    let down = true;
    const inner = new FakeClientExecutor();
    const watch = new UnreachableWatch(
      {
        run: async (request) => {
          if (down) throw new ExecutionError('executor_timeout', 'no answer in time');
          return inner.run(request);
        },
      },
      { raise: async (cause) => void raised.push(cause) },
    );
    await expect(watch.run(call('PC-042'))).rejects.toThrow();
    await expect(watch.run(call('PC-042'))).rejects.toThrow();
    down = false;
    await watch.run(call('PC-042'));
    down = true;
    await expect(watch.run(call('PC-042'))).rejects.toThrow();
    await expect(watch.run(call('PC-042'))).rejects.toThrow();
    expect(raised).toEqual([]);
    await expect(watch.run(call('PC-042'))).rejects.toThrow();
    expect(raised).toEqual(['host_unreachable_repeatedly']);
  });
});
