import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hostConfig, type TeamsTheme, themeCss } from './teams-themes';
import { ROOT } from './test-paths';

/** Text that fails WCAG AA against what is drawn behind it, as the browser computed both. */
export interface ContrastProblem {
  text: string;
  ratio: number;
  needed: number;
}

// The Adaptive Cards renderer the tests already validate with, and a Markdown processor for it (Teams
// renders the same subset: bold, escapes, lists); both their browser bundles, loaded into the page.
const RENDERER = join(ROOT, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js');
const CARD_PAGE = join(ROOT, 'tests', 'support', 'in-page', 'card-page.js');
const MARKDOWN = join(ROOT, 'node_modules', 'markdown-it', 'dist', 'browser', 'markdown-it.umd.min.js');

/**
 * Draws `card` as Teams would in `theme`, `width` pixels wide, screenshots it to `file` and returns
 * every visible text whose contrast with its background is below AA (4.5:1, or 3:1 for large text).
 */
export async function cardInTheme(
  browser: Browser,
  card: object,
  options: { theme: TeamsTheme; width: number; file: string },
): Promise<ContrastProblem[]> {
  const page = await browser.newPage({ viewport: { width: options.width + 40, height: 900 } });
  try {
    await page.setContent(`<div id="card" style="width:${options.width}px;padding:8px"></div>`);
    await page.addStyleTag({ content: themeCss(options.theme) });
    await page.addScriptTag({ path: MARKDOWN });
    await page.addScriptTag({ path: RENDERER });
    await page.addScriptTag({ path: CARD_PAGE });
    await render(page, card, hostConfig(options.theme));
    await page.locator('#card').screenshot({ path: options.file, animations: 'disabled' });
    return await contrastProblems(page);
  } finally {
    await page.close();
  }
}

async function render(page: Page, card: object, config: object): Promise<void> {
  await page.evaluate(
    ([card, config]) => (globalThis as unknown as CardPage).renderCard(card!, config!),
    [card, config],
  );
}

async function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  return page.evaluate(() => (globalThis as unknown as CardPage).contrastProblems());
}

/** What tests/support/in-page/card-page.js puts on the page's window. */
interface CardPage {
  renderCard(card: object, config: object): void;
  contrastProblems(): ContrastProblem[];
}
