import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERB } from '../../cards/verbs';
import { LAB_HOSTS, seedHive } from '../../lab/lab';
import type { LabOptions } from '../../lab/lab-parts';
import type { CapturedCall } from './capture-connector';
import { postActivity } from './teams-http';
import { ROOT } from './test-paths';

// The load of the scale test and of `npm run bench:scale`: many helpdesk users confirming client resets
// on the lab's two PCs with a cached licence (PC-050 has none: its plan needs no change) at once.
export const LOAD_PCS = ['PC-042', 'PC-043'];

export interface LoadUser {
  oid: string;
  name: string;
}

/**
 * The lab policy with `count` more helpdesk users: one person has one open plan per change (a second ask
 * points at the first), so a load of concurrent plans comes from many people, as it would.
 */
export function scalePolicy(dir: string, count: number): { file: string; users: LoadUser[] } {
  const policy = JSON.parse(readFileSync(join(ROOT, 'config', 'policy.local.json'), 'utf8')) as {
    roles: { helpdesk: LoadUser[] };
  };
  const users = Array.from({ length: count }, (_, i) => ({
    oid: `00000000-0000-0000-0000-0000000001${String(i).padStart(2, '0')}`,
    name: `Helpdesk ${i + 1}`,
  }));
  policy.roles.helpdesk.push(...users);
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify(policy));
  return { file, users };
}

/** `npm run worker` as its own process group, so kill -9 of the group takes its pwsh pool with it. */
export function startWorkerProcess(name: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/ts-run.js', 'bot/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, WORKER_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('worker started')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code})`)));
  });
}

/** Each request from its own helpdesk user, in their own chat with the bot. */
function chatAs(botUrl: string, serviceUrl: string, users: LoadUser[]) {
  return (user: number, activity: Record<string, unknown>) =>
    postActivity(botUrl, serviceUrl, `a:scale-${user}`, {
      from: { id: `29:scale-${user}`, name: users[user]!.name, aadObjectId: users[user]!.oid },
      ...activity,
    });
}

export interface Load {
  /**
   * Plans `count` client resets, one per user (each PC seeded with a licence first), then confirms them
   * all at once; `midRun` runs while the clicks are in flight. Resolves with the request ids.
   */
  round(count: number, midRun?: () => Promise<void>): Promise<string[]>;
}

export function loadAgainst(
  botUrl: string,
  connector: {
    serviceUrl: string;
    calls: CapturedCall[];
    waitFor(p: (c: CapturedCall) => boolean, ms?: number): Promise<CapturedCall>;
  },
  users: LoadUser[],
  lab: LabOptions,
): Load {
  let seq = 0;
  // Activity ids of their own: the connector may already hold another load's replies to `m-1`.
  const tag = Math.random().toString(36).slice(2, 8);
  const post = chatAs(botUrl, connector.serviceUrl, users);
  return {
    async round(count, midRun) {
      const plans: Array<{ cardId: string; data: { requestId: string } }> = [];
      for (let i = 0; i < count; i++) {
        const host = LOAD_PCS[i % LOAD_PCS.length]!;
        seedHive(lab, LAB_HOSTS.find((h) => h.name === host)!);
        const id = `m-${tag}-${++seq}`;
        const sent = await post(i, { type: 'message', id, text: `reset the client license on ${host}` });
        if (sent.status !== 200) throw new Error(`the message for ${host} was answered ${sent.status}`);
        const plan = await connector.waitFor(
          (c) => c.body?.type === 'message' && c.url.endsWith(`/activities/${id}`),
          60_000,
        );
        const card = (
          plan.body?.attachments as Array<{
            content: { actions?: Array<{ title: string; data: { requestId: string } }> };
          }>
        )[0]!.content;
        const confirm = card.actions?.find((a) => a.title === 'Confirm');
        if (!confirm) throw new Error(`no Confirm on the plan for ${host}: ${JSON.stringify(card).slice(0, 600)}`);
        plans.push({ cardId: `act-${connector.calls.indexOf(plan) + 1}`, data: confirm.data });
      }
      // A click that got no answer (its instance died with it) is clicked again, as a person would.
      const click = async (plan: (typeof plans)[number], user: number): Promise<Response> => {
        for (let attempt = 1; ; attempt++) {
          const sent = await post(user, {
            type: 'invoke',
            name: 'adaptiveCard/action',
            id: `i-${tag}-${++seq}`,
            replyToId: plan.cardId,
            value: { action: { type: 'Action.Execute', verb: VERB.confirm, data: plan.data }, trigger: 'manual' },
          }).catch(() => undefined);
          if ((sent && sent.status === 200) || attempt === 3) return sent ?? new Response(null, { status: 599 });
          await new Promise((r) => setTimeout(r, 500));
        }
      };
      const clicks = Promise.all(plans.map((plan, user) => click(plan, user)));
      if (midRun) await midRun();
      for (const answer of await clicks)
        if (answer.status !== 200) throw new Error(`a Confirm was answered ${answer.status}`);
      return plans.map((plan) => plan.data.requestId);
    },
  };
}

/** Waits until every request is succeeded or failed, or `withinMs` passed; `finished` counts them. */
export async function settled(
  finished: (ids: string[]) => Promise<number>,
  ids: string[],
  withinMs: number,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if ((await finished(ids)) === ids.length) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const TENANT = '00000000-0000-0000-0000-0000000000001';
const ISAIAH = { id: 'user-id-23', name: 'Isaiah Langer', aadObjectId: '00000000-0000-0000-0000-0000000000023' };
const MEGAN = { id: 'user-id-21', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
const CHANNEL = {
  conversation: { id: '19:scale-approvals@thread.tacv2', conversationType: 'channel', tenantId: TENANT, isGroup: true },
  channelData: {
    tenant: { id: TENANT },
    team: { id: '19:it-ops@thread.tacv2', name: 'IT Operations' },
    channel: { id: '19:scale-approvals@thread.tacv2', name: 'RDS approvals' },
  },
};
type Connector = Parameters<typeof loadAgainst>[1];
const contentOf = (call: CapturedCall) =>
  (call.body?.attachments as Array<{ content: Record<string, unknown> }> | undefined)?.[0]?.content ?? {};
// Top-level actions, as turn-harness reads them (the plan's and the approver's buttons live there).
const actionsIn = (card: unknown) =>
  ((card as { actions?: unknown[] }).actions ?? []) as Array<{ title: string; data?: unknown }>;

/**
 * The approval half of the load: an admin picks the approvals channel, each user asks for a TermService
 * restart (one approver, a justification), and Megan approves each in the channel: requests, votes and
 * the run may each land on a different instance behind the proxy.
 */
export function approvalsAgainst(botUrl: string, connector: Connector, users: LoadUser[]) {
  const tag = Math.random().toString(36).slice(2, 8);
  let seq = 0;
  const inChat = chatAs(botUrl, connector.serviceUrl, users);
  const inChannel = (who: typeof MEGAN, activity: Record<string, unknown>) =>
    postActivity(botUrl, connector.serviceUrl, CHANNEL.conversation.id, { from: who, ...CHANNEL, ...activity });
  const invoke = (replyToId: string, verb: string, data: unknown) => ({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `i-${tag}-${++seq}`,
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  return {
    async chooseChannel(): Promise<void> {
      const id = `m-${tag}-${++seq}`;
      await inChannel(ISAIAH, {
        type: 'message',
        id,
        text: '<at>RDS Licensing Bot</at> use this channel for approvals',
      });
      await connector.waitFor(
        (c) => c.url.endsWith(`/activities/${id}`) && JSON.stringify(c.body).includes('Approvals go here'),
        60_000,
      );
    },
    /** `count` restarts asked for, submitted and approved; resolves with their request ids. */
    async round(count: number, hosts: string[]): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const host = hosts[i % hosts.length]!;
        const ask = async () => {
          const id = `m-${tag}-${++seq}`;
          await inChat(i, { type: 'message', id, text: `restart TermService on ${host}` });
          return connector.waitFor((c) => c.body?.type === 'message' && c.url.endsWith(`/activities/${id}`), 60_000);
        };
        let plan = await ask();
        // A preview that timed out (a cold worker session on a busy 2-core machine, 6 s budget) is
        // answered "could not be reached" with Retry; the helpdesk asks again, and so does the load, once.
        if (JSON.stringify(contentOf(plan)).includes('could not be reached')) {
          process.stdout.write(`scale: the preview on ${host} did not answer in time; asked again\n`);
          plan = await ask();
        }
        const submit = actionsIn(contentOf(plan)).find((a) => a.title === 'Ask for approval');
        if (!submit)
          throw new Error(
            `no "Ask for approval" on the plan for ${host}: ${JSON.stringify(contentOf(plan)).slice(0, 500)}`,
          );
        const requestId = (submit.data as { requestId: string }).requestId;
        const mark = connector.calls.length;
        const asked = await inChat(
          i,
          invoke(`act-${connector.calls.indexOf(plan) + 1}`, 'request.submit', {
            ...(submit.data as object),
            justification: `CHG-${tag}-${i}`,
          }),
        );
        if (asked.status !== 200) throw new Error(`the submit was answered ${asked.status}`);
        const posted = await connector.waitFor(
          (c) =>
            connector.calls.indexOf(c) >= mark &&
            c.method === 'POST' &&
            c.url.includes(`/conversations/${CHANNEL.conversation.id}/activities`) &&
            JSON.stringify(c.body).includes(`CHG-${tag}-${i}`),
          60_000,
        );
        const cardId = `act-${connector.calls.indexOf(posted) + 1}`;
        const view = (await (await inChannel(MEGAN, invoke(cardId, 'approval.refresh', { requestId }))).json()) as {
          value: unknown;
        };
        const approve = actionsIn(view.value).find((a) => a.title === 'Approve');
        if (!approve)
          throw new Error(`Megan sees no Approve for ${requestId}: ${JSON.stringify(view.value).slice(0, 400)}`);
        const voted = await inChannel(MEGAN, invoke(cardId, 'approval.approve', approve.data));
        if (voted.status !== 200) throw new Error(`the approval was answered ${voted.status}`);
        ids.push(requestId);
      }
      return ids;
    },
  };
}
