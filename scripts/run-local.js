#!/usr/bin/env node
// `npm start`: the bot with embedded defaults, for trying it at once on this machine.
//   1. starts the lab hosts (simulated Windows clients, see lab/) and writes data/lab/inventory.json
//   2. starts the bot in local mode (no Bot Framework credentials, 127.0.0.1 only, lab hosts only)
//   3. starts the Microsoft 365 Agents Playground (no browser launch, no telemetry, loopback only)
// Ctrl+C stops all three.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const port = process.env.PORT || '3978';
const playgroundPort = process.env.PLAYGROUND_PORT || '56150';
const children = [];

function run(args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${args.join(' ')} exited (${code}); stopping`);
      stop(1);
    }
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  spawnSync(process.execPath, ['scripts/ts-run.js', 'lab/lab-cli.ts', 'down'], { cwd: root, stdio: 'inherit' });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function main() {
  const lab = spawnSync(process.execPath, ['scripts/ts-run.js', 'lab/lab-cli.ts', 'up'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (lab.status !== 0) process.exit(lab.status || 1);

  run(['scripts/ts-run.js', 'bot/start.ts'], { RDSBOT_LOCAL: '1', PORT: port, BOT_ID: '' });
  await waitFor(`http://127.0.0.1:${port}/health`);

  run(
    [
      join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
      '-e',
      `http://127.0.0.1:${port}/api/messages`,
      '-c',
      'msteams',
      '-p',
      playgroundPort,
      '--disable-telemetry',
    ],
    {
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: join(root, 'data', 'playground.log'),
      NODE_OPTIONS: `--require ${join(root, 'scripts', 'loopback-only.js')}`,
    },
  );
  await waitFor(`http://127.0.0.1:${playgroundPort}/_internal/v1/config`);
  console.log(
    [
      '',
      `  Chat with the bot: open http://127.0.0.1:${playgroundPort} in a browser (Microsoft 365 Agents Playground).`,
      '  You are Alex Wilber (helpdesk). Try: "reset the client license on PC-042" or "reset the client licence for jdoe".',
      '  Lab hosts: PC-042, PC-043 (stale licence), PC-050 (clean), PC-HANG (never answers), PC-DOWN (down),',
      '  RDSH01, RDSH02, RDSH-LAB-02 (session hosts), LS1 (license server). "diagnose RDSH01" reads at once;',
      '  server changes ("point RDSH01 at LS1") need an approvals channel and an approver: see the README.',
      '  Ctrl+C stops the bot, the Playground and the lab.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(`start: ${error.message}`);
  stop(1);
});
