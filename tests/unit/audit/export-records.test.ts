import { csvCell, csvLine, keeps } from '../../../bot/audit/export-records';
import type { AuditRecord } from '../../../bot/ports';

const record: AuditRecord = {
  seq: 7,
  ts: '2026-12-02T10:00:00.000Z',
  kind: 'request.planned',
  requestId: 'r-7',
  actor: 'oid-alex',
  data: { text: 'reset PC-042', operations: [{ targets: ['PC-042'] }], requester: { name: 'Alex Wilber' } },
  prev: '0'.repeat(64),
  hash: 'a'.repeat(64),
};

describe('an audit export', () => {
  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'shows the cell %j as text, never as a formula',
    (value) => {
      expect(csvCell(value).startsWith(`"'`)).toBe(true);
    },
  );

  it('quotes every cell and doubles the quotes inside', () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvLine(record).endsWith('\r\n')).toBe(true);
  });

  it('keeps a record by host, person, request and time', () => {
    expect(keeps(record, { host: 'pc-042' })).toBe(true);
    expect(keeps(record, { host: 'PC-04' })).toBe(false);
    expect(keeps(record, { user: 'oid-alex' })).toBe(true);
    expect(keeps(record, { user: 'alex wilber' })).toBe(true);
    expect(keeps(record, { user: 'jdoe' })).toBe(false);
    expect(keeps(record, { request: 'r-7' })).toBe(true);
    expect(keeps(record, { since: '2026-12-02T10:00:00.000Z', until: '2026-12-02T11:00:00Z' })).toBe(true);
    expect(keeps(record, { until: '2026-12-02T10:00:00.000Z' })).toBe(false);
  });
});
