import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/errors';
import { type RunningBot, startBot } from '../../bot/main';
import { cardInTheme, type ContrastProblem } from './card-in-theme';
import { launchPlayground, type PlaygroundProcess } from './playground';
import type { TeamsTheme } from './teams-themes';
import { localBotEnv } from './teams-http';
import { ROOT, TEST_DATA_DIR } from './test-paths';

/** Debian's package (`apt-get install chromium`, scripts/setup.sh): playwright-core downloads no browser. */
export const CHROMIUM = process.env.RDSBOT_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT, 'data', 'browser');
export const CARD_PICTURES_DIR = join(ROOT, 'docs', 'cards');

/**
 * Wide is a desktop window, where the Playground draws a card in a fixed 450 px box.
 * Narrow is a phone's chat column (about 360 px): the Playground's layout does not shrink that far (its
 * chat pane keeps a 400 px minimum and the card box stays 450 px), so the card box is set to 360 px
 * and the Adaptive Cards renderer lays the card out again in it, as Teams mobile would.
 */
export const WIDTHS = {
  narrow: { viewport: { width: 480, height: 900 }, cardBox: 360 },
  wide: { viewport: { width: 1280, height: 900 }, cardBox: undefined },
} as const;

/**
 * The Playground (0.2.28) draws one theme, light: it has no theme switch and ignores
 * `prefers-color-scheme`. So the card the bot sent (read off the Playground's conversation stream) is
 * drawn again by the Adaptive Cards renderer with Teams' light, dark and high-contrast host configs
 * (tests/support/teams-themes), where every text's contrast is measured too.
 */
export const THEMES: readonly TeamsTheme[] = ['light', 'dark', 'contrast'];

// The Adaptive Cards renderer's own class, not the Playground's generated ones: stable across releases.
const CARD = '.ac-adaptiveCard';
const WAIT_MS = 30_000;

export interface PlaygroundInBrowser {
  page: Page;
  /** Types `text` in the compose box, clicks Send and returns the bot's next card once it names `expected`. */
  say(text: string, expected: string): Promise<Locator>;
  /** Waits until `card` (which the bot may update in place) contains `text`. */
  waitForText(card: Locator, text: string): Promise<void>;
  /** Clicks the card's button with this visible title. */
  click(card: Locator, title: string): Promise<void>;
  /** Clicks a button that answers with a new message (a fix, a suggestion, Retry); returns that card once it names `expected`. */
  clickForAnswer(card: Locator, title: string, expected: string): Promise<Locator>;
  /**
   * Screenshots `card` at every width as the Playground draws it (data/browser/<state>-<width>-light.png),
   * then the bot's latest card in each Teams theme (<state>-<width>-<theme>.png; light as
   * -light-teams.png); returns the files and the texts below WCAG AA in any theme.
   */
  picture(card: Locator, state: string): Promise<{ files: string[]; contrast: string[] }>;
  close(): Promise<void>;
}

async function shoot(card: Locator, name: string): Promise<string> {
  const file = join(SCREENSHOT_DIR, name);
  await card.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** With REFRESH_CARD_PICTURES=1 a picture is also copied to docs/cards for readers. */
function keep(file: string): string {
  if (process.env.REFRESH_CARD_PICTURES === '1') {
    mkdirSync(CARD_PICTURES_DIR, { recursive: true });
    copyFileSync(file, join(CARD_PICTURES_DIR, basename(file)));
  }
  return file;
}

function contrastLine(theme: TeamsTheme, width: string, p: ContrastProblem): string {
  return `${theme} ${width}: "${p.text}" ${p.ratio}:1 (needs ${p.needed}:1)`;
}

/** Never skips: a tier that cannot find its browser fails and says how to get one. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: run \`bash scripts/setup.sh\` (installs Debian's chromium) or set RDSBOT_CHROMIUM`,
    );
  }
  // Root has no user namespace sandbox for Chromium in a container, hence --no-sandbox.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * A local-mode bot on the test lab, the Playground for it (its own browser off) and its web page open
 * in Chromium, the log panel closed so the chat column gets the width.
 */
export async function openPlaygroundInBrowser(): Promise<PlaygroundInBrowser> {
  // A database of its own: plans other tiers left waiting for Alex would make these ones duplicates.
  const database = join(TEST_DATA_DIR, 'browser.sqlite');
  const bot: RunningBot = await startBot(readConfig(localBotEnv(ROOT, database), ROOT), { log: silentLogger });
  let playground: PlaygroundProcess | undefined;
  let browser: Browser | undefined;
  try {
    playground = await launchPlayground(`${bot.url}/api/messages`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: WIDTHS.wide.viewport });
    page.setDefaultTimeout(WAIT_MS);
    const sent = cardsSent(page);
    await page.goto(`${playground.base}/`);
    // The welcome card answers the Playground's conversationUpdate: the chat is ready once it shows.
    await page.locator(CARD).first().waitFor();
    await page.getByRole('button', { name: 'Hide log panel' }).click();
    return inBrowser(page, sent, { bot, playground, browser });
  } catch (error) {
    await browser?.close();
    playground?.stop();
    await bot.close();
    throw error;
  }
}

/** The cards the bot sent or updated, newest last, as the Playground's conversation stream carries them. */
function cardsSent(page: Page): object[] {
  const sent: object[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/conversations/stream')) return;
    socket.on('framereceived', ({ payload }) => {
      try {
        const frame = JSON.parse(String(payload)) as { message?: { attachments?: Array<{ content?: object }> } };
        for (const attachment of frame.message?.attachments ?? [])
          if (attachment.content) sent.push(attachment.content);
      } catch {
        // Not every frame is JSON (keep-alives); they carry no card.
      }
    });
  });
  return sent;
}

function inBrowser(
  page: Page,
  sent: object[],
  parts: { bot: RunningBot; playground: PlaygroundProcess; browser: Browser },
): PlaygroundInBrowser {
  const cards = page.locator(CARD);
  const waitForText = async (card: Locator, text: string): Promise<void> => {
    await card.filter({ hasText: text }).waitFor();
  };
  return {
    page,
    async say(text, expected) {
      const before = await cards.count();
      await page.getByRole('textbox').fill(text);
      await page.getByRole('button', { name: 'Send Message' }).click();
      const card = cards.nth(before);
      await waitForText(card, expected);
      return card;
    },
    waitForText,
    async click(card, title) {
      await card.getByRole('button', { name: title, exact: true }).click();
    },
    async clickForAnswer(card, title, expected) {
      const before = await cards.count();
      await card.getByRole('button', { name: title, exact: true }).click();
      const answer = cards.nth(before);
      await waitForText(answer, expected);
      return answer;
    },
    async picture(card, state) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const files: string[] = [];
      const contrast: string[] = [];
      const latest = sent.at(-1);
      for (const [width, { viewport, cardBox }] of Object.entries(WIDTHS)) {
        await page.setViewportSize(viewport);
        // The box the Playground puts a card in is the parent of the renderer's panel.
        const pinned = cardBox
          ? await page.addStyleTag({ content: `*:has(> .ac-preview-panel) { width: ${cardBox}px !important; }` })
          : undefined;
        await card.scrollIntoViewIfNeeded();
        files.push(keep(await shoot(card, `${state}-${width}-light.png`)));
        await pinned?.evaluate((style) => style.remove());
        for (const theme of latest ? THEMES : []) {
          const file = join(SCREENSHOT_DIR, `${state}-${width}-${theme === 'light' ? 'light-teams' : theme}.png`);
          const problems = await cardInTheme(parts.browser, latest!, { theme, width: cardBox ?? 450, file });
          contrast.push(...problems.map((p) => contrastLine(theme, width, p)));
          files.push(theme === 'light' ? file : keep(file));
        }
      }
      await page.setViewportSize(WIDTHS.wide.viewport);
      if (!latest) contrast.push('no card seen on the conversation stream');
      return { files, contrast };
    },
    async close() {
      await parts.browser.close();
      parts.playground.stop();
      await parts.bot.close();
    },
  };
}
