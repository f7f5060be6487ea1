import { readChoiceData, readCompletionData, readDecisionData } from '../../../bot/app/card-data';

const good = { requestId: 'a1b2c3d4-0000-4000-8000-000000000000', fingerprint: '0123456789abcdef0123456789abcdef' };

describe('reading a Confirm/Cancel payload', () => {
  it('reads the request id and fingerprint and ignores everything else', () => {
    expect(readDecisionData({ ...good, state: 'approved', host: 'EVIL', comment: 'x' })).toEqual(good);
  });

  it.each([
    ['null', null],
    ['a string', 'approve'],
    ['an array', [good]],
    ['a missing fingerprint', { requestId: good.requestId }],
    ['a hostile id', { ...good, requestId: "x'; Remove-Item C:\\ ;#" }],
    ['an upper-case fingerprint', { ...good, fingerprint: good.fingerprint.toUpperCase() }],
    [
      'a __proto__ key',
      JSON.parse(`{"__proto__":{"admin":true},"requestId":"${good.requestId}","fingerprint":"${good.fingerprint}"}`),
    ],
    ['a constructor key', { ...good, constructor: { prototype: { admin: true } } }],
    ['deep nesting', JSON.parse(`${'{"a":'.repeat(50)}1${'}'.repeat(50)}`)],
  ])('refuses %s', (_name, value) => {
    expect(readDecisionData(value)).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('reading a "Which do you mean?" button', () => {
  const choice = { text: 'RDSH01 per user?', choice: 1, intent: 'licensing.diagnose' };

  it('reads the text and which reading was picked', () => {
    expect(readChoiceData(choice)).toEqual({ text: choice.text, choice: { index: 1, intent: 'licensing.diagnose' } });
  });

  it.each([
    ['an operation of its own', { ...choice, operations: [{ intent: 'rdsh.restart_service', targets: ['RDSH02'] }] }],
    ['hosts of its own', { ...choice, targets: ['RDSH02'] }],
    ['params of its own', { ...choice, params: { mode: 'PerDevice' } }],
    ['a text longer than the parser reads', { ...choice, text: 'x'.repeat(2001) }],
    ['an empty text', { ...choice, text: '' }],
    ['a negative place', { ...choice, choice: -1 }],
    ['a fractional place', { ...choice, choice: 0.5 }],
    ['a place as a string', { ...choice, choice: '1' }],
    ['an intent with PowerShell in it', { ...choice, intent: 'licensing.diagnose; Restart-Computer' }],
    ['no intent', { text: choice.text, choice: 1 }],
    ['a __proto__ key', JSON.parse('{"__proto__":{"x":1},"text":"a","choice":0,"intent":"help"}')],
  ])('refuses a button with %s', (_name, value) => {
    expect(readChoiceData(value)).toBeUndefined();
  });

  it('carries a reading through the "I need a little more" answer only with its place and its intent together', () => {
    expect(
      readCompletionData({ text: 'per user?', targets: 'RDSH01', choice: 0, intent: 'rdsh.set_licensing_mode' }),
    ).toEqual({ text: 'per user?', targets: ['RDSH01'], choice: { index: 0, intent: 'rdsh.set_licensing_mode' } });
    expect(readCompletionData({ text: 'per user?', choice: 0 })).toBeUndefined();
    expect(readCompletionData({ text: 'per user?', intent: 'rdsh.set_licensing_mode' })).toBeUndefined();
  });
});
