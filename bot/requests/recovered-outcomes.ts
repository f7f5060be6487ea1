import type { HostOutcome } from '../domain';

/**
 * What a re-read after a restart says about a host whose result the stopped run never recorded.
 * The re-read is a preview (what-if): no pending change means the change landed before the stop
 * (`done`); a pending change means it did not (`not-done`); no answer means nobody can say
 * (`unknown`). Nothing is re-run here: that is what Resume offers, after a fresh look.
 */
export function recoveredOutcome(reRead: HostOutcome): HostOutcome {
  const report = reRead.report;
  if (reRead.status === 'failed' || !report) {
    return {
      host: reRead.host,
      status: 'failed',
      recovery: 'unknown',
      error: {
        code: 'state_unknown',
        message: `Could not re-read the host after the restart (${reRead.error?.message ?? 'no answer'}), so whether the change landed is unknown.`,
      },
    };
  }
  if (report.changed || report.refused) {
    return {
      host: reRead.host,
      status: 'failed',
      recovery: 'not-done',
      report,
      error: { code: 'not_done', message: 'Not done: the change is still pending on this host.' },
    };
  }
  return { host: reRead.host, status: 'succeeded', recovery: 'done', report };
}

/** Per host, in words, for the request's failure line and the audit record. */
export function recoverySummary(outcomes: HostOutcome[]): string {
  const named = (pick: (o: HostOutcome) => boolean) =>
    outcomes
      .filter(pick)
      .map((o) => o.host)
      .join(', ');
  const done = named((o) => o.status === 'succeeded');
  const failed = named((o) => o.status === 'failed' && !o.recovery);
  const notDone = named((o) => o.recovery === 'not-done');
  const unknown = named((o) => o.recovery === 'unknown');
  const parts = [
    done ? `done: ${done}` : '',
    failed ? `failed before the stop: ${failed}` : '',
    notDone ? `not done: ${notDone}` : '',
    unknown ? `unknown: ${unknown}` : '',
  ].filter(Boolean);
  return `The bot stopped while this ran, and nothing was re-run after the restart (${parts.join('; ')}).`;
}

/** The hosts Resume may run again: not done, or unknown (a fresh preview decides what is left). */
export function resumableHosts(outcomes: readonly HostOutcome[]): string[] {
  return outcomes.filter((o) => o.recovery === 'not-done' || o.recovery === 'unknown').map((o) => o.host);
}
