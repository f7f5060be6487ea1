// Over 250 lines on purpose: one run measures everything side by side (the issue asks for ratios
// from one run), so the lab start, the bot and each figure live in one sequence; the parser figures
// are already their own module (parser-bench.ts).
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { JsonInventory } from '../adapters/inventory/json-config';
import { PwshExecutor } from '../adapters/powershell/pwsh-executor';
import { findDotnetRoot, findPwsh, readConfig } from '../bot/config';
import { silentLogger } from '../bot/errors';
import { startBot } from '../bot/main';
import { VERB } from '../cards/verbs';
import { LAB_HOSTS, labDown, labUp, seedHive } from '../lab/lab';
import { startCaptureConnector } from '../tests/support/capture-connector';
import { type Figures, mergeLatest, round3 } from './latest-json';
import { measureExecutor } from './executor-bench';
import { measureParser } from './parser-bench';
import { measureFanOut } from './fanout-bench';
import { measureAudit } from './audit-bench';
import { median, percentile, timed } from './timing';

/**
 * `npm run bench`: speed and memory, measured side by side in one run (never in timed tests).
 * Uses its own lab (127.0.4.x) and database under data/bench; the figures are merged into
 * data/bench/latest.json (one dotted key per figure). `BENCH_ONLY=parse` measures the parser alone.
 */
const ROOT = resolve(__dirname, '..');
const lab = { dir: join(ROOT, 'data', 'bench-lab'), net: 4 };
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Message -> plan card and Confirm -> result over HTTP: p50 and p99 over this many warm runs. */
const HTTP_RUNS = Number(process.env.BENCH_HTTP_RUNS ?? 20);

/** One printed line and one latest.json key per figure; the lab section adds its own to both. */
interface Section {
  lines: string[];
  figures: Figures;
}

function parserSection(): Section {
  const f = measureParser(ROOT);
  const n = (value: number): string => Math.round(value).toLocaleString('en');
  return {
    lines: [
      `  parse, ${n(f.hosts)} hosts, 500 chars     p50 ${f.p50Ms5000Hosts.toFixed(2)} ms, p99 ${f.p99Ms5000Hosts.toFixed(2)} ms (${n(f.samples)} messages)`,
      `  parse worst, 2,000 random chars   ${f.worstMs2000Chars.toFixed(1)} ms (${n(f.randomMessages)} messages, ${n(f.hosts)} hosts)`,
      `  parse throughput, one core        ${n(f.perSecond)} requests/s`,
    ],
    figures: {
      'parse.p50_ms_5000_hosts': round3(f.p50Ms5000Hosts),
      'parse.p99_ms_5000_hosts': round3(f.p99Ms5000Hosts),
      'parse.per_second': Math.round(f.perSecond),
      'parse.worst_ms_2000_chars': round3(f.worstMs2000Chars),
    },
  };
}

/**
 * `BENCH_ONLY=parse` runs the parser section alone: it needs no lab, pwsh or sshd, so it can be run
 * while the parser is tuned. Any other value is refused rather than quietly running everything.
 */
async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (only !== undefined && only !== '' && only !== 'parse' && only !== 'fanout' && only !== 'audit') {
    console.error(`bench: BENCH_ONLY=${only} is not known ("parse", "fanout" or "audit")`);
    process.exit(2);
  }
  // 1. The parser first, before the lab starts, so no sshd or pwsh competes for the core.
  const none = { lines: [], figures: {} };
  const parser = only && only !== 'parse' ? none : parserSection();
  // The audit log next, also without the lab: SQLite, fsync and Ed25519 only.
  const audit = only && only !== 'audit' ? none : await measureAudit(join(ROOT, 'data', 'bench', 'audit'));
  const real = only ? none : await labSection();
  // 3. Fan-out last, on the scale lab alone (the per-host lab is down by then).
  const fanout = only && only !== 'fanout' ? none : await measureFanOut(lab);
  console.log(only ? `bench (${only} only)` : `bench (${RUNS} runs each, medians; HTTP ${HTTP_RUNS} warm runs)`);
  for (const line of [...parser.lines, ...audit.lines, ...real.lines, ...fanout.lines]) console.log(line);
  const file = join(ROOT, 'data', 'bench', 'latest.json');
  mergeLatest(file, { ...parser.figures, ...audit.figures, ...real.figures, ...fanout.figures });
  console.log(`  figures merged into ${relative(process.cwd(), file)}`);
}

async function labSection(): Promise<Section> {
  // 2. The real parts: pwsh start alone, one host call over SSH, Confirm -> result over HTTP.
  const inventoryFile = await labUp(lab);
  try {
    const pwsh = findPwsh(process.env);
    const env = { ...process.env, DOTNET_ROOT: findDotnetRoot(process.env) };
    const pwshStart: number[] = [];
    for (let i = 0; i < RUNS; i++)
      pwshStart.push(
        await timed(() => spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', 'exit 0'], { env })),
      );

    const inventory = JsonInventory.load(inventoryFile);
    const executor = new PwshExecutor({
      pwsh,
      timeoutMs: 30_000,
      connectTimeoutSeconds: 5,
      labOnly: true,
      env: { DOTNET_ROOT: env.DOTNET_ROOT },
    });
    const preview: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      preview.push(
        await timed(() =>
          executor.run({
            requestId: `bench-${i}`,
            host: inventory.find('PC-042')!,
            operation: 'client.reset_license_cache',
            params: {},
            whatIf: true,
          }),
        ),
      );
    }

    const executorFigures = await measureExecutor(inventory.find('PC-042')!, pwsh, env, RUNS);

    const connector = await startCaptureConnector();
    const bot = await startBot(
      readConfig(
        {
          RDSBOT_LOCAL: '1',
          PORT: '0',
          INVENTORY_FILE: inventoryFile,
          POLICY_FILE: join(ROOT, 'config', 'policy.local.json'),
          DATABASE_FILE: join(ROOT, 'data', 'bench', 'bench.sqlite'),
          // Timed is the plan card itself, not the "Checking…" card a slow read sends first.
          CHECKING_CARD_MS: '60000',
        },
        ROOT,
      ),
      { log: silentLogger },
    );
    const post = (activity: Record<string, unknown>) =>
      fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          from: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
          recipient: { id: '28:bot' },
          conversation: { id: 'a:bench', tenantId: '00000000-0000-0000-0000-0000000000001' },
          channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' } },
          ...activity,
        }),
      });
    const messageToCard: number[] = [];
    const confirmToResult: number[] = [];
    // Run 0 warms the pool (pwsh started, session to PC-042 built); the figures are the warm runs after it.
    for (let i = 0; i <= HTTP_RUNS; i++) {
      seedHive(lab, LAB_HOSTS.find((h) => h.name === 'PC-042')!);
      const id = `m-${i}`;
      let plan: Awaited<ReturnType<typeof connector.waitFor>> | undefined;
      messageToCard.push(
        await timed(async () => {
          await post({ type: 'message', id, text: 'reset the client license on PC-042' });
          plan = await connector.waitFor((c) => c.body?.type === 'message' && c.url.endsWith(`/activities/${id}`));
        }),
      );
      const cardId = `act-${connector.calls.indexOf(plan!) + 1}`;
      const card = (
        plan!.body?.attachments as Array<{ content: { actions: Array<{ title: string; data: unknown }> } }>
      )[0]!.content;
      const data = card.actions.find((a) => a.title === 'Confirm')!.data;
      confirmToResult.push(
        await timed(async () => {
          await post({
            type: 'invoke',
            name: 'adaptiveCard/action',
            id: `i-${i}`,
            replyToId: cardId,
            value: { action: { type: 'Action.Execute', verb: VERB.confirm, data }, trigger: 'manual' },
          });
          await connector.waitFor(
            (c) =>
              c.method === 'PUT' && c.url.endsWith(`/activities/${cardId}`) && JSON.stringify(c.body).includes('Done:'),
          );
        }),
      );
    }

    // 3. An approval: the last Approve -> result (re-check roles, re-preview the host, run, both cards).
    const tenant = '00000000-0000-0000-0000-0000000000001';
    const channel = {
      conversation: { id: '19:bench-approvals@thread.tacv2', conversationType: 'channel', tenantId: tenant },
      channelData: { tenant: { id: tenant }, team: { name: 'IT Operations' }, channel: { name: 'RDS approvals' } },
    };
    const isaiah = { id: 'user-id-3', name: 'Isaiah Langer', aadObjectId: '00000000-0000-0000-0000-0000000000023' };
    const megan = { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
    await post({ type: 'message', id: 'm-channel', text: 'use this channel for approvals', from: isaiah, ...channel });
    await connector.waitFor((c) => c.url.endsWith('/activities/m-channel'));
    const approveToResult: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      seedHive(lab, LAB_HOSTS.find((h) => h.name === 'RDSH-LAB-02')!);
      const id = `m-approval-${i}`;
      await post({ type: 'message', id, text: 'set RDSH-LAB-02 to per user' });
      const plan = await connector.waitFor((c) => c.body?.type === 'message' && c.url.endsWith(`/activities/${id}`));
      const card = (
        plan.body?.attachments as Array<{
          content: { actions: Array<{ title: string; data: Record<string, unknown> }> };
        }>
      )[0]!.content;
      const data = card.actions.find((a) => a.title === 'Ask for approval')!.data;
      const mark = connector.calls.length;
      await post({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `i-submit-${i}`,
        replyToId: `act-${connector.calls.indexOf(plan) + 1}`,
        value: { action: { type: 'Action.Execute', verb: VERB.submit, data: { ...data, justification: 'bench' } } },
      });
      const posted = await connector.waitFor(
        (c) => connector.calls.indexOf(c) >= mark && c.method === 'POST' && c.url.includes('bench-approvals'),
      );
      const approvalId = `act-${connector.calls.indexOf(posted) + 1}`;
      approveToResult.push(
        await timed(async () => {
          await post({
            type: 'invoke',
            name: 'adaptiveCard/action',
            id: `i-approve-${i}`,
            replyToId: approvalId,
            from: megan,
            ...channel,
            value: { action: { type: 'Action.Execute', verb: VERB.approve, data } },
          });
          await connector.waitFor(
            (c) =>
              c.method === 'PUT' &&
              c.url.endsWith(`/activities/${approvalId}`) &&
              JSON.stringify(c.body).includes('Approved and done'),
          );
        }),
      );
    }
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    await bot.close();
    await connector.close();

    const p = median(pwshStart);
    const e = median(preview);
    const warmCards = messageToCard.slice(1);
    const warmResults = confirmToResult.slice(1);
    const m = median(warmCards);
    const c = median(warmResults);
    const m99 = percentile(warmCards, 99);
    const c99 = percentile(warmResults, 99);
    const a = median(approveToResult);
    return {
      lines: [
        `  pwsh start alone                  ${p.toFixed(0)} ms   1.00x`,
        `  one host preview over SSH         ${e.toFixed(0)} ms   ${(e / p).toFixed(2)}x pwsh start`,
        `  message -> plan card over HTTP    p50 ${m.toFixed(0)} ms, p99 ${m99.toFixed(0)} ms (warm, ${warmCards.length} runs)   ${(m / e).toFixed(2)}x cold host preview`,
        `  Confirm -> result card over HTTP  p50 ${c.toFixed(0)} ms, p99 ${c99.toFixed(0)} ms (warm, ${warmResults.length} runs)   ${(c / e).toFixed(2)}x cold host preview`,
        `  last Approve -> result over HTTP  ${a.toFixed(0)} ms   ${(a / e).toFixed(2)}x host preview, ${(a / c).toFixed(2)}x Confirm -> result`,
        `  bot process RSS after the runs    ${rssMb.toFixed(0)} MiB`,
        ...executorFigures.lines,
      ],
      figures: {
        'pwsh.start_ms': round3(p),
        'ssh.preview_ms': round3(e),
        'http.message_to_card_ms': round3(m),
        'http.confirm_to_result_ms': round3(c),
        'http.plan_card_warm_p50_ms': round3(m),
        'http.plan_card_warm_p99_ms': round3(m99),
        'http.confirm_to_result_warm_p50_ms': round3(c),
        'http.confirm_to_result_warm_p99_ms': round3(c99),
        'http.approve_to_result_ms': round3(a),
        'process.rss_mib': Math.round(rssMb),
        ...executorFigures.figures,
      },
    };
  } finally {
    await labDown(lab);
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
