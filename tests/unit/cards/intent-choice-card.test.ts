import type { ParseResult, PlannedOperation } from '../../../bot/domain';
import { intentChoiceCard, MAX_READINGS, readingTitle } from '../../../cards/intent-choice-card';
import { VERB } from '../../../cards/verbs';
import { cardProblems } from '../../support/card-problems';
import { actionsOf, cardText } from '../../support/turn-harness';

const perUser: PlannedOperation = {
  intent: 'rdsh.set_licensing_mode',
  targets: ['RDSH01'],
  params: { mode: 'PerUser' },
};
const diagnose: PlannedOperation = { intent: 'licensing.diagnose', targets: ['RDSH01'], params: {} };

function unclear(text: string, candidates: PlannedOperation[], operations: PlannedOperation[] = []): ParseResult {
  return { text, operations, needs: ['confirm-intent'], suggestions: [], candidates };
}

describe('the "Which do you mean?" card', () => {
  it('quotes the request and offers one button per reading, in plain words', () => {
    const card = intentChoiceCard(unclear('RDSH01 per user?', [perUser, diagnose]));
    expect(cardText(card)).toContain('Which do you mean?');
    expect(cardText(card)).toContain('“RDSH01 per user?”');
    expect(actionsOf(card).map((action) => action.title)).toEqual([
      'Set the licensing mode on RDSH01 to per user',
      'Diagnose licensing on RDSH01',
    ]);
  });

  it.each<[string, PlannedOperation, string]>([
    ['per device', { ...perUser, params: { mode: 'PerDevice' } }, 'Set the licensing mode on RDSH01 to per device'],
    [
      'license servers',
      { intent: 'rdsh.set_license_servers', targets: ['RDSH01', 'RDSH02'], params: { servers: ['LS1'] } },
      'Set the license servers on RDSH01, RDSH02 to LS1',
    ],
    [
      'an added license server',
      { intent: 'rdsh.set_license_servers', targets: ['RDSH01'], params: { servers: ['LS1'], op: 'add' } },
      'Set the license servers on RDSH01: add LS1',
    ],
    [
      'events',
      { intent: 'rdsh.events', targets: ['RDSH01'], params: { since: '7d' } },
      'Show licensing events on RDSH01 (last 7d)',
    ],
    ['a reading without hosts', { ...perUser, targets: [] }, 'Set the licensing mode to per user'],
  ])('names a reading of %s with its hosts and what it sets', (_name, operation, title) => {
    expect(readingTitle(operation)).toBe(title);
  });

  it('puts only the text and which reading it is in a button, never an operation, hosts or params', () => {
    const card = intentChoiceCard(unclear('RDSH01 per user?', [perUser, diagnose]));
    expect(actionsOf(card).map((action) => [action.verb, action.data])).toEqual([
      [VERB.choose, { text: 'RDSH01 per user?', choice: 0, intent: 'rdsh.set_licensing_mode' }],
      [VERB.choose, { text: 'RDSH01 per user?', choice: 1, intent: 'licensing.diagnose' }],
    ]);
  });

  it('says what else the request holds, and offers no more readings than Teams shows buttons', () => {
    const many = Array.from({ length: 8 }, () => diagnose);
    const card = intentChoiceCard(
      unclear('reset PC-042, and RDSH01 per user?', many, [
        { intent: 'client.reset_license_cache', targets: ['PC-042'], params: {} },
      ]),
    );
    expect(cardText(card)).toContain('Also in this request: Reset the client license cache on PC-042');
    expect(actionsOf(card)).toHaveLength(MAX_READINGS);
  });

  it('is a valid Adaptive Card 1.5 that shows the request without turning it into Markdown', () => {
    const card = intentChoiceCard(unclear('RDSH01 per user? [x](http://evil) <at>Megan</at>', [perUser, diagnose]));
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
    // The button data keeps the text as written (the server parses it again); only what is shown is escaped.
    expect(JSON.stringify(card.body)).not.toContain('[x](http://evil)');
    expect(JSON.stringify(card.body)).not.toContain('<at>');
  });
});
