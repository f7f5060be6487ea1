// Over 250 lines on purpose: one client-reset conversation from request to result, read top to bottom.
import { requestCard } from '../../cards/request-card';
import { VERB } from '../../cards/verbs';
import type { FakeClientExecutor } from '../support/fakes';
import {
  actionsOf,
  adele,
  alex,
  APPROVERS_CHANNEL,
  cardText,
  createTurnHarness,
  isaiah,
  mallory,
} from '../support/turn-harness';

describe('a helpdesk user resets a client license in chat', () => {
  it('answers a request with a plan card showing what is there and what will be deleted', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license on PC-042');
    expect(cardText(card)).toContain('Reset the client license cache on PC-042');
    expect(cardText(card)).toContain('present (subkeys: HardwareID, Store)');
    expect(cardText(card)).toContain('Will back up, then delete');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Confirm', 'Cancel']);
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(0);
  });

  it('runs the change on Confirm, shows "running" at once and the result with next steps after', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license for jdoe');
    const confirm = actionsOf(card).find((a) => a.title === 'Confirm');
    const response = await bot.click(VERB.confirm, confirm?.data);
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(response.value)).toContain('Running');

    await bot.background.idle();
    const finished = bot.notifier.last();
    expect(finished?.state).toBe('succeeded');
    expect(finished?.outcome?.[0]?.report?.backup?.path).toContain(finished?.id);
    const result = cardText(requestCard(finished!));
    expect(result).toContain('Done: Reset the client license cache on PC-042');
    expect(result).toContain('Backup');
    expect(result).toContain('as administrator');
    expect((bot.executor as FakeClientExecutor).realRuns().map((c) => c.host.name)).toEqual(['PC-042']);
  });

  it('runs once however often Confirm is clicked or re-delivered', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license on PC-042');
    const data = actionsOf(card)[0]?.data;
    const clicks = await Promise.all([
      bot.click(VERB.confirm, data),
      bot.click(VERB.confirm, data),
      bot.click(VERB.confirm, data),
    ]);
    await bot.background.idle();
    const again = await bot.click(VERB.confirm, data);
    await bot.background.idle();
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(1);
    expect(clicks.every((c) => c.statusCode === 200)).toBe(true);
    expect(cardText(again.value)).toContain('Done');
  });

  it('changes nothing on Cancel, and a later Confirm of the cancelled plan does nothing', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license on PC-042');
    const data = actionsOf(card)[0]?.data;
    const cancelled = await bot.click(VERB.cancel, data);
    expect(cardText(cancelled.value)).toContain('Cancelled');
    const late = await bot.click(VERB.confirm, data);
    await bot.background.idle();
    expect(cardText(late.value)).toContain('Cancelled');
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(0);
  });

  it('asks which computer when the host is not in the inventory, offering near misses', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license on pc-0042');
    expect(cardText(card)).toContain('Did you mean **PC-042**?');
    expect((bot.executor as FakeClientExecutor).calls).toHaveLength(0);
  });

  it('answers chit-chat and other topics with help instead of a plan', async () => {
    const bot = createTurnHarness();
    const [weather] = await bot.say("what's the weather like in Seattle");
    expect(cardText(weather)).toContain('I can only help with Remote Desktop licensing');
    const [help] = await bot.say('help');
    expect(cardText(help)).toContain('Reset the client license cache');
  });

  it('plans nothing for a dead host: says it could not be reached, what to check, and offers Retry', async () => {
    const bot = createTurnHarness({ down: ['PC-DOWN'] });
    const [card] = await bot.say('reset the client license on PC-DOWN');
    expect(cardText(card)).toContain('PC-DOWN could not be reached');
    expect(cardText(card)).toContain('Nothing was planned or changed.');
    expect(cardText(card)).toContain('did not accept a PowerShell session');
    expect(cardText(card)).not.toMatch(/expires|backs up/);
    expect(actionsOf(card).map((a) => [a.title, a.data])).toEqual([
      ['Retry', { text: 'reset the client license on PC-DOWN' }],
    ]);
    expect(await bot.store.lastByRequester(alex.aadObjectId)).toBeUndefined();
  });

  it('plans the change when Retry is clicked once the host answers again', async () => {
    const down = ['PC-DOWN'];
    const bot = createTurnHarness({ down });
    const [card] = await bot.say('reset the client license on PC-DOWN');
    down.length = 0;
    const retried = await bot.click(VERB.ask, actionsOf(card)[0]?.data);
    expect(retried.value).toBe('Answered below.');
    expect(actionsOf(retried.sent[0]).map((a) => a.title)).toEqual(['Confirm', 'Cancel']);
  });

  it('says there is nothing to do when the cache is already gone', async () => {
    const bot = createTurnHarness();
    const [first] = await bot.say('reset the client license on PC-043');
    await bot.click(VERB.confirm, actionsOf(first)[0]?.data);
    await bot.background.idle();
    const [second] = await bot.say('reset the client license on PC-043');
    expect(cardText(second)).toContain('No change needed');
    expect(actionsOf(second)).toHaveLength(0);
  });

  it('lets only the requester confirm their plan', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license on PC-042', alex);
    const response = await bot.click(VERB.confirm, actionsOf(card)[0]?.data, adele);
    expect(cardText(response.value)).toContain('Not your request');
    await bot.background.idle();
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(0);
  });

  it('refuses users without the helpdesk role before contacting any host', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license on PC-042', mallory);
    expect(cardText(card)).toContain('Only helpdesk staff');
    expect((bot.executor as FakeClientExecutor).calls).toHaveLength(0);
  });

  it('refuses a client reset aimed at a session host, with the reason', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license on RDSH01');
    expect(cardText(card)).toContain('RDSH01 is a session-host');
  });

  it('refuses an expired plan and a card whose fingerprint is not the plan shown', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license on PC-042');
    const data = actionsOf(card)[0]?.data as { requestId: string; fingerprint: string };
    const forged = await bot.click(VERB.confirm, { ...data, fingerprint: 'f'.repeat(32) });
    expect(cardText(forged.value)).toContain('out of date');
    bot.clock.advance(31 * 60_000);
    const late = await bot.click(VERB.confirm, data);
    expect(cardText(late.value)).toContain('expired');
    await bot.background.idle();
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(0);
  });

  it.each([
    ['no data', undefined],
    ['a string', 'approve'],
    ['null', null],
    [
      'a prototype key',
      JSON.parse(
        '{"__proto__":{"isApprover":true},"requestId":"req-1","fingerprint":"00000000000000000000000000000000"}',
      ),
    ],
    ['a hostile request id', { requestId: "req-1'; Remove-Item C:\\", fingerprint: '0'.repeat(32) }],
  ])('answers a forged card payload (%s) with a clear notice and runs nothing', async (_name, data) => {
    const bot = createTurnHarness();
    await bot.say('reset the client license on PC-042');
    const response = await bot.click(VERB.confirm, data);
    expect(response.statusCode).toBe(200);
    expect(cardText(response.value)).toMatch(/cannot read this button|Unknown request/);
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(0);
  });

  it('answers an unknown button verb instead of failing the invoke', async () => {
    const bot = createTurnHarness();
    const response = await bot.click('request.approve_everything', { requestId: 'req-1' });
    expect(response.statusCode).toBe(200);
    expect(response.value).toBe('This button is not one I know.');
  });
});

describe('when the audit log cannot be written', () => {
  it('plans nothing, runs nothing and answers with an error code and a reference', async () => {
    const bot = createTurnHarness();
    bot.deps.audit = {
      append: () => Promise.reject(new Error('SQLITE_FULL: database or disk is full')),
      query: async () => [],
    };
    const [card] = await bot.say('reset the client license on PC-042');
    expect(cardText(card)).toContain('audit_unavailable');
    expect(cardText(card)).toMatch(/reference [0-9a-f]{8}/);
    expect(cardText(card)).not.toContain('SQLITE_FULL');
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(0);
  });

  it('refuses the Confirm and runs nothing if the audit fails between plan and Confirm', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('reset the client license on PC-042');
    bot.deps.audit = { append: () => Promise.reject(new Error('disk I/O error')), query: async () => [] };
    const response = await bot.click(VERB.confirm, actionsOf(card)[0]?.data);
    await bot.background.idle();
    expect(cardText(response.value)).toContain('audit_unavailable');
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(0);
    expect((await bot.store.get((actionsOf(card)[0]?.data as { requestId: string }).requestId))?.state).toBe('failed');
  });
});

describe('answers that are not plans', () => {
  it('explains instead of acting when asked to copy a license or move CALs with the registry', async () => {
    const bot = createTurnHarness();
    const [copy] = await bot.say('copy the MSLicensing key from PC-042 to PC-043 so it has a license');
    expect(cardText(copy)).toContain('cannot be copied');
    const [cals] = await bot.say('move our CALs to the new license server, just export the registry');
    expect(cardText(cals)).toContain('Migrate RDS CALs');
    const [grace] = await bot.say('reset grace on RDSH01 every 100 days automatically');
    expect(cardText(grace)).toContain('do not schedule or repeat');
    expect((bot.executor as FakeClientExecutor).calls).toHaveLength(0);
  });

  it('shows the status of my last request', async () => {
    const bot = createTurnHarness();
    await bot.say('reset the client license on PC-042');
    const [status] = await bot.say("what's the status of my last request?");
    expect(cardText(status)).toContain('Reset the client license cache on PC-042');
  });

  it('reads a host at once for a diagnosis, without a confirmation', async () => {
    const bot = createTurnHarness();
    const [report] = await bot.say('fix rds licensing on RDSH01');
    expect(cardText(report)).toContain('Diagnosis: RDSH01');
    // The diagnosis's reads run side by side: their order is not fixed.
    expect((bot.executor as FakeClientExecutor).calls.map((c) => [c.operation, c.whatIf]).sort()).toEqual([
      ['licensing.diagnose', false],
      ['ls.cal_inventory', false],
      ['rdsh.events', false],
      ['rdsh.test_license_server', false],
    ]);
  });
});

describe('asking for what is missing, and continuing the same request', () => {
  it('offers the near misses as choices and plans the request with the host picked', async () => {
    const bot = createTurnHarness();
    const [question] = await bot.say('reset the client license on pc-0042');
    const continueAction = actionsOf(question).find((a) => a.title === 'Continue');
    expect(JSON.stringify(question)).toContain('"Input.ChoiceSet"');
    const answer = await bot.click(VERB.complete, { ...continueAction?.data, targets: 'PC-042' });
    expect(cardText(answer.value)).toContain('Reset the client license cache on PC-042');
    expect(actionsOf(answer.value).map((a) => a.title)).toEqual(['Confirm', 'Cancel']);
  });

  it('refuses a pick that is not an inventory host of the right kind, and asks again', async () => {
    const bot = createTurnHarness();
    const [question] = await bot.say('reset the client license');
    const data = actionsOf(question)[0]?.data;
    const forged = await bot.click(VERB.complete, { ...data, targets: 'EVIL-HOST' });
    expect(cardText(forged.value)).toContain('I need a little more');
    const wrongRole = await bot.click(VERB.complete, { ...data, targets: 'RDSH01' });
    expect(cardText(wrongRole.value)).toContain('I need a little more');
    const hostile = await bot.click(VERB.complete, { ...data, targets: 'PC-042;calc' });
    expect(cardText(hostile.value)).toContain('cannot read this card');
    expect((bot.executor as FakeClientExecutor).calls).toHaveLength(0);
  });

  it('answers "who changed PC-042" from the audit log', async () => {
    const bot = createTurnHarness();
    const [plan] = await bot.say('reset the client license on PC-042');
    await bot.click(VERB.confirm, actionsOf(plan)[0]?.data);
    await bot.background.idle();
    const [audit] = await bot.say('who changed PC-042 this week?');
    expect(cardText(audit)).toContain('Audit log for PC-042');
    expect(cardText(audit)).toContain('execution.started');
  });
});

describe('cancelling in words', () => {
  it('"cancel that request" cancels my pending plan and updates its card', async () => {
    const bot = createTurnHarness();
    const [plan] = await bot.say('reset the client license on PC-042');
    const [answer] = await bot.say('cancel that request');
    expect(cardText(answer)).toContain('Cancelled');
    expect(bot.notifier.last()?.state).toBe('cancelled');
    const late = await bot.click(VERB.confirm, actionsOf(plan)[0]?.data);
    await bot.background.idle();
    expect(cardText(late.value)).toContain('Cancelled');
    expect((bot.executor as FakeClientExecutor).realRuns()).toHaveLength(0);
  });
});

describe('choosing the approvals channel', () => {
  it('lets an admin choose a team channel, audits it, and tells requesters of approval changes where approvals go', async () => {
    const bot = createTurnHarness();
    const [before] = await bot.say('set RDSH01 to per user');
    expect(cardText(before)).toContain('No approvals channel is set up yet');
    const [set] = await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, APPROVERS_CHANNEL);
    expect(cardText(set)).toContain('IT Operations / RDS approvals');
    expect((await bot.deps.settings.getApprovalsChannel())?.name).toBe('IT Operations / RDS approvals');
    // Approval cards become new posts in the channel, not replies in the admin's thread.
    const threaded = {
      ...APPROVERS_CHANNEL,
      conversation: { ...APPROVERS_CHANNEL.conversation, id: '19:approvers@thread.tacv2;messageid=1732' },
    };
    await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, threaded);
    const stored = (await bot.deps.settings.getApprovalsChannel())?.conversation as { conversation: { id: string } };
    expect(stored.conversation.id).toBe('19:approvers@thread.tacv2');
    const [after] = await bot.say('set RDSH01 to per user');
    expect(actionsOf(after).map((action) => action.title)).toEqual(['Ask for approval', 'Cancel']);
    expect((await bot.store.query({ limit: 10 })).map((r) => r.kind)).toContain('settings.approvals_channel');
  });

  it('refuses a non-admin, and an admin outside a team channel', async () => {
    const bot = createTurnHarness();
    const [helpdesk] = await bot.say('use this channel for approvals', alex, APPROVERS_CHANNEL);
    expect(cardText(helpdesk)).toContain('Only an admin');
    const [personal] = await bot.say('use this channel for approvals', isaiah);
    expect(cardText(personal)).toContain('team channel');
    expect(await bot.deps.settings.getApprovalsChannel()).toBeUndefined();
  });
});
