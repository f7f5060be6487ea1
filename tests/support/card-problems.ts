import type * as AC from 'adaptivecards';

// The UMD bundle: the package's ESM entry does not load in Node/Jest (stack-feasibility §6).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Adaptive = require('adaptivecards') as typeof AC;

/** What the Adaptive Cards 1.5 parser and validator object to in a card (empty when Teams can render it). */
export function cardProblems(card: unknown): string[] {
  const parsed = new Adaptive.AdaptiveCard();
  const context = new Adaptive.SerializationContext(Adaptive.Versions.v1_5);
  parsed.parse(card, context);
  const found: string[] = [];
  for (let i = 0; i < context.eventCount; i++) found.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) found.push(event.message);
  return found;
}
