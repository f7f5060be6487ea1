import { classify, speechActs, splitClauses } from '../../../../bot/understand/speech-act';

const act = (text: string) => classify(text).act;

describe('splitClauses', () => {
  it('cuts at sentence ends, commas, dashes and "but"', () => {
    expect(splitClauses('users get an error. reset zzrdsh, thanks - now zzpc but not zzls')).toEqual([
      'users get an error.',
      'reset zzrdsh',
      'thanks',
      'now zzpc',
      'not zzls',
    ]);
  });
});

describe('classify', () => {
  it('reads an order as a request', () => {
    expect(act('reset the grace period on zzrdsh')).toBe('request');
  });

  it('reads a polite order as a request', () => {
    expect(act('can you reset the grace period on zzrdsh')).toBe('request');
    expect(act('hi team, please restart zzrdsh')).toBe('request');
  });

  it('reads "why does ..." as a question', () => {
    expect(act('why does zzrdsh keep losing its license')).toBe('question');
  });

  it('reads "should I ...?" as a question, not an order', () => {
    expect(act('should i reset zzrdsh?')).toBe('question');
  });

  it('reads a report of trouble as a complaint', () => {
    expect(act('users get an error on zzrdsh')).toBe('complaint');
  });

  it('reads a verbless clause ending in "?" as a fragment question', () => {
    expect(classify('zzrdsh per user?')).toEqual({ text: 'zzrdsh per user?', act: 'question', fragment: true });
  });

  it('reads an order with a question mark as a fragment question, and with please as a request', () => {
    expect(classify('restart rds on zzrdsh?')).toMatchObject({ act: 'question', fragment: true });
    expect(act('restart rds on zzrdsh please?')).toBe('request');
  });

  it('reads thanks as social and an arrow as a request', () => {
    expect(act('thanks!')).toBe('social');
    expect(act('zzrdsh -> zzls')).toBe('request');
  });
});

describe('speechActs', () => {
  it('classifies every clause of a message in order', () => {
    expect(speechActs('users get an error, reset zzpc').map((c) => c.act)).toEqual(['complaint', 'request']);
  });
});
