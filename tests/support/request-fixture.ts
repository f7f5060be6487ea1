import type { FakeEstateExecutor } from './fakes';
import { actionsOf, alex, APPROVERS_CHANNEL, createTurnHarness, isaiah } from './turn-harness';
import { VERB } from '../../cards/verbs';

/**
 * The requests the front-door suites try to reach: Alex's client reset waiting for Confirm, and
 * Alex's mode change submitted for approval (an approvals channel set by the admin).
 */
export type Bot = ReturnType<typeof createTurnHarness>;

export async function pendingAndSubmitted(bot: Bot) {
  await bot.say('<at>RDS Licensing Bot</at> use this channel for approvals', isaiah, APPROVERS_CHANNEL);
  const [reset] = await bot.say('reset the client license on PC-042', alex);
  const [mode] = await bot.say('set RDSH01 to per user', alex);
  const submit = actionsOf(mode).find((action) => action.title === 'Ask for approval');
  await bot.click(VERB.submit, { ...submit?.data, justification: 'INC-4711 users get event 1128' });
  const confirm = actionsOf(reset).find((action) => action.title === 'Confirm');
  return { pending: confirm?.data ?? {}, submitted: submit?.data ?? {} };
}

/** Every request's id, state, version and votes: any change by an attempt shows here. */
export async function snapshot(bot: Bot): Promise<string> {
  const states = await Promise.all(
    ['pending', 'submitted', 'confirmed', 'running', 'succeeded', 'cancelled', 'rejected'].map((state) =>
      bot.store.listByState(state as never),
    ),
  );
  return JSON.stringify(
    states.flat().map((request) => [request.id, request.state, request.version, request.approval?.votes.length]),
  );
}

/** How many host calls the fake executor has seen (reads and runs). */
export function hostCalls(bot: Bot): number {
  const executor = bot.executor as FakeEstateExecutor;
  return executor.calls.length + executor.realRuns().length;
}

/** The button's payload as the card carried it, with the free-text fields a card form adds. */
export function clickPayload(verb: string, fixture: { pending: unknown; submitted: unknown }): Record<string, unknown> {
  const data = verb.startsWith('approval.') || verb === VERB.resubmit ? fixture.submitted : fixture.pending;
  return {
    ...(data as Record<string, unknown>),
    text: 'reset the client license on PC-042',
    justification: 'x'.repeat(12),
    reason: 'x'.repeat(12),
  };
}
