import { scoreEval } from '../../../bot/tools/eval-score';
import { eventsOnRdsh01, got, graceOrDays, line, op, resetPc042 } from './eval-fixtures';

describe('scoring parse results against labelled lines', () => {
  it('counts a line exact when intents, targets, the params it names and the needs all agree', () => {
    const score = scoreEval(
      [resetPc042, eventsOnRdsh01],
      [
        got([op('client.reset_license_cache', ['PC-042'], { scope: 'key' })]),
        got([op('rdsh.events', ['RDSH01'], { since: '48h', ids: [1003] })]),
      ],
    );
    expect(score.exact).toEqual({ count: 2, total: 2, percent: 100 });
    expect(score.misses).toEqual([]);
  });

  it('misses a line whose targets are out of order, whose named param differs, or whose needs differ', () => {
    const two = line('reset PC-042 and PC-043', [op('client.reset_license_cache', ['PC-042', 'PC-043'])]);
    const score = scoreEval(
      [two, eventsOnRdsh01, resetPc042],
      [
        got([op('client.reset_license_cache', ['PC-043', 'PC-042'])]),
        got([op('rdsh.events', ['RDSH01'], { since: '24h' })]),
        got([op('client.reset_license_cache', ['PC-042'])], ['target']),
      ],
    );
    expect(score.exact.count).toBe(0);
    expect(score.misses.map((miss) => miss.index)).toEqual([0, 1, 2]);
  });

  it('compares needs as a set and params regardless of key order', () => {
    const servers = line('set RDSH01 to LS1 and LS2', [
      op('rdsh.set_license_servers', ['RDSH01'], { servers: ['LS1', 'LS2'], op: 'replace' }),
    ]);
    const vague = line('change the licensing mode', [op('rdsh.set_licensing_mode')], ['target', 'mode']);
    const score = scoreEval(
      [servers, vague],
      [
        got([op('rdsh.set_license_servers', ['RDSH01'], { op: 'replace', servers: ['LS1', 'LS2'] })]),
        got([op('rdsh.set_licensing_mode')], ['mode', 'target', 'mode']),
      ],
    );
    expect(score.exact.count).toBe(2);
  });

  it('compares candidates as a set of intents, and only on lines labelled with candidates', () => {
    const score = scoreEval(
      [graceOrDays(), graceOrDays(), resetPc042],
      [
        got([], ['confirm-intent'], [op('licensing.diagnose', ['RDSH01']), op('rdsh.reset_grace_period', ['RDSH01'])]),
        got([], ['confirm-intent'], [op('licensing.diagnose', ['RDSH01'])]),
        got([op('client.reset_license_cache', ['PC-042'])], [], [op('licensing.diagnose', ['PC-042'])]),
      ],
    );
    expect(score.misses.map((miss) => miss.index)).toEqual([1]);
  });

  it('gives per-intent precision and recall over operations, null where nothing was predicted', () => {
    const score = scoreEval(
      [resetPc042, eventsOnRdsh01, line('what is wrong with RDSH01', [op('licensing.diagnose', ['RDSH01'])])],
      [
        got([op('client.reset_license_cache', ['PC-999'])]),
        got([op('licensing.diagnose', ['RDSH01'])]),
        got([op('licensing.diagnose', ['RDSH01'])]),
      ],
    );
    const byIntent = Object.fromEntries(score.perIntent.map((row) => [row.intent, row]));
    expect(byIntent['client.reset_license_cache']).toMatchObject({ expected: 1, precision: 1, recall: 1 });
    expect(byIntent['licensing.diagnose']).toMatchObject({ expected: 1, predicted: 2, precision: 0.5, recall: 1 });
    expect(byIntent['rdsh.events']).toMatchObject({ expected: 1, precision: null, recall: 0 });
  });

  it('counts the candidates of a confirm-intent line on both sides of precision and recall', () => {
    const score = scoreEval([graceOrDays()], [got([], ['confirm-intent'], [op('licensing.diagnose', ['RDSH01'])])]);
    const byIntent = Object.fromEntries(score.perIntent.map((row) => [row.intent, row]));
    expect(byIntent['licensing.diagnose']).toMatchObject({ expected: 1, predicted: 1, recall: 1 });
    expect(byIntent['rdsh.reset_grace_period']).toMatchObject({ expected: 1, predicted: 0, recall: 0 });
    expect(score.confusions).toEqual([{ expected: 'rdsh.reset_grace_period', got: 'none', count: 1 }]);
  });

  it('lists the most frequent confusions first, with none for an operation one side lacks', () => {
    const score = scoreEval(
      [eventsOnRdsh01, eventsOnRdsh01, resetPc042, line('thanks!', [])],
      [
        got([op('licensing.diagnose', ['RDSH01'])]),
        got([op('licensing.diagnose', ['RDSH01'])]),
        got([]),
        got([op('help')]),
      ],
    );
    expect(score.confusions).toEqual([
      { expected: 'rdsh.events', got: 'licensing.diagnose', count: 2 },
      { expected: 'client.reset_license_cache', got: 'none', count: 1 },
      { expected: 'none', got: 'help', count: 1 },
    ]);
  });

  it('refuses results that do not line up with the lines', () => {
    expect(() => scoreEval([resetPc042], [])).toThrow('1 lines but 0 results');
  });
});
