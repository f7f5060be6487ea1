import { readDecisionData } from '../../../bot/app/card-data';

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
