import { hasDuplicateKeys } from '../../../adapters/json/duplicate-keys';

describe('finding duplicate JSON keys (the last one would win in JSON.parse)', () => {
  it('finds a key given twice in one object, at any depth, also when spelled with escapes', () => {
    expect(hasDuplicateKeys('{"verb":"deny","verb":"approve"}')).toBe(true);
    expect(hasDuplicateKeys('{"value":{"action":{"data":{"requestId":"a","requestId":"b"}}}}')).toBe(true);
    expect(hasDuplicateKeys('[{"a":1},{"b":2,"b":3}]')).toBe(true);
    expect(hasDuplicateKeys('{"verb":"deny","\\u0076erb":"approve"}')).toBe(true);
  });

  it('accepts the same key in different objects, keys inside strings, and values equal to keys', () => {
    expect(hasDuplicateKeys('{"a":{"a":1},"b":{"a":2}}')).toBe(false);
    expect(hasDuplicateKeys('{"text":"\\"a\\":1, \\"a\\":2","a":"a"}')).toBe(false);
    expect(hasDuplicateKeys('{"list":["a","a"],"a":["b","b"]}')).toBe(false);
    expect(
      hasDuplicateKeys(JSON.stringify({ type: 'invoke', value: { action: { data: { x: [1, { y: 2 }] } } } })),
    ).toBe(false);
  });
});
