import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from './test-paths';
import { localBotEnv } from './teams-http';

/** The bot as its own process (npm start's entry point), so it can be sent SIGTERM or SIGKILL. */
export async function startBotProcess(
  port: number,
  databaseFile: string,
  extra: NodeJS.ProcessEnv = {},
): Promise<ChildProcess> {
  const child = spawn('node', ['scripts/ts-run.js', 'bot/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...localBotEnv(ROOT, databaseFile, { PORT: String(port), ...extra }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.env.RDSBOT_TEST_DEBUG && process.stderr.write(chunk));
  child.stdout?.on('data', (chunk: Buffer) => process.env.RDSBOT_TEST_DEBUG && process.stderr.write(chunk));
  // Compiling the bot on start takes seconds on two busy cores: wait up to a minute, not less.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('the bot process did not start');
}

/** Resolves with the exit code (null when a signal ended it) once the process has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  // A process a signal ended has no exit code but a signal code; waiting for 'exit' then would wait forever.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
