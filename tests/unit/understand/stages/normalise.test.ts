import { normalise, splitQuoted } from '../../../../bot/understand/normalise';

describe('normalise', () => {
  it('spells licence the American way, in every form', () => {
    expect(normalise('Reset the licence')).toBe('reset the license');
    expect(normalise('licencing mode, licenced users')).toBe('licensing mode, licensed users');
  });

  it('splits hyphenated and joined compounds into two words', () => {
    expect(normalise('set RDSH01 to per-user')).toBe('set rdsh01 to per user');
    expect(normalise('PerDevice mode')).toBe('per device mode');
  });

  it('joins words people split and spells contractions out', () => {
    expect(normalise('re-boot after the roll back')).toBe('reboot after the rollback');
    expect(normalise("it won't start and I can't log in")).toBe('it will not start and i cannot log in');
  });

  it('turns typographic quotes and arrows into plain ones and squeezes spaces', () => {
    expect(normalise('“RDSH01”   →  LS1')).toBe('"rdsh01" -> ls1');
  });

  it('reads "rest the" as "reset the" and chat shorthand as words', () => {
    expect(normalise('pls rest the cache thx')).toBe('please reset the cache thanks');
  });
});

describe('splitQuoted', () => {
  it('cuts quoted error text out of the message and keeps it apart', () => {
    const { text, quoted } = splitQuoted('users get "no license servers available" on rdsh01');
    expect(text).toBe('users get  zzquote  on rdsh01');
    expect(quoted).toEqual(['no license servers available']);
  });

  it('cuts out error text pasted without quotes too', () => {
    const { text, quoted } = splitQuoted('pc-042 says an error in the licensing protocol');
    expect(text).not.toContain('licensing protocol');
    expect(quoted).toEqual(['an error in the licensing protocol']);
  });

  it('leaves short single-quoted words alone', () => {
    expect(splitQuoted("reset 'pc-042' please")).toEqual({ text: "reset 'pc-042' please", quoted: [] });
  });
});
