/**
 * Small builders for Adaptive Card 1.5 JSON (what Teams renders). Cards are plain data, so the same
 * JSON works with teams-ai, the Agents SDK and the Playground.
 */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  /** Universal Actions: the verb Teams clients of `userIds` call to get their own view of the card. */
  refresh?: { action: CardElement; userIds?: string[] };
  /** Teams: who `<at>Name</at>` in a TextBlock mentions (they get a notification). */
  msteams?: { entities: Array<{ type: 'mention'; text: string; mentioned: { id: string; name: string } }> };
}

export function card(body: CardElement[], actions?: CardElement[]): AdaptiveCard {
  const result: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
  };
  if (actions && actions.length > 0) result.actions = actions;
  return result;
}

/**
 * Text from people or hosts shown verbatim: Markdown characters are escaped so a host name or
 * a quoted message cannot become a link, a heading or a mention.
 */
export function plain(text: string): string {
  return text
    .slice(0, 2000)
    .replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+#>]|\d+\.)/gm, '$1\\$2');
}

/**
 * Measured on Teams' own host configs (tests/support/teams-themes.ts, the browser tier checks each card):
 * "good" and "warning" text fail WCAG AA on the light theme (2.1:1 and less) and "attention" fails on
 * the dark one (3.2:1); only "accent" passes on both. So text keeps the default colour (or accent), and
 * a state's colour is the tinted background of a styled container, on which both themes write dark text.
 * Every state is also said in words ("Done:", "Check:", "Expired:"): the colour only repeats it.
 */
function readable(color: string | undefined): string | undefined {
  return color === 'accent' ? color : undefined;
}

export function heading(text: string, color?: 'good' | 'warning' | 'attention' | 'accent'): CardElement {
  const block: CardElement = { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
  if (color === 'accent') return { ...block, color };
  return color ? { type: 'Container', style: color, items: [block] } : block;
}

export function paragraph(
  text: string,
  options: { subtle?: boolean; color?: string; monospace?: boolean } = {},
): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.subtle ? { isSubtle: true, size: 'Small' } : {}),
    ...(readable(options.color) ? { color: readable(options.color) } : {}),
    ...(options.monospace ? { fontType: 'Monospace' } : {}),
  };
}

export function facts(entries: Array<[string, string]>): CardElement {
  return { type: 'FactSet', facts: entries.map(([title, value]) => ({ title, value })) };
}

export function bullets(lines: string[]): CardElement {
  return paragraph(lines.map((line) => `- ${line}`).join('\n'));
}

export function container(items: CardElement[], style?: 'emphasis' | 'good' | 'attention' | 'warning'): CardElement {
  return { type: 'Container', items, ...(style ? { style } : {}), spacing: 'Medium', separator: true };
}

export function executeAction(
  title: string,
  verb: string,
  data: Record<string, unknown>,
  style?: 'positive' | 'destructive',
): CardElement {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) };
}

/**
 * A registry path that wraps at its backslashes in a narrow column (a zero-width space after each),
 * instead of mid-word ("HKLM\SOFTWARE\Mi / crosoft"). For display only: what is stored and audited
 * is the path itself.
 */
export function breakablePath(path: string): string {
  return plain(path).replace(/\\\\/g, '\\\\\u200b');
}
