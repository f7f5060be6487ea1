import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// The twenty-fourth held-back set (a water utility, tests/eval/dev-x.jsonl) missed these classes when scored.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory-x.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const brief = (text: string) =>
  parse(text).operations.map((op) => [
    op.intent,
    op.targets,
    op.params.mode ?? op.params.servers ?? op.params.reboot ?? op.params.scope ?? op.params.since,
  ]);

describe('wording the twenty-fourth held-back set brought', () => {
  it('takes the later reading when the writer changes their mind, whatever they change', () => {
    expect(brief('set OPSRDS02 to per user... no wait, per device')).toEqual([
      ['rdsh.set_licensing_mode', ['OPSRDS02'], 'PerDevice'],
    ]);
    expect(brief('clear the cache on ASH-DESK-014, sorry, I meant ASH-DESK-015')).toEqual([
      ['client.reset_license_cache', ['ASH-DESK-015'], undefined],
    ]);
    expect(brief('point FIELDRDS-1131 at TVWLIC-WEST. Actually make that TVWLIC-HQ')).toEqual([
      ['rdsh.set_license_servers', ['FIELDRDS-1131'], ['TVWLIC-HQ']],
    ]);
    expect(
      brief(
        "restart the service on DISPATCH - hmm, actually don't, there are people on it. just show me its events from today instead",
      ),
    ).toEqual([['rdsh.events', ['DISPATCH'], '24h']]);
    expect(
      brief('refresh the licensing cert on OPSRDS05 and reboot now. On second thoughts, schedule the reboot'),
    ).toEqual([['rdsh.refresh_licensing_cert', ['OPSRDS05'], 'scheduled']]);
    expect(brief("reset grace on LABRDS-1 and LABRDS-2, actually leave LABRDS-2 out, someone's testing on it")).toEqual(
      [['rdsh.reset_grace_period', ['LABRDS-1'], undefined]],
    );
  });

  it('does not read "actually" in a question as a change of mind', () => {
    expect(parse('is OPSRDS03 actually licensed or is it still running on grace?')).toMatchObject({
      operations: [{ intent: 'licensing.diagnose', targets: ['OPSRDS03'] }],
      needs: [],
    });
  });

  it('hears a backout plan as a plan, not a rollback', () => {
    expect(
      brief(
        'Ticket #55120 (change approved at CAB 28/11): switch OPSRDS01, OPSRDS02 to Per Device. Implementer: service desk. Backout plan: revert to the previous mode.',
      ),
    ).toEqual([['rdsh.set_licensing_mode', ['OPSRDS01', 'OPSRDS02'], 'PerDevice']]);
    expect(
      brief('Kindly do the needful and change licensing mode of OPSRDS03 to per device, revert back if any issue.'),
    ).toEqual([['rdsh.set_licensing_mode', ['OPSRDS03'], 'PerDevice']]);
  });

  it('gives each host its own value after a full stop, or its own object after "but only"', () => {
    expect(brief('CONTROLROOM: per device. DISPATCH: per user. Both please.')).toEqual([
      ['rdsh.set_licensing_mode', ['CONTROLROOM'], 'PerDevice'],
      ['rdsh.set_licensing_mode', ['DISPATCH'], 'PerUser'],
    ]);
    expect(brief('clear MSLicensing completely on ASH-DESK-014 but only the subkeys on ASH-DESK-015')).toEqual([
      ['client.reset_license_cache', ['ASH-DESK-014'], 'key'],
      ['client.reset_license_cache', ['ASH-DESK-015'], 'subkeys'],
    ]);
  });

  it('keeps a number out of a range, adds and takes off servers in one message, and leaves a decommissioned server', () => {
    expect(brief('clear the licence cache on BRC-AGENT-4141 to 4144 apart from 4142')).toEqual([
      ['client.reset_license_cache', ['BRC-AGENT-4141', 'BRC-AGENT-4144'], undefined],
    ]);
    expect(parse('add TVWLIC-DR on OPSRDS05 and take TVWLIC-2012 off it').operations).toEqual([
      { intent: 'rdsh.set_license_servers', targets: ['OPSRDS05'], params: { op: 'add', servers: ['TVWLIC-DR'] } },
      { intent: 'rdsh.set_license_servers', targets: ['OPSRDS05'], params: { op: 'remove', servers: ['TVWLIC-2012'] } },
    ]);
    expect(brief('OPSRDS05 is still pointing at the decommissioned TVWLIC-2012, switch it to TVWLIC-HQ')).toEqual([
      ['rdsh.set_license_servers', ['OPSRDS05'], ['TVWLIC-HQ']],
    ]);
  });
});
