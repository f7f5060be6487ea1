import { deletions, withinOneEdit } from '../../../../bot/understand/edit-distance';

describe('deletions', () => {
  it('lists every string made by dropping one character', () => {
    expect(deletions('abc')).toEqual(['bc', 'ac', 'ab']);
  });

  it('lists a repeated deletion only once', () => {
    expect(deletions('aab')).toEqual(['ab', 'aa']);
  });

  it('has nothing to delete from an empty word', () => {
    expect(deletions('')).toEqual([]);
  });
});

describe('withinOneEdit', () => {
  it('counts a word as within one edit of itself', () => {
    expect(withinOneEdit('reset', 'reset')).toBe(true);
  });

  it('accepts one substitution, insertion or deletion', () => {
    expect(withinOneEdit('reset', 'resat')).toBe(true);
    expect(withinOneEdit('reset', 'resets')).toBe(true);
    expect(withinOneEdit('rset', 'reset')).toBe(true);
  });

  it('counts a swap of two adjacent letters as one edit', () => {
    expect(withinOneEdit('clinet', 'client')).toBe(true);
  });

  it('refuses two edits, a non-adjacent swap and a length gap of two', () => {
    expect(withinOneEdit('reset', 'rusat')).toBe(false);
    expect(withinOneEdit('client', 'tlienc')).toBe(false);
    expect(withinOneEdit('rest', 'restart')).toBe(false);
  });
});
