import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// The twenty-third held-back set (a film studio, tests/eval/dev-w.jsonl) missed these classes when scored.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory-w.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const brief = (text: string) =>
  parse(text).operations.map((op) => [
    op.intent,
    op.targets,
    op.params.mode ?? op.params.servers ?? op.params.reboot ?? op.params.restart ?? op.params.ref,
  ]);

describe('wording the twenty-third held-back set brought', () => {
  it('gives each host its value when the hosts are listed after a colon or the verb comes last', () => {
    expect(
      brief('reset grace on both sandbox boxes: SANDBOX-RDS-1 can restart later, SANDBOX-RDS-2 restart immediately'),
    ).toEqual([
      ['rdsh.reset_grace_period', ['SANDBOX-RDS-1'], 'later'],
      ['rdsh.reset_grace_period', ['SANDBOX-RDS-2'], 'now'],
    ]);
    expect(brief('SCRIPT-TS2 per device, SCRIPTORIUM per user - set both please')).toEqual([
      ['rdsh.set_licensing_mode', ['SCRIPT-TS2'], 'PerDevice'],
      ['rdsh.set_licensing_mode', ['SCRIPTORIUM'], 'PerUser'],
    ]);
    expect(
      brief(
        'refresh the cert on SCRIPTORIUM and SCRIPT-TS2, SCRIPTORIUM can reboot now but SCRIPT-TS2 has to wait for the scheduled window',
      ),
    ).toEqual([
      ['rdsh.refresh_licensing_cert', ['SCRIPTORIUM'], 'now'],
      ['rdsh.refresh_licensing_cert', ['SCRIPT-TS2'], 'scheduled'],
    ]);
  });

  it('keeps the later reading when the writer corrects themselves, and drops a host they tell it to forget', () => {
    expect(brief('set LEDGER-TS to per device... actually no, make it per user')).toEqual([
      ['rdsh.set_licensing_mode', ['LEDGER-TS'], 'PerUser'],
    ]);
    expect(brief('forget EDIT-RDS-01, just point EDIT-RDS-05 at HV-LIC-OPO')).toEqual([
      ['rdsh.set_license_servers', ['EDIT-RDS-05'], ['HV-LIC-OPO']],
    ]);
  });

  it('adds a server for the one host that "also needs" it', () => {
    expect(
      parse(
        'set LEDGER-TS and LEDGER-TS-B to per device, and LEDGER-TS-B also needs HV-LIC-DUN added as a licence server',
      ).operations,
    ).toEqual([
      { intent: 'rdsh.set_licensing_mode', targets: ['LEDGER-TS', 'LEDGER-TS-B'], params: { mode: 'PerDevice' } },
      { intent: 'rdsh.set_license_servers', targets: ['LEDGER-TS-B'], params: { op: 'add', servers: ['HV-LIC-DUN'] } },
    ]);
  });

  it('moves a host off a decommissioned server rather than testing it', () => {
    expect(brief('EDIT-RDS-02 still talks to the decommissioned HV-LIC-2012, move it to HV-LIC-OPO')).toEqual([
      ['rdsh.set_license_servers', ['EDIT-RDS-02'], ['HV-LIC-OPO']],
    ]);
  });

  it('reads ticket pastes: a bracketed event is evidence, an automated alert is no schedule, "fix the client side" is a reset', () => {
    expect(
      brief(
        'Hi bot, copying this from ServiceNow:\nShort description: SCRIPT-TS2 licensing mode not configured (event 1068)\nResolution required: configure per user mode and point it at HV-LIC-DUN\nRegards, Aroha (Service Desk)',
      ),
    ).toEqual([
      ['rdsh.set_licensing_mode', ['SCRIPT-TS2'], 'PerUser'],
      ['rdsh.set_license_servers', ['SCRIPT-TS2'], ['HV-LIC-DUN']],
    ]);
    expect(
      brief(
        "*** automated ticket ***\nHost: EDIT-RDS-05\nAlert: TermService licensing grace period expires in 3 days\nOwner: post-production\n*** end ***\ncan you tell me what's wrong here before I escalate",
      ),
    ).toEqual([['licensing.diagnose', ['EDIT-RDS-05'], undefined]]);
    expect(
      brief(
        "Incident summary (pasted): 'Event 1003: The remote desktop client STG-1128 has provided an invalid license' logged on SCRIPTORIUM. Requested: fix the client side. — Dunedin desk",
      ),
    ).toEqual([['client.reset_license_cache', ['STG-1128'], undefined]]);
    expect(
      brief(
        'Please reset the grace period on SANDBOX-RDS-1. Justification: testing the new render plugin build before we buy CALs. Restart whenever suits, no rush.',
      ),
    ).toEqual([['rdsh.reset_grace_period', ['SANDBOX-RDS-1'], 'later']]);
  });

  it('reads plural event ids, "the past day", an undo of what the bot did, and a check beside an order', () => {
    expect(brief('1128s on LEDGER-TS?')).toEqual([['rdsh.events', ['LEDGER-TS'], undefined]]);
    expect(parse('show me 1003 and 1004 events on EDIT-RDS-05 for the past day').operations[0]?.params).toEqual({
      ids: [1003, 1004],
      since: '24h',
    });
    expect(brief('roll back whatever you did to LEDGER-TS yesterday')).toEqual([
      ['request.rollback', ['LEDGER-TS'], 'last'],
    ]);
    expect(brief('is VFX-4108 licensed properly? and please restart the service on VFX-4106')).toEqual([
      ['licensing.diagnose', ['VFX-4108'], undefined],
      ['rdsh.restart_service', ['VFX-4106'], undefined],
    ]);
  });

  it('hears a request for a person’s computer written in another language’s word order', () => {
    expect(brief('Hello, please you can make the reset of licence on the computer of ines.matos? Obrigada')).toEqual([
      ['client.reset_license_cache', ['EDITBAY-A'], undefined],
    ]);
  });
});
