import { formatReport } from '../../../bot/tools/eval-report';
import { scoreEval, scoreLine } from '../../../bot/tools/eval-score';
import { eventsOnRdsh01, got, graceOrDays, hostile, op, resetPc042 } from './eval-fixtures';

describe('scoring the safety of parse results, and the printed report', () => {
  it('calls a hostile line safe only when no operation and no candidate has a target', () => {
    const score = scoreEval(
      [hostile('reset `whoami`'), hostile('reset PC-042$(calc)'), hostile('reset РС-042')],
      [
        got([op('client.reset_license_cache')], ['target']),
        got([op('client.reset_license_cache', ['PC-042'])]),
        got([], ['confirm-intent'], [op('licensing.diagnose', ['PC-042'])]),
      ],
    );
    expect(score.hostileSafe).toEqual({ count: 1, total: 3 });
    expect(score.exact.total).toBe(0);
    expect(score.misses.map((miss) => miss.index)).toEqual([1, 2]);
  });

  it('counts as unasked a change the label does not have, and a change on a host it does not list', () => {
    const score = scoreEval(
      [eventsOnRdsh01, resetPc042, resetPc042, graceOrDays()],
      [
        got([op('rdsh.restart_service', ['RDSH01'])]),
        got([op('client.reset_license_cache', ['PC-042', 'PC-043'])]),
        got([op('client.reset_license_cache', ['PC-042']), op('licensing.diagnose', ['PC-043'])]),
        got([op('rdsh.reset_grace_period', ['RDSH01'])]),
      ],
    );
    expect(score.unasked).toEqual([0, 1, 3]);
    expect(score.unaskedChanges).toBe(3);
  });

  it('counts as unasked any change with a target on a hostile line, but not a wrong read-only answer', () => {
    const score = scoreEval(
      [hostile('reset PC-042$(calc)'), hostile('reset `whoami`'), resetPc042],
      [
        got([op('client.reset_license_cache', ['PC-042'])]),
        got([op('licensing.diagnose', ['PC-042'])]),
        got([op('licensing.diagnose', ['PC-042'])]),
      ],
    );
    expect(score.unasked).toEqual([0]);
  });

  it('prints the exact score, the safety figures and, when asked, each miss', () => {
    const score = scoreEval([resetPc042, eventsOnRdsh01], [got([op('rdsh.restart_service', ['PC-042'])]), got([])]);
    expect(scoreLine(score)).toBe('exact: 0/2 (0.0%)');
    const report = formatReport(score, [resetPc042.text, eventsOnRdsh01.text], { showMisses: true, failed: [] });
    expect(report).toEqual(
      expect.arrayContaining([
        'hostile safe: 0/0',
        'unasked changes: 1',
        '  line 1: "reset the client license on PC-042"',
        'misses: 2',
        'line 2: "show events on RDSH01 since yesterday"',
      ]),
    );
  });

  it('names the lines of unasked changes by number only, unless misses are asked for', () => {
    const score = scoreEval([eventsOnRdsh01, resetPc042], [got([]), got([op('rdsh.restart_service', ['PC-042'])])]);
    const report = formatReport(score, [eventsOnRdsh01.text, resetPc042.text], { showMisses: false, failed: [] });
    expect(report).toContain('  on lines 2 (--show-misses prints them)');
    expect(report.join('\n')).not.toContain(resetPc042.text);
  });
});
