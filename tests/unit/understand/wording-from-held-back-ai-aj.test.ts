import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// What the thirty-fifth and thirty-sixth held-back sets (ai, aj) missed, as classes; the sentences
// are other words about the Fabrikam inventory.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const brief = (text: string) =>
  parse(text).operations.map((op) => [op.intent, op.targets, op.params.mode ?? op.params.servers ?? op.params.since]);

describe('wording the thirty-fifth and thirty-sixth held-back sets brought', () => {
  it('keeps a group out by its tag and "one" in the singular', () => {
    const targets = parse('clear the licence cache on every London PC except the FIN one').operations[0]?.targets;
    expect(targets).toContain('PC-040');
    expect(targets).not.toContain('WS-FIN-01');
  });

  it('drops the operation "forget the X" names at the start, and reads no cancel in it', () => {
    expect(brief('forget the cert refresh on RDSH02, just restart the RDS service on it')).toEqual([
      ['rdsh.restart_service', ['RDSH02'], undefined],
    ]);
    expect(brief('forget the mode change, just point RDSH03 at LS2')).toEqual([
      ['rdsh.set_license_servers', ['RDSH03'], ['LS2']],
    ]);
  });

  it('gives each host its server after "set the licence servers:"', () => {
    expect(brief('set the licence servers: LS1 for RDSH01, LS2 for RDSH04')).toEqual([
      ['rdsh.set_license_servers', ['RDSH01'], ['LS1']],
      ['rdsh.set_license_servers', ['RDSH04'], ['LS2']],
    ]);
  });

  it('gives "then restart the RDS service on both" to both hosts of the values before', () => {
    expect(brief('set RDSH01 to per device and RDSH02 to per user, then restart the RDS service on both')).toEqual([
      ['rdsh.set_licensing_mode', ['RDSH01'], 'PerDevice'],
      ['rdsh.set_licensing_mode', ['RDSH02'], 'PerUser'],
      ['rdsh.restart_service', ['RDSH01', 'RDSH02'], undefined],
    ]);
  });

  it('reads who made changes, what went through, and who asked for what as the audit', () => {
    expect(brief('who made changes to RDSH02 yesterday?')).toEqual([['audit.query', [], '48h']]);
    expect(brief('what changes went through today?')).toEqual([['audit.query', [], '24h']]);
    expect(parse('has anyone asked for a grace reset on RDSH-LAB-01 in the last 30 days?').operations[0]).toMatchObject(
      {
        intent: 'audit.query',
        params: { host: 'RDSH-LAB-01', since: '30d' },
      },
    );
    expect(parse('did jdoe change anything on RDSH01?').operations[0]?.intent).toBe('audit.query');
    expect(parse("how's that change going?").operations[0]).toMatchObject({
      intent: 'request.status',
      params: { ref: 'last' },
    });
  });

  it('answers questions about how licensing works with help, never with the change they mention', () => {
    for (const text of [
      'how long is the RDS licensing grace period?',
      'per device vs per user CALs - which one suits a shift-based factory?',
      'after a client licence reset, why do people have to run Remote Desktop as admin the first time?',
      'what does event 1128 actually mean?',
      'if I reset the licence cache on a PC, does the user need to run mstsc as admin afterwards?',
    ])
      expect(brief(text)).toEqual([['help', [], undefined]]);
  });
});
