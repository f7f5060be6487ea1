// Over 250 lines on purpose: one approval conversation from request to result, read top to bottom.
import { approvalCard } from '../../cards/approval-card';
import { requestCard } from '../../cards/request-card';
import { VERB } from '../../cards/verbs';
import { expireOverdue } from '../../bot/workflow/expire-overdue';
import type { FakeEstateExecutor } from '../support/fakes';
import {
  actionsOf,
  alex,
  APPROVERS_CHANNEL,
  cardText,
  createTurnHarness,
  isaiah,
  lee,
  megan,
} from '../support/turn-harness';

type Bot = ReturnType<typeof createTurnHarness>;

/** A bot whose admin has chosen the approvals channel. */
async function botWithApprovalsChannel(): Promise<Bot> {
  const bot = createTurnHarness();
  await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, APPROVERS_CHANNEL);
  return bot;
}

/** Alex asks, then clicks "Ask for approval" with a justification; returns the request id and the card data. */
async function askForApproval(bot: Bot, text: string, justification = 'INC-4711: users get event 1128') {
  const [plan] = await bot.say(text);
  const submit = actionsOf(plan).find((action) => action.title === 'Ask for approval');
  expect(submit).toBeDefined();
  const response = await bot.click(VERB.submit, { ...submit?.data, justification });
  const requestId = String(submit?.data.requestId);
  return { plan, response, requestId, data: submit?.data as Record<string, unknown> };
}

const inChannel = { conversation: APPROVERS_CHANNEL.conversation, channelData: APPROVERS_CHANNEL.channelData };

function approve(bot: Bot, data: unknown, who = megan) {
  return bot.click(VERB.approve, data, who, inChannel);
}

function estate(bot: Bot): FakeEstateExecutor {
  return bot.executor as FakeEstateExecutor;
}

describe('a change that needs an approver, decided in the approvals channel', () => {
  it('goes from helpdesk to approver and back: plan, justification, approval card, approve, run, result in both places', async () => {
    const bot = await botWithApprovalsChannel();
    const { plan, response, requestId, data } = await askForApproval(bot, 'set RDSH01 to per user');
    expect(cardText(plan)).toContain('LicensingMode');
    expect(cardText(plan)).toContain('PerDevice → PerUser');
    expect(cardText(plan)).toContain('needs one approver');
    expect(cardText(response.value)).toContain('Waiting for approval');
    expect(cardText(response.value)).toContain('IT Operations / RDS approvals');

    const posted = bot.notifier.lastApproval(requestId);
    expect(posted?.approvers.sort()).toEqual(['oid-gus', 'oid-lee', 'oid-megan']);
    const shared = approvalCard(posted!.request, { decide: false, userIds: ['29:megan'] });
    expect(actionsOf(shared)).toEqual([]);
    expect(cardText(shared)).toContain('INC-4711');

    // Universal Actions refresh: an eligible approver gets the buttons, the requester does not.
    const meganView = await bot.click(VERB.refresh, { requestId }, megan, inChannel);
    expect(actionsOf(meganView.value).map((a) => a.title)).toEqual(['Approve', 'Reject']);
    const alexView = await bot.click(VERB.refresh, { requestId }, alex, inChannel);
    expect(actionsOf(alexView.value)).toEqual([]);

    const approved = await approve(bot, data);
    expect(cardText(approved.value)).toContain('Approved');
    await bot.background.idle();

    expect(
      estate(bot)
        .realRuns('rdsh.set_licensing_mode')
        .map((call) => call.host.name),
    ).toEqual(['RDSH01']);
    expect(estate(bot).state('RDSH01').mode).toBe('PerUser');
    const done = await bot.store.get(requestId);
    expect(done?.state).toBe('succeeded');
    expect(done?.approval?.votes.map((vote) => vote.name)).toEqual(['Megan Bowen']);
    expect(cardText(requestCard(bot.notifier.last()!))).toContain('Done: Set the licensing mode on RDSH01');
    // The card changed silently; a message makes Teams notify the requester.
    expect(bot.notifier.messages.map((m) => m.text)).toEqual([
      `Done: your request ${requestId} (set the licensing mode on RDSH01), approved by Megan Bowen. The card above has the details.`,
    ]);
    expect(cardText(approvalCard(bot.notifier.lastApproval(requestId)!.request, { decide: false }))).toContain(
      'Approved and done',
    );
    const kinds = (await bot.store.query({ limit: 50 })).map((record) => record.kind).reverse();
    expect(kinds).toEqual(
      expect.arrayContaining(['request.planned', 'request.submitted', 'request.approved', 'execution.started']),
    );
    expect(kinds.indexOf('request.approved')).toBeLessThan(kinds.indexOf('execution.started'));
  });

  it('needs two different approvers and a justification for a grace reset, lab hosts only, once per 120 days', async () => {
    const bot = await botWithApprovalsChannel();
    const [plan] = await bot.say('reset the grace period on RDSH-LAB-02');
    const submit = actionsOf(plan).find((action) => action.title === 'Ask for approval');
    const withoutReason = await bot.click(VERB.submit, submit?.data);
    expect(cardText(withoutReason.value)).toContain('Say why first');

    const { requestId, data } = { requestId: String(submit?.data.requestId), data: submit?.data };
    await bot.click(VERB.submit, { ...data, justification: 'Lab rebuild, CHG-12' });
    const first = await approve(bot, data, megan);
    expect(cardText(first.value)).toContain('still needs 1 more');
    const again = await approve(bot, data, megan);
    expect(cardText(again.value)).toContain('already approved');
    expect(estate(bot).realRuns()).toHaveLength(0);

    await approve(bot, data, lee);
    await bot.background.idle();
    expect(estate(bot).realRuns('rdsh.reset_grace_period')).toHaveLength(1);
    expect((await bot.store.get(requestId))?.state).toBe('succeeded');

    const [tooSoon] = await bot.say('reset the grace period on RDSH-LAB-02');
    expect(cardText(tooSoon)).toContain('at most once every 120 days');
    const [production] = await bot.say('reset the grace period on RDSH01');
    expect(cardText(production)).toContain('lab hosts only');
  });

  it('a rejection needs a reason, which the requester sees; nothing runs', async () => {
    const bot = await botWithApprovalsChannel();
    const { requestId, data } = await askForApproval(bot, 'set RDSH01 to per user');
    const noReason = await bot.click(VERB.reject, data, lee, inChannel);
    expect(cardText(noReason.value)).toContain('Give a reason');
    const rejected = await bot.click(VERB.reject, { ...data, reason: 'Not during month end' }, lee, inChannel);
    expect(cardText(rejected.value)).toContain('Rejected');

    const requester = cardText(requestCard(bot.notifier.last()!));
    expect(requester).toContain('Rejected: Set the licensing mode on RDSH01');
    expect(requester).toContain('Not during month end');
    expect(bot.notifier.messages.at(-1)?.text).toContain('Rejected by Lee Gu');
    const late = await approve(bot, data, megan);
    expect(cardText(late.value)).toContain('already decided');
    expect((await bot.store.get(requestId))?.state).toBe('rejected');
    expect(estate(bot).realRuns()).toHaveLength(0);
  });

  it('expires unapproved requests on the server, and one click submits them again with a fresh preview', async () => {
    const bot = await botWithApprovalsChannel();
    const { requestId, data } = await askForApproval(bot, 'set RDSH01 to per user');
    bot.clock.advance(31 * 60_000);
    const late = await approve(bot, data, megan);
    expect(cardText(late.value)).toContain('expired');
    const expired = await bot.store.get(requestId);
    expect(expired?.state).toBe('expired');
    expect(cardText(approvalCard(bot.notifier.lastApproval(requestId)!.request, { decide: false }))).toContain(
      'Expired',
    );
    const requesterCard = requestCard(bot.notifier.last()!);
    const again = actionsOf(requesterCard).find((action) => action.title === 'Submit again');
    expect(again).toBeDefined();

    const resubmitted = await bot.click(VERB.resubmit, again?.data);
    expect(cardText(resubmitted.value)).toContain('Waiting for approval');
    const newId = (await bot.store.get(requestId))?.approval?.resubmittedAs;
    expect(newId).toBeDefined();
    const fresh = await bot.store.get(newId!);
    expect(fresh?.state).toBe('submitted');
    expect(fresh?.approval?.justification).toBe('INC-4711: users get event 1128');
    expect(bot.notifier.lastApproval(newId!)?.request.approval?.resubmitOf).toBe(requestId);
    const twice = await bot.click(VERB.resubmit, again?.data);
    expect(cardText(twice.value)).toContain(`submitted again as request ${newId}`);
  });

  it('the sweeper expires requests nobody touches and updates both cards', async () => {
    const bot = await botWithApprovalsChannel();
    const { requestId } = await askForApproval(bot, 'set RDSH01 to per user');
    expect(await expireOverdue(bot.deps)).toBe(0);
    bot.clock.advance(31 * 60_000);
    expect(await expireOverdue(bot.deps)).toBe(1);
    expect(bot.notifier.last()?.state).toBe('expired');
    expect(bot.notifier.lastApproval(requestId)?.request.state).toBe('expired');
    expect(bot.notifier.messages.at(-1)?.text).toContain('"Submit again"');
  });

  it('lets the requester cancel while it waits; the approval card loses its buttons and approving does nothing', async () => {
    const bot = await botWithApprovalsChannel();
    const { requestId, response, data } = await askForApproval(bot, 'set RDSH01 to per user');
    const cancel = actionsOf(response.value).find((action) => action.title === 'Cancel request');
    const cancelled = await bot.click(VERB.cancel, cancel?.data);
    expect(cardText(cancelled.value)).toContain('Cancelled');
    expect(bot.notifier.lastApproval(requestId)?.request.state).toBe('cancelled');
    const late = await approve(bot, data, megan);
    expect(cardText(late.value)).toContain('already decided');
    expect(estate(bot).realRuns()).toHaveLength(0);
  });

  it('"status of my last request" shows where it waits, and "cancel that request" cancels it', async () => {
    const bot = await botWithApprovalsChannel();
    const { requestId } = await askForApproval(bot, 'set RDSH01 to per user');
    const [status] = await bot.say('what is the status of my last request?');
    expect(cardText(status)).toContain('Waiting for approval');
    const [cancelled] = await bot.say('cancel that request');
    expect(cardText(cancelled)).toContain('Cancelled');
    expect((await bot.store.get(requestId))?.state).toBe('cancelled');
  });

  it('voids the approval when the host changed after it, and sends a new approval card with the state now', async () => {
    const bot = await botWithApprovalsChannel();
    const { requestId, data } = await askForApproval(bot, 'set RDSH01 to per user');
    estate(bot).drift('RDSH01', { mode: 'NotConfigured' });
    await approve(bot, data, megan);
    await bot.background.idle();

    expect(estate(bot).realRuns()).toHaveLength(0);
    const old = await bot.store.get(requestId);
    expect(old?.state).toBe('superseded');
    const fresh = await bot.store.get(old!.approval!.resubmittedAs!);
    expect(fresh?.state).toBe('submitted');
    expect(cardText(requestCard(fresh!))).toContain('NotConfigured → PerUser');
    expect(cardText(approvalCard(bot.notifier.lastApproval(requestId)!.request, { decide: false }))).toContain(
      'Void: the hosts changed',
    );
    expect(bot.notifier.lastApproval(fresh!.id)?.request.state).toBe('submitted');
    expect((await bot.store.query({ limit: 30 })).map((record) => record.kind)).toContain('request.drifted');
  });

  it('undoes a change from its backup, with the same approval as the change it undoes', async () => {
    const bot = await botWithApprovalsChannel();
    const change = await askForApproval(bot, 'set RDSH01 to per user');
    await approve(bot, change.data, megan);
    await bot.background.idle();
    expect(estate(bot).state('RDSH01').mode).toBe('PerUser');

    const { plan, response, requestId, data } = await askForApproval(bot, 'undo the last change on RDSH01');
    expect(cardText(plan)).toContain('Roll back a change on RDSH01');
    expect(cardText(plan)).toContain(`Set the licensing mode, request ${change.requestId}`);
    expect(cardText(plan)).toContain('needs one approver');
    expect(cardText(response.value)).toContain('Waiting for approval');
    const selfApproval = await approve(bot, data, alex);
    expect(cardText(selfApproval.value)).toContain('someone else');
    await approve(bot, data, lee);
    await bot.background.idle();
    expect((await bot.store.get(requestId))?.state).toBe('succeeded');
    expect(estate(bot).state('RDSH01').mode).toBe('PerDevice');

    const [unknown] = await bot.say('roll back request 3f2a9c1e-0000-4000-8000-000000000000');
    expect(cardText(unknown)).toContain('I have no request');
    const [nothing] = await bot.say('undo the last change on RDSH02');
    expect(cardText(nothing)).toContain('no finished change with a backup on RDSH02');
  });

  it('loses nothing when the bot restarts between the request and the approval (T-APR-09)', async () => {
    const before = await botWithApprovalsChannel();
    const { requestId, data } = await askForApproval(before, 'set RDSH01 to per user');
    before.store.close();

    const after = createTurnHarness({ databaseFile: before.databaseFile });
    await approve(after, data, megan);
    await after.background.idle();
    expect((await after.store.get(requestId))?.state).toBe('succeeded');
    expect(estate(after).realRuns('rdsh.set_licensing_mode')).toHaveLength(1);
    const replay = await approve(after, data, lee);
    expect(cardText(replay.value)).toContain('already decided');
    expect(estate(after).realRuns()).toHaveLength(1);
  });

  it('refuses a Confirm on a change that needs approvers, and says so when the channel cannot be reached', async () => {
    const bot = await botWithApprovalsChannel();
    const [plan] = await bot.say('set RDSH01 to per user');
    const submit = actionsOf(plan).find((action) => action.title === 'Ask for approval');
    const confirm = await bot.click(VERB.confirm, submit?.data);
    expect(cardText(confirm.value)).toContain('needs approvers');
    bot.notifier.failPosting = true;
    const sent = await bot.click(VERB.submit, { ...submit?.data, justification: 'INC-1' });
    expect(cardText(sent.value)).toContain('could not post the approval card');
    expect((await bot.store.get(String(submit?.data.requestId)))?.state).toBe('cancelled');
  });

  it('answers at once where Group Policy sets the mode: nothing to approve', async () => {
    const bot = await botWithApprovalsChannel();
    const [plan] = await bot.say('set RDSH02 to per user');
    expect(cardText(plan)).toContain('Cannot change: Set the licensing mode on RDSH02');
    expect(cardText(plan)).toContain('Group Policy');
    expect(actionsOf(plan)).toEqual([]);
  });
});
