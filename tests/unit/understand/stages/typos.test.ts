import { correctTypos, correctWord } from '../../../../bot/understand/typos';

describe('correctWord', () => {
  it('undoes a swap of two adjacent letters', () => {
    expect(correctWord('clinet')).toBe('client');
    expect(correctWord('mdoe')).toBe('mode');
  });

  it('puts back a missing letter', () => {
    expect(correctWord('rset')).toBe('reset');
    expect(correctWord('licnse')).toBe('license');
  });

  it('leaves English words alone even when they are one edit from the vocabulary', () => {
    expect(correctWord('more')).toBe('more');
    expect(correctWord('node')).toBe('node');
    expect(correctWord('there')).toBe('there');
  });

  it('leaves inflections of known words alone', () => {
    expect(correctWord('cached')).toBe('cached');
    expect(correctWord('restarted')).toBe('restarted');
  });

  it('leaves short words, known words and words with digits alone', () => {
    expect(correctWord('rst')).toBe('rst');
    expect(correctWord('reset')).toBe('reset');
    expect(correctWord('rdsh01')).toBe('rdsh01');
  });

  it('changes no four-letter word into another by one changed letter', () => {
    expect(correctWord('mede')).toBe('mede');
  });
});

describe('correctTypos', () => {
  it('corrects every word of a sentence and keeps the rest as it is', () => {
    expect(correctTypos('rset the clinet license on pc-042, more please')).toBe(
      'reset the client license on pc-042, more please',
    );
  });
});
