import { alex, APPROVERS_CHANNEL, cardText, createTurnHarness, isaiah } from '../support/turn-harness';

/** The admins' team channel, as Teams describes it (the admin wrote in a thread of it). */
const ALERTS_CHANNEL = {
  conversation: { ...APPROVERS_CHANNEL.conversation, id: '19:ops@thread.tacv2;messageid=171' },
  channelData: { ...APPROVERS_CHANNEL.channelData, channel: { id: '19:ops@thread.tacv2', name: 'RDS alerts' } },
};

describe('"use this channel for alerts"', () => {
  it('lets an admin choose the alerts channel in a team channel, audited, apart from approvals', async () => {
    const bot = createTurnHarness();
    const [card] = await bot.say('<at>RDS Licensing Bot</at> use this channel for alerts', isaiah, ALERTS_CHANNEL);
    expect(cardText(card)).toContain('Alerts go here');
    expect(cardText(card)).toContain('IT Operations / RDS alerts');
    const channel = await bot.store.getAlertsChannel();
    expect(channel?.name).toBe('IT Operations / RDS alerts');
    expect(channel?.setBy).toBe('oid-isaiah');
    // The channel itself, not the thread the admin wrote in.
    expect((channel?.conversation as { conversation: { id: string } }).conversation.id).toBe('19:ops@thread.tacv2');
    expect(await bot.store.getApprovalsChannel()).toBeUndefined();
    const records = await bot.store.query({ limit: 5 });
    expect(records[0]).toMatchObject({
      kind: 'settings.alerts_channel',
      actor: 'oid-isaiah',
      data: { name: 'IT Operations / RDS alerts' },
    });
  });

  it('refuses anyone but an admin, and an admin outside a team channel', async () => {
    const bot = createTurnHarness();
    const [helpdesk] = await bot.say('<at>RDS Licensing Bot</at> use this channel for alerts', alex, ALERTS_CHANNEL);
    expect(cardText(helpdesk)).toContain('Only an admin of the bot can choose the alerts channel.');
    const [personal] = await bot.say('use this channel for alerts', isaiah);
    expect(cardText(personal)).toContain('Write this in the team channel where admins work');
    expect(await bot.store.getAlertsChannel()).toBeUndefined();
    expect((await bot.store.query({ limit: 5 })).map((r) => r.kind)).not.toContain('settings.alerts_channel');
  });
});
