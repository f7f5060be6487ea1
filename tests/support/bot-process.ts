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
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('the bot process did not start');
}

/** Resolves with the exit code once the process has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
