import { type Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonInventory } from '../../adapters/inventory/json-config';
import { SqliteStore } from '../../adapters/store/sqlite-store';
import { Alerts } from '../../bot/alerts/alerts';
import { BackgroundWork } from '../../bot/app/background';
import { createApp } from '../../bot/app/create-app';
import type { Host } from '../../bot/domain';
import { silentLogger } from '../../bot/errors';
import type { Policy } from '../../bot/policy/policy';
import type { Executor } from '../../bot/ports';
import type { WorkflowDeps } from '../../bot/workflow/deps';
import { DenialSampler } from '../../bot/workflow/denial-sampler';
import { HostLocks } from '../../bot/workflow/host-locks';
import { Slots } from '../../bot/workflow/slots';
import { FakeClock, FakeEstateExecutor, host, RecordingNotifier } from './fakes';

export const TENANT = 'tenant-contoso';
export const alex = { id: '29:alex', name: 'Alex Wilber', aadObjectId: 'oid-alex' };
export const adele = { id: '29:adele', name: 'Adele Vance', aadObjectId: 'oid-adele' };
export const mallory = { id: '29:mallory', name: 'Mallory', aadObjectId: 'oid-mallory' };
export const isaiah = { id: '29:isaiah', name: 'Isaiah Langer', aadObjectId: 'oid-isaiah' };
export const megan = { id: '29:megan', name: 'Megan Bowen', aadObjectId: 'oid-megan' };
export const lee = { id: '29:lee', name: 'Lee Gu', aadObjectId: 'oid-lee' };
/** Listed as an approver, but Teams says this account is a guest (B2B). */
export const gus = { id: '29:gus', name: 'Gus Guest', aadObjectId: 'oid-gus' };

/** Someone of another organisation, and the activity fields that place them in their own tenant. */
export const outsider = { id: '29:eve', name: 'Eve Outside', aadObjectId: 'oid-eve' };
export const FROM_ELSEWHERE = {
  conversation: {
    id: 'a:chat-eve',
    conversationType: 'personal',
    tenantId: 'tenant-elsewhere',
    isGroup: false,
    name: '',
  },
  channelData: { tenant: { id: 'tenant-elsewhere' } },
};

/** A team channel (where approvers work), as Teams describes it. */
export const APPROVERS_CHANNEL = {
  conversation: {
    id: '19:approvers@thread.tacv2',
    conversationType: 'channel',
    tenantId: TENANT,
    isGroup: true,
    name: '',
  },
  channelData: {
    tenant: { id: TENANT },
    team: { id: '19:team', name: 'IT Operations' },
    channel: { id: '19:approvers@thread.tacv2', name: 'RDS approvals' },
  },
};

export const POLICY: Policy = {
  tenants: [TENANT],
  roles: {
    helpdesk: [{ oid: 'oid-alex' }, { oid: 'oid-adele' }],
    approver: [{ oid: 'oid-megan' }, { oid: 'oid-lee' }, { oid: 'oid-gus' }],
    admin: [{ oid: 'oid-isaiah' }],
  },
};

export const HOSTS: Host[] = [
  host('PC-042', 'client', ['jdoe']),
  host('PC-043', 'client', ['asmith']),
  host('PC-DOWN', 'client'),
  host('RDSH01', 'session-host'),
  host('RDSH02', 'session-host'),
  { ...host('RDSH-LAB-02', 'session-host'), tags: ['lab'] },
  host('LS1', 'license-server'),
];

type User = typeof alex;

/** A whole bot on TestAdapter: the real app, workflow and SQLite store; a fake executor and notifier. */
export function createTurnHarness(
  options: {
    executor?: Executor;
    down?: string[];
    policy?: Policy;
    databaseFile?: string;
    hosts?: Host[];
    concurrency?: number;
    checkingCardMs?: number;
  } = {},
) {
  const clock = new FakeClock();
  const databaseFile = options.databaseFile ?? join(mkdtempSync(join(tmpdir(), 'rdsbot-turn-')), 'bot.sqlite');
  const store = new SqliteStore(databaseFile, clock);
  const executor = options.executor ?? new FakeEstateExecutor(options.down);
  const notifier = new RecordingNotifier();
  let seq = 0;
  const alerts = new Alerts({ settings: store, notifier, clock, log: silentLogger, intervalMs: 60 * 60_000 });
  const deps: WorkflowDeps = {
    store,
    settings: store,
    audit: store,
    executor,
    inventory: new JsonInventory(options.hosts ?? HOSTS),
    notifier,
    clock,
    ids: { newId: () => `req-${++seq}` },
    policy: options.policy ?? POLICY,
    locks: new HostLocks(),
    log: silentLogger,
    alerts,
    planTtlMs: 30 * 60_000,
    concurrency: options.concurrency ?? 4,
    slots: new Slots(8),
    hostWaitMs: 60_000,
    progressIntervalMs: 1000,
    denials: new DenialSampler(),
  };
  const background = new BackgroundWork((error) => {
    throw error;
  });
  const app = createApp({
    deps,
    background,
    memberKind: async (context) => (context.activity.from?.id === gus.id ? 'guest' : 'member'),
    ...(options.checkingCardMs === undefined ? {} : { checkingCardMs: options.checkingCardMs }),
  });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });

  const base = (from: User): Partial<Activity> => ({
    channelId: 'msteams',
    from,
    recipient: { id: '28:bot', name: 'RDS Licensing Bot' },
    conversation: { id: 'a:chat-alex', conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT } },
  });

  /** Every card the bot sent or replaced during the last delivery, in order (the queue keeps only the last). */
  const timeline: Array<{ kind: 'sent' | 'updated'; id?: string; card: unknown }> = [];
  async function deliver(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    adapter.activeQueue.splice(0);
    timeline.splice(0);
    await adapter.processActivity(activity, async (context) => {
      context.onSendActivities(async (_context, activities, next) => {
        const responses = await next();
        activities.forEach((sent, i) =>
          timeline.push({ kind: 'sent', id: responses[i]?.id ?? sent.id, card: sent.attachments?.[0]?.content }),
        );
        return responses;
      });
      context.onUpdateActivity(async (_context, updated, next) => {
        await next();
        timeline.push({ kind: 'updated', id: updated.id, card: updated.attachments?.[0]?.content });
      });
      await app.run(context);
    });
    return [...adapter.activeQueue];
  }

  return {
    deps,
    databaseFile,
    store,
    executor,
    notifier,
    alerts,
    clock,
    background,
    timeline,
    /** Sends an activity exactly as given (a recorded one); returns every activity the bot sent back. */
    replay: deliver,
    /** Sends a chat message; returns the Adaptive Cards the bot answered with. */
    async say(text: string, from: User = alex, extra: Partial<Activity> = {}) {
      const replies = await deliver({ ...base(from), type: ActivityTypes.Message, id: `m-${++seq}`, text, ...extra });
      return replies
        .filter((a) => a.type === 'message')
        .map((a) => a.attachments?.[0]?.content as Record<string, unknown>);
    },
    /** Clicks an Action.Execute button; returns the invoke response body ({statusCode, type, value}) and any new messages (`sent`). */
    async click(verb: string, data: unknown, from: User = alex, extra: Partial<Activity> = {}) {
      const replies = await deliver({
        ...base(from),
        ...extra,
        type: ActivityTypes.Invoke,
        name: 'adaptiveCard/action',
        id: `i-${++seq}`,
        replyToId: 'card-1',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
      const response = replies.find((a) => a.type === 'invokeResponse');
      const body = (response?.value as { status: number; body: { statusCode: number; type: string; value: unknown } })
        .body;
      // A button that answers with a new message (request.ask) leaves the card as it was: its cards are here.
      const sent = replies
        .filter((a) => a.type === 'message')
        .map((a) => a.attachments?.[0]?.content as Record<string, unknown>);
      return { ...body, sent };
    },
  };
}

/** All the text in a card, for readable assertions. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

export function actionsOf(card: unknown): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  return ((card as { actions?: unknown[] }).actions ?? []) as Array<{
    title: string;
    verb: string;
    data: Record<string, unknown>;
  }>;
}
