import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killProcessTree } from '../../adapters/powershell/process-tree';
import { freePort } from './teams-http';
import { ROOT } from './test-paths';

interface PlaygroundMessage {
  action: 'createMessage' | 'updateMessage';
  messageId: string;
  card: Record<string, unknown> | undefined;
  text: string | undefined;
}

/** A running Playground process: its web page and HTTP API at `base`, its log, its chat and user. */
export interface PlaygroundProcess {
  base: string;
  logFile: string;
  chatId: string;
  userId: string;
  stop(): void;
}

/**
 * Starts the Microsoft 365 Agents Playground for a bot: loopback-only, no telemetry, and no browser of
 * its own (the browser tier opens the page itself in Chromium). Resolves once it serves its config and
 * has begun waiting for the bot endpoint, before which it accepts no messages.
 */
export async function launchPlayground(botEndpoint: string): Promise<PlaygroundProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rdsbot-playground-'));
  const logFile = join(dir, 'playground.log');
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules', '.bin', 'agentsplayground'),
    ['-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: dir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
        NODE_OPTIONS: `--require ${join(ROOT, 'scripts', 'loopback-only.js')}`,
      },
      stdio: 'ignore',
    },
  );
  const stop = (): void => {
    if (child.pid) killProcessTree(child.pid);
  };
  const base = `http://127.0.0.1:${port}`;
  let config: { personalChat: { id: string }; currentUser: { id: string } } | undefined;
  for (let i = 0; i < 150 && !config; i++) {
    try {
      const response = await fetch(`${base}/_internal/v1/config`);
      if (response.ok) config = ((await response.json()) as { config: typeof config }).config;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  if (!config) {
    stop();
    throw new Error('the Agents Playground did not start');
  }
  // It waits for the bot endpoint before it accepts messages.
  for (let i = 0; i < 100 && !(existsSync(logFile) && readFileSync(logFile, 'utf8').includes('wait-on')); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, logFile, chatId: config.personalChat.id, userId: config.currentUser.id, stop };
}

/**
 * Drives the Microsoft 365 Agents Playground headless through the HTTP API its own web page uses:
 * post a message as the current user, read what the bot sent from the Playground's log, click an
 * Action.Execute button. Started loopback-only, with no browser and no telemetry.
 */
export async function startPlayground(botEndpoint: string): Promise<{
  chatId: string;
  userId: string;
  say(text: string): Promise<void>;
  messages(): PlaygroundMessage[];
  waitForMessage(predicate: (m: PlaygroundMessage) => boolean, timeoutMs?: number): Promise<PlaygroundMessage>;
  click(messageId: string, verb: string, data: unknown): Promise<{ type: string; value: unknown }>;
  stop(): void;
}> {
  const { base, logFile, chatId, userId, stop } = await launchPlayground(botEndpoint);
  const personalChat = { id: chatId };
  const currentUser = { id: userId };

  const messages = (): PlaygroundMessage[] => {
    if (!existsSync(logFile)) return [];
    const found: PlaygroundMessage[] = [];
    for (const line of readFileSync(logFile, 'utf8').split('\n')) {
      const at = line.indexOf('buffering message: ');
      if (at < 0) continue;
      let event: {
        action?: string;
        message?: { messageId: string; text?: string; attachments?: Array<{ content: Record<string, unknown> }> };
      };
      try {
        event = JSON.parse(line.slice(at + 'buffering message: '.length));
      } catch {
        continue;
      }
      if ((event.action === 'createMessage' || event.action === 'updateMessage') && event.message) {
        found.push({
          action: event.action,
          messageId: event.message.messageId,
          card: event.message.attachments?.[0]?.content,
          text: event.message.text,
        });
      }
    }
    return found;
  };

  return {
    chatId: personalChat.id,
    userId: currentUser.id,
    async say(text) {
      const response = await fetch(`${base}/_conversation/v1/conversations/${personalChat.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: { id: currentUser.id }, text, textFormat: 'plain' }),
      });
      if (!response.ok)
        throw new Error(`the Playground refused the message: ${response.status} ${await response.text()}`);
    },
    messages,
    async waitForMessage(predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages().find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('the bot did not answer in the Playground');
        await new Promise((r) => setTimeout(r, 150));
      }
    },
    async click(messageId, verb, data) {
      const response = await fetch(`${base}/_conversation/v1/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
          from: { id: currentUser.id },
          conversation: { id: personalChat.id },
          replyToId: messageId,
        }),
      });
      if (!response.ok)
        throw new Error(`the Playground refused the click: ${response.status} ${await response.text()}`);
      return (await response.json()) as { type: string; value: unknown };
    },
    stop,
  };
}
