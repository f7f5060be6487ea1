// Over 250 lines on purpose: every card in every state validated against the Adaptive Cards 1.5
// schema in one place, so a state without a check shows as a missing row.
import type { ApprovalState, ChangeRequest, HostOutcome, RequestState } from '../../../bot/domain';
import { approvalCard } from '../../../cards/approval-card';
import type { AdaptiveCard, CardElement } from '../../../cards/card-kit';
import { plain } from '../../../cards/card-kit';
import { expiredCard, planCard, rejectedCard, submittedCard, supersededCard } from '../../../cards/request-card';
import { cardProblems } from '../../support/card-problems';

/** Every string a card shows or sends (texts, fact titles and values, labels), in document order. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Elements of the card (body, actions, inner cards) with this `type`, depth first. */
function elementsOfType(value: unknown, type: string): CardElement[] {
  if (Array.isArray(value)) return value.flatMap((entry) => elementsOfType(entry, type));
  if (!value || typeof value !== 'object') return [];
  const element = value as CardElement;
  const here = element.type === type ? [element] : [];
  return [...here, ...Object.values(element).flatMap((entry) => elementsOfType(entry, type))];
}

const MARKDOWN = '**x** [link](http://e)';

const setModePreview: HostOutcome = {
  host: 'RDSH01',
  status: 'succeeded',
  report: {
    ok: true,
    operation: 'rdsh.set_licensing_mode',
    host: 'RDSH01',
    whatIf: true,
    changed: true,
    items: [
      {
        path: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\Licensing Core',
        name: 'LicensingMode',
        action: 'set',
        before: 'PerDevice',
        after: 'PerUser',
      },
    ],
    backup: null,
    impact: { sessions: 3 },
  },
};

const setModeOutcome: HostOutcome = {
  ...setModePreview,
  report: {
    ...setModePreview.report!,
    whatIf: false,
    backup: { path: 'C:\\ProgramData\\RdsBot\\Backups\\r-2-LicensingMode.reg', sha256: 'cd'.repeat(32) },
    verified: true,
  },
};

const failedOutcome: HostOutcome = {
  host: 'RDSH01',
  status: 'failed',
  error: { code: 'host_unreachable', message: 'RDSH01 did not accept a session.' },
};

const approval: ApprovalState = {
  needed: 1,
  roles: ['approver'],
  justificationRequired: true,
  justification: `ticket 42 ${MARKDOWN}`,
  ttlMinutes: 30,
  votes: [],
  channel: { conversation: {}, name: 'RDS approvals' },
};

const request: ChangeRequest = {
  id: 'r-2',
  version: 1,
  state: 'submitted',
  requester: { oid: 'oid-helpdesk', name: `Hana ${MARKDOWN}`, tenantId: 't', userType: 'member' },
  text: 'set the licensing mode to per user on RDSH01',
  operations: [{ intent: 'rdsh.set_licensing_mode', targets: ['RDSH01'], params: { mode: 'PerUser' } }],
  preview: [setModePreview],
  fingerprint: '1'.repeat(32),
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:05:00.000Z',
  expiresAt: '2026-11-28T10:35:00.000Z',
  conversation: {},
  approval,
};

const { justification: _given, ...notYetJustified } = approval;
const pending: ChangeRequest = { ...request, state: 'pending', approval: notYetJustified };

const vote = { oid: 'oid-approver', name: 'Ada Approver', at: '2026-11-28T10:10:00.000Z' };

function inState(state: RequestState, changes: Partial<ChangeRequest> = {}): ChangeRequest {
  return { ...request, state, ...changes };
}

const confirmed = inState('confirmed', { approval: { ...approval, votes: [vote] } });
const succeeded = inState('succeeded', { approval: { ...approval, votes: [vote] }, outcome: [setModeOutcome] });
const failed = inState('failed', {
  approval: { ...approval, votes: [vote] },
  outcome: [failedOutcome],
  failure: 'RDSH01 could not be reached.',
});
const rejected = inState('rejected', {
  approval: { ...approval, rejection: { ...vote, reason: `not now ${MARKDOWN}` } },
});
const expired = inState('expired');
const cancelled = inState('cancelled');
const superseded = inState('superseded', {
  approval: { ...approval, votes: [vote], resubmittedAs: 'r-3', voidReason: 'drift' },
  failure: 'The hosts changed after the approval.',
});

const USER_IDS = ['29:approver-a', '29:approver-b'];

const approvalCards: Array<[string, AdaptiveCard]> = [
  ['a submitted request, for someone who may decide', approvalCard(request, { decide: true, userIds: USER_IDS })],
  ['a submitted request, for someone who may not decide', approvalCard(request, { decide: false, userIds: USER_IDS })],
  ['a submitted request, without user ids', approvalCard(request, { decide: false })],
  ['a confirmed request', approvalCard(confirmed, { decide: false })],
  ['a succeeded request', approvalCard(succeeded, { decide: false })],
  ['a failed request', approvalCard(failed, { decide: false })],
  ['a rejected request', approvalCard(rejected, { decide: false })],
  ['an expired request', approvalCard(expired, { decide: false })],
  ['a cancelled request', approvalCard(cancelled, { decide: false })],
  ['a superseded request', approvalCard(superseded, { decide: false })],
];

const requestCards: Array<[string, AdaptiveCard]> = [
  ['a plan that needs approval', planCard(pending)],
  ['a plan with a notice', planCard(pending, 'notice')],
  ['a submitted request', submittedCard(request)],
  ['a rejected request', rejectedCard(rejected)],
  ['an expired request', expiredCard(expired)],
  [
    'an expired request that was submitted again',
    expiredCard(inState('expired', { approval: { ...approval, resubmittedAs: 'r-3' } })),
  ],
  ['a superseded request', supersededCard(superseded)],
];

describe('the approval cards', () => {
  it.each(approvalCards)('the approval card for %s is a valid Adaptive Card 1.5', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card).length * 2).toBeLessThan(80_000);
  });

  it.each(requestCards)("the requester's card for %s is a valid Adaptive Card 1.5", (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card).length * 2).toBeLessThan(80_000);
  });
});

describe('the approval card of a submitted request', () => {
  const forDecider = approvalCard(request, { decide: true, userIds: USER_IDS });
  const forOthers = approvalCard(request, { decide: false, userIds: USER_IDS });

  it('asks the eligible approvers’ clients to refresh it', () => {
    expect(forDecider.refresh?.action.verb).toBe('approval.refresh');
    expect(forDecider.refresh?.action.type).toBe('Action.Execute');
    expect(forDecider.refresh?.action.data).toEqual({ requestId: 'r-2' });
    expect(forDecider.refresh?.userIds).toEqual(USER_IDS);
    expect(forOthers.refresh?.userIds).toEqual(USER_IDS);
  });

  it('leaves out the user ids of the refresh when none are given', () => {
    const card = approvalCard(request, { decide: false });
    expect(card.refresh?.action.verb).toBe('approval.refresh');
    expect(card.refresh).not.toHaveProperty('userIds');
  });

  it('has no actions for someone who may not decide', () => {
    expect(forOthers.actions).toBeUndefined();
  });

  it('mentions the approvers when first posted, so Teams notifies them, and the card still validates', () => {
    const mentions = [
      { id: '29:megan', name: 'Megan Bowen' },
      { id: '29:patti', name: 'Patti <Fernandez>' },
    ];
    const card = approvalCard(request, { decide: false, userIds: USER_IDS, mentions });
    expect(cardProblems(card)).toEqual([]);
    const texts = card.msteams?.entities.map((entity) => entity.text);
    expect(texts).toEqual(['<at>Megan Bowen</at>', '<at>Patti Fernandez</at>']);
    for (const text of texts ?? []) expect(JSON.stringify(card.body)).toContain(text);
    expect(approvalCard(succeeded, { decide: false, mentions }).msteams).toBeUndefined();
  });

  it('offers Approve with the request id and fingerprint', () => {
    const approve = forDecider.actions?.[0];
    expect(approve).toMatchObject({
      type: 'Action.Execute',
      title: 'Approve',
      verb: 'approval.approve',
      data: { requestId: 'r-2', fingerprint: request.fingerprint },
    });
    expect(approve?.data).toEqual({ requestId: 'r-2', fingerprint: request.fingerprint });
  });

  it('offers Reject behind a card that asks for a reason', () => {
    expect(forDecider.actions).toHaveLength(2);
    const reject = forDecider.actions?.[1] as { type: string; title: string; card: AdaptiveCard };
    expect(reject.type).toBe('Action.ShowCard');
    expect(reject.title).toBe('Reject');
    expect(reject.card.body).toContainEqual(expect.objectContaining({ type: 'Input.Text', id: 'reason' }));
    expect(reject.card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'approval.reject',
        data: { requestId: 'r-2', fingerprint: request.fingerprint },
      }),
    ]);
  });

  it('shows how many approvals it has of how many it needs', () => {
    expect(strings(forOthers.body).some((text) => text.startsWith('Approval needed (0 of 1)'))).toBe(true);
  });

  it('shows the current and proposed value of each host', () => {
    expect(strings(forOthers.body)).toContain('PerDevice → PerUser');
  });

  it('shows the sessions a change may disconnect', () => {
    expect(strings(forOthers.body).some((text) => text.startsWith('3 '))).toBe(true);
  });
});

describe('the approval card of a request no longer waiting for approvers', () => {
  it.each([
    ['confirmed', confirmed],
    ['succeeded', succeeded],
    ['failed', failed],
    ['rejected', rejected],
    ['expired', expired],
    ['cancelled', cancelled],
    ['superseded', superseded],
  ])('has no refresh and no actions when %s, even for someone who could decide', (_name, finished) => {
    const card = approvalCard(finished, { decide: true, userIds: USER_IDS });
    expect(card.refresh).toBeUndefined();
    expect(card.actions).toBeUndefined();
  });

  it('shows the outcome of each host once it ran', () => {
    expect(strings(approvalCard(succeeded, { decide: false }).body)).toContain('PerDevice → PerUser');
  });

  it('shows why it failed', () => {
    expect(strings(approvalCard(failed, { decide: false }).body)).toContain('RDSH01 could not be reached.');
  });
});

describe('text from people on the approval card', () => {
  const escaped = plain(MARKDOWN);

  it.each([
    ['submitted', request],
    ['rejected', rejected],
  ])('escapes Markdown in the requester name and the justification when %s', (_name, shown) => {
    const texts = strings(approvalCard(shown, { decide: true, userIds: USER_IDS }).body);
    expect(texts).toContain(`Hana ${escaped}`);
    expect(texts).toContain(`ticket 42 ${escaped}`);
    expect(texts.some((text) => text.includes(MARKDOWN))).toBe(false);
  });

  it('escapes Markdown in the rejection reason', () => {
    const texts = strings(approvalCard(rejected, { decide: false }).body);
    expect(texts).toContain(`not now ${escaped}`);
    expect(texts.some((text) => text.includes(MARKDOWN))).toBe(false);
  });

  it('turns the Markdown into escaped characters, not a link', () => {
    expect(escaped).toBe('\\*\\*x\\*\\* \\[link\\](http://e)');
  });
});

describe("the requester's plan card for a change that needs approval", () => {
  const card = planCard(pending);

  it('asks for a required justification', () => {
    const inputs = elementsOfType(card.body, 'Input.Text');
    expect(inputs).toEqual([expect.objectContaining({ id: 'justification', isRequired: true })]);
  });

  it('offers Ask for approval and Cancel', () => {
    expect(card.actions?.map((action) => action.title)).toEqual(['Ask for approval', 'Cancel']);
    expect(card.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'request.submit',
      data: { requestId: 'r-2', fingerprint: request.fingerprint },
    });
  });

  it('says how many approvers and which role it needs', () => {
    expect(strings(card.body).some((text) => text.includes('one approver (role: approver)'))).toBe(true);
  });

  it('shows the current and proposed value of each host', () => {
    expect(strings(card.body)).toContain('PerDevice → PerUser');
  });

  it('makes the justification optional when the policy does not require one', () => {
    const optional = planCard({ ...pending, approval: { ...approval, justificationRequired: false } });
    expect(elementsOfType(optional.body, 'Input.Text')).toEqual([
      expect.objectContaining({ id: 'justification', isRequired: false }),
    ]);
  });

  it('puts a notice first', () => {
    expect(planCard(pending, 'notice').body[0]).toMatchObject({ type: 'TextBlock', text: 'notice' });
  });

  it('escapes Markdown in the requester name', () => {
    const texts = strings(card.body);
    expect(texts).toContain(`Hana ${plain(MARKDOWN)}`);
    expect(texts.some((text) => text.includes(MARKDOWN))).toBe(false);
  });
});

describe("the requester's card while approvers decide", () => {
  const card = submittedCard(request);

  it('says where the request waits', () => {
    expect(strings(card.body).some((text) => text.includes('Sent to RDS approvals.'))).toBe(true);
  });

  it('offers only to cancel the request', () => {
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        title: 'Cancel request',
        verb: 'request.cancel',
        data: { requestId: 'r-2', fingerprint: request.fingerprint },
      }),
    ]);
  });

  it('escapes Markdown in the justification', () => {
    const texts = strings(card.body);
    expect(texts).toContain(`ticket 42 ${plain(MARKDOWN)}`);
    expect(texts.some((text) => text.includes(MARKDOWN))).toBe(false);
  });
});

describe("the requester's card of a rejected request", () => {
  const card = rejectedCard(rejected);

  it('shows the escaped reason and who rejected it', () => {
    const texts = strings(card.body);
    expect(texts).toContain(`not now ${plain(MARKDOWN)}`);
    expect(texts.some((text) => text.startsWith('Ada Approver'))).toBe(true);
    expect(texts.some((text) => text.includes(MARKDOWN))).toBe(false);
  });

  it('has no actions', () => {
    expect(card.actions).toBeUndefined();
  });
});

describe("the requester's card of an expired request", () => {
  it('offers to submit it again with only the request id', () => {
    const card = expiredCard(expired);
    expect(card.actions).toHaveLength(1);
    expect(card.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      title: 'Submit again',
      verb: 'request.resubmit',
    });
    expect(card.actions?.[0]?.data).toEqual({ requestId: 'r-2' });
  });

  it('has no action once it was submitted again, and names the new request', () => {
    const card = expiredCard(inState('expired', { approval: { ...approval, resubmittedAs: 'r-3' } }));
    expect(card.actions).toBeUndefined();
    expect(strings(card.body).some((text) => text.includes('r-3'))).toBe(true);
  });
});

describe("the requester's card of a superseded request", () => {
  const card = supersededCard(superseded);

  it('says why the approval is void and names the new request', () => {
    const texts = strings(card.body);
    expect(texts).toContain('The hosts changed after the approval.');
    expect(texts.some((text) => text.includes('r-3'))).toBe(true);
  });

  it('has no actions', () => {
    expect(card.actions).toBeUndefined();
  });
});
