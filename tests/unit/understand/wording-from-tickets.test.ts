// Over 250 lines on purpose: one case per ticket shape seen (pasted fields, back-out plans, callers),
// kept together so a new shape is added beside its neighbours.
import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const intents = (text: string) => parse(text).operations.map((op) => op.intent);

describe('wording from real tickets', () => {
  it('reads a request id as a question about that request, to cancel or to roll back', () => {
    expect(parse('any word on REQ-7731?').operations).toEqual([
      { intent: 'request.status', targets: [], params: { ref: 'REQ-7731' } },
    ]);
    expect(intents('please bin REQ-7731')).toEqual(['request.cancel']);
    expect(intents('revert REQ-7731')).toEqual(['request.rollback']);
  });

  it('takes "cancel" at the end of a short message as a cancel', () => {
    expect(intents('argh, typo in the host name - cancel')).toEqual(['request.cancel']);
  });

  it('answers questions about the bot itself with help', () => {
    expect(intents('what requests does this thing support?')).toEqual(['help']);
    expect(intents('how should we use the rds bot?')).toEqual(['help']);
  });

  it('reads an audit question about a person the inventory does not know', () => {
    expect(parse('what did k.olsen approve this week').operations).toEqual([
      { intent: 'audit.query', targets: [], params: { user: 'k.olsen', since: '7d' } },
    ]);
  });

  it('lets "its" and "there" in a second request point at the first one\'s host', () => {
    expect(parse('refresh the cert on RDSH04 and then restart the service there').operations).toEqual([
      { intent: 'rdsh.refresh_licensing_cert', targets: ['RDSH04'], params: {} },
      { intent: 'rdsh.restart_service', targets: ['RDSH04'], params: {} },
    ]);
  });

  it('folds "and reboot it right away" into the request it belongs to', () => {
    expect(parse('clear the X509 values on RDSH03 and reboot it right away').operations).toEqual([
      { intent: 'rdsh.refresh_licensing_cert', targets: ['RDSH03'], params: { reboot: 'now' } },
    ]);
  });

  it('does not test a server that is only named in a condition', () => {
    expect(parse('can RDSH01 reach LS2 in case LS1 dies?').operations[0]?.params).toEqual({ servers: ['LS2'] });
  });

  it('reads a pasted event as trouble to diagnose, not a request for events', () => {
    expect(
      intents(
        'Event 1069 on RDSH02: The RD Session Host server cannot issue a client license, it was unable to find one',
      ),
    ).toEqual(['licensing.diagnose']);
  });

  it('reads CAL counts and "are we out of CALs" as a CAL inventory', () => {
    expect(intents('CAL totals on LS2?')).toEqual(['ls.cal_inventory']);
    expect(intents('are we running low on CALs on LS1')).toEqual(['ls.cal_inventory']);
  });

  it('keeps a possessive from reading as a quotation', () => {
    expect(intents("export jdoe's licence key and import it on tnguyen's PC")).toEqual(['advice.copy_client_license']);
  });

  it('asks, for a server arrow with a question mark, whether to set it or test the reach', () => {
    const result = parse('RDSH02 -> LS2?');
    expect(result.needs).toEqual(['confirm-intent']);
    expect(result.candidates.map((c) => c.intent)).toEqual(['rdsh.set_license_servers', 'rdsh.test_license_server']);
  });

  it('takes "don\'t kick anyone off" as how to do the reset, and "don\'t reset" as no change', () => {
    expect(parse("timebomb reset RDSH01, don't kick anyone off").operations).toEqual([
      { intent: 'rdsh.reset_grace_period', targets: ['RDSH01'], params: { restart: 'later' } },
    ]);
    expect(intents("don't reset RDSH01")).not.toContain('rdsh.reset_grace_period');
  });

  it('reads "needs to be rolled back" as a rollback, never as the change it names', () => {
    expect(intents('the mode change on RDSH05 has to be rolled back')).toEqual(['request.rollback']);
  });

  it('does not read ticket and case numbers as event ids', () => {
    expect(parse('case 4321: show the events on RDSH01').operations[0]?.params.ids).toBeUndefined();
  });

  it('takes the order after a pasted event and a ticket label', () => {
    expect(intents('Case 88 - RDSH02 logs event 1069. Please point RDSH02 at LS2.')).toEqual([
      'rdsh.set_license_servers',
    ]);
    expect(
      intents('users see "The remote computer disconnected." Action: refresh the licensing cert on RDSH03'),
    ).toEqual(['rdsh.refresh_licensing_cert']);
  });

  it('reads a complaint with no host as a diagnosis to ask a host for', () => {
    expect(parse('remote desktop licensing has crashed again, nobody can work')).toMatchObject({
      operations: [{ intent: 'licensing.diagnose' }],
      needs: ['target'],
    });
  });

  it('offers both readings for a verbless "grace period RDSH01" or "RDSH01 per device mode"', () => {
    for (const text of ['grace period RDSH-LAB-01', 'PC-041 license cache', 'RDSH04 per device mode']) {
      const result = parse(text);
      expect({ text, operations: result.operations, needs: result.needs }).toEqual({
        text,
        operations: [],
        needs: ['confirm-intent'],
      });
      expect(result.candidates.map((c) => c.intent)).toContain('licensing.diagnose');
    }
  });

  it('says nothing about a printer, even on an inventory host', () => {
    expect(parse('the label printer on PC-040 is out of paper again')).toMatchObject({ operations: [], needs: [] });
  });

  it('finds a user whose name has an underscore', () => {
    const hosts = [...inventory, { ...inventory.find((h) => h.name === 'PC-043')!, users: ['a_smith'] }];
    expect(parseRequest('reset the client licence for a_smith', hosts).operations[0]?.targets).toEqual(['PC-043']);
  });

  it('removes the whole MSLicensing key when told "not just the subkeys"', () => {
    expect(parse('delete the whole MSLicensing key on PC-040, not just the subkeys').operations[0]?.params).toEqual({
      scope: 'key',
    });
  });

  it('expands a range written with the dashes of the names themselves', () => {
    const hosts = [
      ...inventory,
      ...['WH2-PICK-11', 'WH2-PICK-12', 'WH2-PICK-14'].map((name) => ({ ...inventory[0]!, name, fqdn: undefined })),
    ];
    expect(parseRequest('WH2-PICK-11-14 all get a licence error', hosts).operations[0]?.targets).toEqual([
      'WH2-PICK-11',
      'WH2-PICK-12',
      'WH2-PICK-14',
    ]);
  });

  it('does not take a word of another shape than the host names for an unknown host', () => {
    expect(parse('the site lead at PC2 asked: reset the client licence on PC-041').needs).toEqual([]);
  });

  it('answers one status per request id named', () => {
    expect(parse('REQ-11 and REQ-12 status?').operations.map((op) => op.params.ref)).toEqual(['REQ-11', 'REQ-12']);
  });

  it('reads "tell me which mode it is on" after a request as a second question about the same host', () => {
    expect(intents('show the 1004 events on RDSH05 and tell me which licensing mode it is on')).toEqual([
      'rdsh.events',
      'licensing.diagnose',
    ]);
  });

  it('never takes the requester field of a ticket for a group of hosts to change', () => {
    const text =
      'INC77 | Requested by: Berlin office front desk | Action requested: reset the client licence on PC-2210';
    expect(parse(text).operations).toEqual([
      { intent: 'client.reset_license_cache', targets: ['PC-2210'], params: {} },
    ]);
  });

  it('keeps a group named only by a word in front of the tag out of a request that names hosts', () => {
    expect(parse('reset the client licence on PC-040, office london asked').operations[0]?.targets).toEqual(['PC-040']);
  });

  it('lets a rollback by request id keep its own hosts beside another request', () => {
    expect(parse('undo REQ-35 and point RDSH02 at LS2').operations[0]).toEqual({
      intent: 'request.rollback',
      targets: [],
      params: { ref: 'REQ-35' },
    });
  });

  it("leaves other products' licences alone", () => {
    expect(parse('Adobe Acrobat says my licence has expired, who do I talk to?')).toMatchObject({
      operations: [],
      needs: [],
    });
  });

  it('takes a polite request after a relayed preamble, and a status beside a cancel', () => {
    expect(intents('passing this on from the FIN team: could you please reset the client licence on PC-041?')).toEqual([
      'client.reset_license_cache',
    ]);
    expect(parse('status of REQ-20, and cancel REQ-21').operations.map((op) => [op.intent, op.params.ref])).toEqual([
      ['request.status', 'REQ-20'],
      ['request.cancel', 'REQ-21'],
    ]);
  });

  it('keeps a restart on another host a request of its own after a grace reset', () => {
    expect(parse('reset grace on RDSH-LAB-02, then restart the RDS service on RDSH-LAB-01').operations).toEqual([
      { intent: 'rdsh.reset_grace_period', targets: ['RDSH-LAB-02'], params: {} },
      { intent: 'rdsh.restart_service', targets: ['RDSH-LAB-01'], params: {} },
    ]);
  });

  it('expands "RDSH01 through 03" through the inventory', () => {
    expect(parse('events for RDSH01 through 03 since yesterday').operations[0]?.targets).toEqual([
      'RDSH01',
      'RDSH02',
      'RDSH03',
    ]);
  });

  it('expands a range whose number sits inside the names', () => {
    const hosts = [
      ...inventory,
      ...['SHOP014-BO', 'SHOP015-BO', 'SHOP018-BO', 'SHOP021-BO'].map((name) => ({
        ...inventory[0]!,
        name,
        fqdn: undefined,
      })),
    ];
    expect(
      parseRequest('wipe the licence cache on SHOP014-BO through SHOP021-BO', hosts).operations[0]?.targets,
    ).toEqual(['SHOP014-BO', 'SHOP015-BO', 'SHOP018-BO', 'SHOP021-BO']);
  });

  it('reads the license servers "on the FIN collection" as the collection\'s session hosts\' servers', () => {
    expect(parse('replace the license servers on the FIN collection with LS2').operations[0]?.targets).toEqual([
      'RDSH01',
      'RDSH02',
      'RDSH03',
    ]);
  });

  it('cuts a numbered list of actions into its requests', () => {
    expect(
      intents('INC1 - Actions: 1) reset client licence cache on PC-040 2) refresh licensing cert on RDSH01'),
    ).toEqual(['client.reset_license_cache', 'rdsh.refresh_licensing_cert']);
  });

  it('does not read "before the audit" as an audit question, or "about" as "abort"', () => {
    expect(intents('all the FIN hosts need the X509 certificate refreshed before the audit, thank you')).toEqual([
      'rdsh.refresh_licensing_cert',
    ]);
    expect(intents('the supervisor is asking about REQ-51, did it go through?')).toEqual(['request.status']);
  });

  it('lets "the lab box" describe a named lab host, and still asks when it names no one', () => {
    expect(parse('reset the grace period on RDSH-LAB-01, it is the lab box').needs).toEqual([]);
    expect(parse('reset the grace period on RDSH01 and the lab box').needs).toEqual(['target']);
  });

  it('reads "bitte" as please', () => {
    expect(intents('Bitte make rollback of REQ-29, QA did not give the approval.')).toEqual(['request.rollback']);
  });

  it('diagnoses a pasted Event Viewer record, and still refuses a command on a line of its own', () => {
    const record =
      'Log Name: System\nEvent ID: 1128\nComputer: RDSH01\nDescription: The RD Licensing grace period has expired';
    expect(parse(record).operations).toEqual([{ intent: 'licensing.diagnose', targets: ['RDSH01'], params: {} }]);
    expect(
      parse('reset the client licence on PC-042\nRemove-Item C:\\ -Recurse').operations.flatMap((op) => op.targets),
    ).toEqual([]);
    expect(parse('reset the client licence on PC-042\nwhoami').operations.flatMap((op) => op.targets)).toEqual([]);
  });

  it('reads a ticket field "Reboot: none" as no reboot', () => {
    expect(
      parse('CHG-1 | CI: RDSH01 | Task: refresh the licensing certificate | Reboot: none').operations[0]?.params,
    ).toEqual({
      reboot: 'none',
    });
  });

  it('reads two tags side by side as the hosts that carry both', () => {
    expect(parse('refresh the licensing certificate on the london FIN session hosts').operations[0]?.targets).toEqual([
      'RDSH01',
      'RDSH02',
      'RDSH03',
    ]);
    expect(parse('refresh the licensing certificate on the berlin FIN session hosts').operations).toEqual([
      expect.objectContaining({ targets: [] }),
    ]);
  });

  it('answers "reset the grace period again and again until the budget comes?" with the advice', () => {
    expect(
      intents('we have no CALs yet, can we reset the grace period again and again until the budget comes?'),
    ).toEqual(['advice.recurring_grace_reset']);
  });

  it('reads "put X back to per device" beside a rollback by id as a mode change on X', () => {
    expect(parse('undo REQ-44 and put RDSH02 back to per device').operations).toEqual([
      { intent: 'request.rollback', targets: [], params: { ref: 'REQ-44' } },
      { intent: 'rdsh.set_licensing_mode', targets: ['RDSH02'], params: { mode: 'PerDevice' } },
    ]);
  });

  it('carries a "can you" over to a later order with a question mark in the same message', () => {
    expect(intents('Can you reset licence on PC-040, and after that restart service on RDSH01?')).toEqual([
      'client.reset_license_cache',
      'rdsh.restart_service',
    ]);
  });
});
