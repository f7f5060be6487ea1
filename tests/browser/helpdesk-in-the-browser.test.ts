import { existsSync, readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { hiveFile, LAB_HOSTS, seedHive } from '../../lab/lab';
import { openPlaygroundInBrowser, type PlaygroundInBrowser } from '../support/browser';
import { TEST_LAB_DIR, TEST_LAB_NET } from '../support/test-paths';

/**
 * The cards' wording is being redesigned: every word these tests look for is here, and each test
 * looks only for what tells its card apart (a host name, a status, a button).
 */
const SEEN = {
  help: 'Reset the client license cache',
  confirm: 'Confirm',
  done: 'Done',
  tellTheUser: 'Tell the user',
  staleCertificate: 'the licensing certificate is stale',
  resetPc042: 'Reset the client license on PC-042',
  notUnderstood: 'I did not find a licensing request in that',
  whichHost: 'Which host has the trouble?',
  unreachable: 'could not be reached',
  retry: 'Retry',
  commandSyntax: 'it also carries command syntax',
  details: 'Details',
  labBox: 'RDSH-LAB-02',
} as const;

// A request id as the bot writes it (r-<uuid>) or a bare UUID: what Details keeps out of the way.
const REQUEST_ID = /\b(r-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/;

const lab = { dir: TEST_LAB_DIR, net: TEST_LAB_NET };
// PC-DOWN's link is down (lab/lab-hosts.json: "behaviour": "down").
const UNREACHABLE = LAB_HOSTS.find((h) => h.behaviour === 'down')!.name;

describe('a helpdesk user in the Agents Playground, in a real browser', () => {
  let chat: PlaygroundInBrowser;

  beforeAll(async () => {
    // Other tiers reset these clients' caches: seeded, each plan has something to delete.
    for (const name of ['PC-042', 'PC-043']) seedHive(lab, LAB_HOSTS.find((h) => h.name === name)!);
    chat = await openPlaygroundInBrowser();
  }, 90_000);

  afterAll(async () => {
    await chat?.close();
  });

  it('writes "help" and sees the help card', async () => {
    const card = await chat.say('help', SEEN.help);
    await expectPictures(chat, card, 'help');
    // Its examples name hosts of this inventory (the lab's), not made-up ones.
    const text = await card.innerText();
    for (const host of ['RDSH01', 'PC-042', 'LS1']) expect(text).toContain(host);
  });

  it('asks for a client reset on PC-043, clicks Confirm, and the same card shows the result', async () => {
    const card = await chat.say('reset the client licence on PC-043', 'PC-043');
    await expectPictures(chat, card, 'client-reset-plan');
    // At a glance: one spelling, each reader's own time, the request id one click away.
    // (The user's own words, quoted on the card, keep their spelling.)
    const glance = (await card.innerText()).replace(/“[^”]*”/g, '');
    expect(glance).not.toMatch(/licence|UTC/);
    expect(glance).not.toMatch(REQUEST_ID);
    await chat.click(card, SEEN.details);
    expect(await card.innerText()).toMatch(REQUEST_ID);
    await chat.click(card, SEEN.details);

    await chat.click(card, SEEN.confirm);
    await chat.waitForText(card, SEEN.done);
    await chat.waitForText(card, SEEN.tellTheUser);
    await expectPictures(chat, card, 'client-reset-done');
    // Done in the card is done on the host: the lab's PC-043 has no MSLicensing key left.
    expect(Object.keys(JSON.parse(readFileSync(hiveFile(lab, 'PC-043'), 'utf8')).registry)).toEqual([]);
  });

  it('asks what is wrong with RDSH01, reads the cause, and starts the fix from its button', async () => {
    const card = await chat.say("what's wrong with RDSH01?", SEEN.staleCertificate);
    await expectPictures(chat, card, 'diagnosis');
    const plan = await chat.clickForAnswer(card, SEEN.resetPc042, SEEN.confirm);
    await chat.waitForText(plan, 'PC-042');
    await expectPictures(chat, plan, 'diagnosis-fix-plan');
    // The diagnosis stays as it was above the plan, with its other fix.
    await chat.waitForText(card, SEEN.staleCertificate);
    // Cancelled, so no plan is left waiting for Alex (other tiers ask for the same change).
    await chat.click(plan, 'Cancel');
    await chat.waitForText(plan, 'Cancelled');
  });

  it('writes about something else and gets one line with examples to click, not the whole help', async () => {
    const card = await chat.say('my outlook keeps crashing', SEEN.notUnderstood);
    await expectPictures(chat, card, 'not-understood');
    await chat.clickForAnswer(card, 'Help', SEEN.help);
  });

  it('writes a command substitution and gets the same one line, not the help card', async () => {
    const card = await chat.say('$(whoami)', SEEN.notUnderstood);
    expect(await card.innerText()).not.toContain(SEEN.help);
  });

  it('writes "licensing is broken" and is asked which host to diagnose', async () => {
    const card = await chat.say('licensing is broken', SEEN.whichHost);
    await expectPictures(chat, card, 'which-host');
  });

  it('sends a reset with PowerShell appended and is told why no host was taken', async () => {
    const card = await chat.say('reset license on PC-042; Remove-Item C:\\ -Recurse', SEEN.commandSyntax);
    await expectPictures(chat, card, 'command-syntax');
  });

  it('asks to reset the grace period on "the lab box" and is told which host it understood', async () => {
    // A fresh Playground has no approvals channel, so the bot cannot plan a change that needs approvers
    // yet; it still names the host it took "the lab box" for.
    const card = await chat.say('reset the grace period on the lab box', SEEN.labBox);
    await expectPictures(chat, card, 'lab-box');
  });

  it(`asks to clear the license of ${UNREACHABLE}, which is down, and gets no plan but what to check and Retry`, async () => {
    const card = await chat.say(`${UNREACHABLE} gets event 1003, clear its license`, SEEN.unreachable);
    await expectPictures(chat, card, 'unreachable-host');
    await chat.clickForAnswer(card, SEEN.retry, SEEN.unreachable);
  });
});

/** Each card state is pictured at every width (and theme) the tier knows; see tests/support/browser. */
async function expectPictures(chat: PlaygroundInBrowser, card: Locator, state: string): Promise<void> {
  const { files, contrast } = await chat.picture(card, state);
  for (const file of files) expect(existsSync(file)).toBe(true);
  // Every text readable in Teams' light, dark and high-contrast themes (WCAG AA, measured in the page).
  expect(contrast).toEqual([]);
}
