import type { ChangeRequest, HostOutcome } from '../../../bot/domain';
import { notUnderstoodCard, unreachableCard } from '../../../cards/answer-cards';
import { adviceCard } from '../../../cards/advice-card';
import { alertCard } from '../../../cards/alert-card';
import { intentChoiceCard } from '../../../cards/intent-choice-card';
import { auditCard, errorCard, helpCard, needsCard, noticeCard, refusedCard } from '../../../cards/message-cards';
import {
  cancelledCard,
  nothingToDoCard,
  planCard,
  requestCard,
  resultCard,
  runningCard,
} from '../../../cards/request-card';
import { cardProblems } from '../../support/card-problems';

const ok: HostOutcome = {
  host: 'PC-042',
  status: 'succeeded',
  report: {
    ok: true,
    operation: 'client.reset_license_cache',
    host: 'PC-042',
    whatIf: false,
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
    backup: { path: 'C:\\ProgramData\\RdsBot\\Backups\\r-MSLicensing.reg', sha256: 'ab'.repeat(32) },
    verified: true,
  },
};
const dead: HostOutcome = {
  host: 'PC-DOWN',
  status: 'failed',
  error: { code: 'host_unreachable', message: 'PC-DOWN did not accept a session.' },
};
const request: ChangeRequest = {
  id: 'r-1',
  version: 1,
  state: 'pending',
  requester: { oid: 'oid', name: 'Alex *Wilber* [x](http://evil)', tenantId: 't' },
  text: 'reset the client license on PC-042 and PC-DOWN',
  operations: [{ intent: 'client.reset_license_cache', targets: ['PC-042', 'PC-DOWN'], params: {} }],
  preview: [{ ...ok, report: { ...ok.report!, whatIf: true, backup: null } }, dead],
  fingerprint: '0'.repeat(32),
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  expiresAt: '2026-11-28T10:30:00.000Z',
  conversation: {},
};

describe('every card the bot sends', () => {
  it.each([
    ['plan', planCard(request)],
    ['running', runningCard(request)],
    [
      'running, with progress',
      runningCard({ ...request, progress: { total: 40, done: 12, failed: 1, waitingFor: ['RDSH01'] } }),
    ],
    ['result', resultCard({ ...request, state: 'succeeded', outcome: [ok, dead] })],
    ['nothing to do', nothingToDoCard({ ...request, state: 'succeeded', outcome: request.preview })],
    ['cancelled', cancelledCard({ ...request, state: 'cancelled' })],
    [
      'interrupted',
      requestCard({
        ...request,
        state: 'failed',
        outcome: [{ ...dead, error: { code: 'interrupted', message: 'x' } }],
      }),
    ],
    ['help', helpCard()],
    ['needs', needsCard({ text: 'x', operations: [], needs: ['target'], suggestions: ['PC-042'], candidates: [] })],
    [
      'needs with choices',
      needsCard(
        {
          text: 'set the mode',
          operations: [{ intent: 'rdsh.set_licensing_mode', targets: [], params: {} }],
          needs: ['target', 'mode', 'servers'],
          suggestions: [],
          candidates: [],
        },
        [
          { name: 'RDSH01', role: 'session-host', tags: [], users: [] },
          { name: 'LS1', role: 'license-server', tags: [], users: [] },
        ],
      ),
    ],
    [
      'which do you mean',
      intentChoiceCard({
        text: 'RDSH01 per user? *really* [x](http://evil)',
        operations: [],
        needs: ['confirm-intent'],
        suggestions: [],
        candidates: [
          { intent: 'rdsh.set_licensing_mode', targets: ['RDSH01'], params: { mode: 'PerUser' } },
          { intent: 'licensing.diagnose', targets: ['RDSH01'], params: {} },
        ],
      }),
    ],
    [
      'audit',
      auditCard(
        [
          {
            seq: 1,
            ts: '2026-11-28T10:00:00.000Z',
            kind: 'request.planned',
            requestId: 'r-1',
            actor: 'oid',
            data: {},
            prev: '0',
            hash: '1',
          },
        ],
        'PC-042',
        '2026-11-21T10:00:00.000Z',
      ),
    ],
    ['advice', adviceCard('advice.cal_migration')],
    ['not understood', notUnderstoodCard([], 'I did not find a licensing request in that.')],
    [
      'unreachable',
      unreachableCard('reset the client license on PC-DOWN', [{ host: 'PC-DOWN', message: 'no answer' }]),
    ],
    ['refused', refusedCard('no')],
    ['notice', noticeCard('t', 'x')],
    ['error', errorCard('internal_error', 'abcd1234')],
    [
      'alert',
      alertCard({
        cause: 'host_unreachable_repeatedly',
        detail: { host: 'RDSH*01*', failures: 3, code: 'host_unreachable' },
        time: '2026-11-28T10:00:00.000Z',
      }),
    ],
  ])('the %s card is a valid Adaptive Card 1.5 that fits in a Teams message', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card).length * 2).toBeLessThan(80_000);
  });

  it('shows user text without turning it into Markdown links or emphasis', () => {
    const text = JSON.stringify(planCard(request));
    expect(text).not.toContain('[x](http://evil)');
    expect(text).toContain('\\\\[x\\\\]');
  });
});

describe('the running card', () => {
  it('says how far a fan-out got and which hosts wait for another request', () => {
    const text = JSON.stringify(
      runningCard({ ...request, progress: { total: 40, done: 12, failed: 1, waitingFor: ['RDSH01'] } }),
    );
    expect(text).toContain('12 of 40 hosts done, 1 failed.');
    expect(text).toContain('Waiting for RDSH01: another request is changing it; this one goes next.');
  });
});
