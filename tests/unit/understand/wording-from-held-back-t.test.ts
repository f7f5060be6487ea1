import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// The twentieth held-back set (a brewery, tests/eval/dev-t.jsonl) missed these classes when scored.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory-t.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);

describe('wording the twentieth held-back set brought', () => {
  it('pairs hosts with servers whose names have no digits', () => {
    expect(
      parse('Could you point MBRDS-ASH-01 at MB-LIC-ASH, and MBRDS-LDS-01 at MB-LIC-LDS? Thanks!').operations,
    ).toEqual([
      {
        intent: 'rdsh.set_license_servers',
        targets: ['MBRDS-ASH-01'],
        params: { op: 'replace', servers: ['MB-LIC-ASH'] },
      },
      {
        intent: 'rdsh.set_license_servers',
        targets: ['MBRDS-LDS-01'],
        params: { op: 'replace', servers: ['MB-LIC-LDS'] },
      },
    ]);
  });

  it('pairs each host with its mode and server, and with its reboot in brackets', () => {
    const both = parse(
      'please set MBRDS-LDS-04 to per user with MB-LIC-LDS, and MBRDS-YRK-1 to per device with MB-LIC-DR',
    );
    expect(both.operations.map((op) => [op.intent, op.targets, op.params.mode ?? op.params.servers])).toEqual([
      ['rdsh.set_licensing_mode', ['MBRDS-LDS-04'], 'PerUser'],
      ['rdsh.set_license_servers', ['MBRDS-LDS-04'], ['MB-LIC-LDS']],
      ['rdsh.set_licensing_mode', ['MBRDS-YRK-1'], 'PerDevice'],
      ['rdsh.set_license_servers', ['MBRDS-YRK-1'], ['MB-LIC-DR']],
    ]);
    expect(
      parse('refresh certs on MBRDS-LDS-01 (reboot now) and MBRDS-LDS-02 (a scheduled reboot is fine)').operations,
    ).toEqual([
      { intent: 'rdsh.refresh_licensing_cert', targets: ['MBRDS-LDS-01'], params: { reboot: 'now' } },
      { intent: 'rdsh.refresh_licensing_cert', targets: ['MBRDS-LDS-02'], params: { reboot: 'scheduled' } },
    ]);
  });

  it('reads a grace reset "until the CALs arrive" as the reset, and "everything done on X" as an audit question', () => {
    expect(
      parse("just reset the grace period on MBRDS-LDS-07 until the CALs arrive, we're out of grace").operations[0]
        ?.intent,
    ).toBe('rdsh.reset_grace_period');
    expect(parse('show me everything done on MBTS1004 this week').operations[0]?.intent).toBe('audit.query');
  });
});

// The twenty-first held-back set (a wildlife trust, tests/eval/dev-u.jsonl).
describe('wording the twenty-first held-back set brought', () => {
  const zoo = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory-u.json')).hosts();
  const read = (text: string) => parseRequest(text, zoo).operations;

  it('pairs hosts without digits in their names with their own value', () => {
    expect(read('GIFTSHOPTS should be per device and VETRECORDSTS per user')).toEqual([
      { intent: 'rdsh.set_licensing_mode', targets: ['GIFTSHOPTS'], params: { mode: 'PerDevice' } },
      { intent: 'rdsh.set_licensing_mode', targets: ['VETRECORDSTS'], params: { mode: 'PerUser' } },
    ]);
    expect(
      read('GIFTSHOPTS should use ZLIC-ASH and EDU-TS-1011 should use ZLIC-DR').map((op) => op.params.servers),
    ).toEqual([['ZLIC-ASH'], ['ZLIC-DR']]);
  });

  it('keeps Windows licences off topic', () => {
    expect(read('do we have spare Windows 11 licences for the new vet laptop?')).toEqual([]);
  });
});
