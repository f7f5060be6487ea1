import { globMatch } from '../../../bot/policy/glob';

describe('policy name patterns', () => {
  it.each([
    ['RDSH-FIN*', 'RDSH-FIN01', true],
    ['rdsh-fin*', 'RDSH-FIN01', true],
    ['*-LAB-*', 'RDSH-LAB-02', true],
    ['RDSH0?', 'RDSH01', false], // `?` is itself, not a wildcard
    ['RDSH*', 'PC-042', false],
    ['*', 'ANY', true],
    ['PC-04*2', 'PC-042', true],
    ['PC-04*2', 'PC-0423', false],
    ['RDSH.01', 'RDSH101', false], // a dot is a dot
    ['**FIN**', 'RDSH-FIN01', true],
    ['', '', true],
    ['', 'X', false],
  ])('%s against %s is %s', (pattern, name, expected) => {
    expect(globMatch(pattern, name)).toBe(expected);
  });

  it('answers a pattern built to make a regex backtrack at once, for a long host name', () => {
    // A backtracking matcher takes tens of seconds here (past jest's 5 s timeout); this one microseconds.
    expect(globMatch('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(40))).toBe(false);
    expect(globMatch('*a*a*a*a*a*a*a*a*a*a*b', `${'a'.repeat(62)}b`)).toBe(true);
  });
});
