import { chooseReading } from '../../../bot/workflow/choose-intent';
import type { ParseResult, PlannedOperation } from '../../../bot/domain';

const perUser: PlannedOperation = {
  intent: 'rdsh.set_licensing_mode',
  targets: ['RDSH01'],
  params: { mode: 'PerUser' },
};
const diagnose: PlannedOperation = { intent: 'licensing.diagnose', targets: ['RDSH01'], params: {} };
const unclear: ParseResult = {
  text: 'RDSH01 per user?',
  operations: [],
  needs: ['confirm-intent'],
  suggestions: [],
  candidates: [perUser, diagnose],
};

describe('continuing a request with the reading the user picked', () => {
  it('plans the picked reading and nothing is left to ask', () => {
    expect(chooseReading(unclear, { index: 1, intent: 'licensing.diagnose' })).toEqual({
      ...unclear,
      operations: [diagnose],
      needs: [],
      candidates: [],
    });
  });

  it('keeps what the parser was sure of, and asks for what the picked reading still lacks', () => {
    const reset: PlannedOperation = { intent: 'client.reset_license_cache', targets: ['PC-042'], params: {} };
    const parse = { ...unclear, operations: [reset], candidates: [{ ...perUser, targets: [], params: {} }, diagnose] };
    const chosen = chooseReading(parse, { index: 0, intent: 'rdsh.set_licensing_mode' });
    expect(chosen?.operations.map((operation) => operation.intent)).toEqual([
      'client.reset_license_cache',
      'rdsh.set_licensing_mode',
    ]);
    expect(chosen?.needs.sort()).toEqual(['mode', 'target']);
  });

  it('keeps asking for a host the parser could not find, whichever reading is picked', () => {
    const parse: ParseResult = { ...unclear, needs: ['confirm-intent', 'target'], suggestions: ['RDSH01'] };
    expect(chooseReading(parse, { index: 1, intent: 'licensing.diagnose' })?.needs).toEqual(['target']);
  });

  it.each([
    ['an intent that is not a reading', { index: 0, intent: 'rdsh.restart_service' }, unclear],
    ['a place and an intent that disagree', { index: 1, intent: 'rdsh.set_licensing_mode' }, unclear],
    ['a place past the readings', { index: 2, intent: 'licensing.diagnose' }, unclear],
    ['a text that is already clear', { index: 0, intent: 'rdsh.set_licensing_mode' }, { ...unclear, needs: [] }],
  ])('refuses %s', (_name, choice, parse) => {
    expect(chooseReading(parse, choice)).toBeUndefined();
  });

  it('never lets the chosen plan share objects with the parse it came from', () => {
    const chosen = chooseReading(unclear, { index: 0, intent: 'rdsh.set_licensing_mode' });
    chosen?.operations[0]?.targets.push('RDSH02');
    expect(perUser.targets).toEqual(['RDSH01']);
  });
});
