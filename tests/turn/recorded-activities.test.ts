import type { Activity } from 'botbuilder';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/test-paths';
import { cardText, createTurnHarness } from '../support/turn-harness';

/**
 * The Teams seam's contract: activities as Teams sends them (whole JSON, one file each) replayed
 * through the app, and what the bot must send back. A move to another Teams SDK keeps these files and
 * this test; only the layer that reads them changes.
 */
interface Recording {
  activity: Partial<Activity>;
  expect: { type: 'message' | 'invokeResponse'; card?: boolean; status?: number; text: string };
}

const DIR = join(ROOT, 'tests', 'fixtures', 'activities');
const recordings = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Recording) }));

/** Everything a reply says: its text, its card's text, an invoke response's body. */
function said(reply: Partial<Activity>): string {
  const value = reply.value as { status?: number; body?: { value?: unknown } } | undefined;
  return [
    reply.text ?? '',
    ...(reply.attachments ?? []).map((a) => cardText(a.content)),
    cardText(value?.body?.value ?? {}),
    String(value?.body?.value ?? ''),
  ].join(' ');
}

describe('recorded Teams activities', () => {
  it.each(recordings)('$file gets the answer it always got', async ({ activity, expect: want }) => {
    const harness = createTurnHarness();
    const replies = await harness.replay(activity);
    const reply = replies.find((r) => r.type === want.type);
    expect(reply).toBeDefined();
    if (want.card) expect(reply?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    if (want.status) expect((reply?.value as { status: number }).status).toBe(want.status);
    expect(said(reply!)).toContain(want.text);
  });
});
