import { availableOperations } from '../bot/catalogue';
import type { ParseResult } from '../bot/domain';
import { type AdaptiveCard, bullets, card, heading, paragraph, plain } from './card-kit';

const EXAMPLES = [
  'reset the client license on PC-042',
  'reset the client licence for jdoe',
  'delete the MSLicensing key on PC-043',
];

/** What the bot can do, with examples to copy. */
export function helpCard(intro?: string): AdaptiveCard {
  return card([
    heading('RDS Licensing Bot'),
    ...(intro ? [paragraph(intro)] : []),
    paragraph(
      'I fix Remote Desktop licensing trouble on the hosts in my inventory. Right now I can (reading is immediate, changes wait for your Confirm):',
    ),
    bullets(availableOperations().map((operation) => operation.title)),
    paragraph('Try for example:'),
    bullets(EXAMPLES.map((example) => `“${example}”`)),
    paragraph('I always show you what will change and wait for your Confirm before I touch a host.', { subtle: true }),
  ]);
}

/** A licensing request whose host is missing, unknown or not allowed. */
export function needsCard(parse: ParseResult): AdaptiveCard {
  const body = [heading('Which computer?')];
  if (parse.suggestions.length > 0) {
    body.push(
      paragraph(`I don't know that host. Did you mean ${parse.suggestions.map((s) => `**${s}**`).join(' or ')}?`),
    );
  } else {
    body.push(paragraph('I could not find a host from my inventory in your message.'));
  }
  body.push(
    paragraph(
      'Write the request again with the PC name (for example PC-042) or the user it belongs to (for example jdoe).',
      { subtle: true },
    ),
  );
  return card(body);
}

export function unclearCard(): AdaptiveCard {
  return helpCard('That sounds like a licensing question, but I am not sure what you want me to do.');
}

export function notLicensingCard(): AdaptiveCard {
  return helpCard('I can only help with Remote Desktop licensing.');
}

/** An expected "no": policy, role, wrong host. Says why, never how the bot works inside. */
export function refusedCard(reason: string): AdaptiveCard {
  return card([heading('I can’t do that', 'warning'), paragraph(plain(reason))]);
}

/** Short answers to a click that changes nothing. */
export function noticeCard(title: string, text: string): AdaptiveCard {
  return card([heading(title, 'warning'), paragraph(text)]);
}

/** An unexpected failure: a code and a reference to quote, never a stack trace. */
export function errorCard(code: string, correlationId: string, message = 'Something went wrong.'): AdaptiveCard {
  return card([
    heading('Something went wrong', 'attention'),
    paragraph(plain(message)),
    paragraph(`Error ${code}, reference ${correlationId}. Nothing was changed by this message.`, { subtle: true }),
  ]);
}
