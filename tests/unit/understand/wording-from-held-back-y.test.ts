import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// The twenty-fifth held-back set (veterinary clinics, tests/eval/dev-y.jsonl) missed these classes when scored.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory-y.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const brief = (text: string) =>
  parse(text).operations.map((op) => [
    op.intent,
    op.targets,
    op.params.mode ?? op.params.servers ?? op.params.reboot ?? op.params.ref ?? op.params.since,
  ]);

describe('wording the twenty-fifth held-back set brought', () => {
  it('keeps out a host the message points back at ("... but leave that one alone")', () => {
    expect(brief('clear the licence cache on CDF-CLAIMS-101. CDF-CLAIMS-103 is the same but leave it alone')).toEqual([
      ['client.reset_license_cache', ['CDF-CLAIMS-101'], undefined],
    ]);
  });

  it('gives each host its value when values lead ("per user on A and per device on B")', () => {
    expect(brief('per device on UW-RDSH-4141 and per user on UW-RDSH-4140 pls')).toEqual([
      ['rdsh.set_licensing_mode', ['UW-RDSH-4141'], 'PerDevice'],
      ['rdsh.set_licensing_mode', ['UW-RDSH-4140'], 'PerUser'],
    ]);
  });

  it('reads "not reboot" and "I will reboot it myself" as no reboot', () => {
    expect(brief('refresh the licensing certificate on DICOMTS-B and not reboot it')).toEqual([
      ['rdsh.refresh_licensing_cert', ['DICOMTS-B'], 'none'],
    ]);
    expect(brief("refresh the cert on DICOMTS-B, we'll restart it ourselves tonight")).toEqual([
      ['rdsh.refresh_licensing_cert', ['DICOMTS-B'], 'none'],
    ]);
  });

  it('asks for a grace reset in its own clause even when another says how many days are left', () => {
    expect(brief("timebomb reset on PVRDS-LAB1 pls, it's showing 1 day left")).toEqual([
      ['rdsh.reset_grace_period', ['PVRDS-LAB1'], undefined],
    ]);
    expect(brief('how many grace days left on PVRDS-LAB1?')).toEqual([
      ['licensing.diagnose', ['PVRDS-LAB1'], undefined],
    ]);
  });

  it("never takes an undo that may come later, or the speaker's own, as a rollback", () => {
    expect(brief('Point PVRDS-CLN-03 at PV-LIC-LDS. If anything goes wrong we will revert it.')[0]?.[0]).toBe(
      'rdsh.set_license_servers',
    );
    expect(brief('if you could roll back the last change on PVRDS-CLN-03')).toEqual([
      ['request.rollback', ['PVRDS-CLN-03'], 'last'],
    ]);
  });

  it('reads "back to how it was" and a typo of "reverse" as a rollback', () => {
    expect(brief('put PVRDS-CLN-03 back the way it was before')).toEqual([
      ['request.rollback', ['PVRDS-CLN-03'], 'last'],
    ]);
    expect(brief('revrse the last chnage on PVRDS-CLN-03')).toEqual([['request.rollback', ['PVRDS-CLN-03'], 'last']]);
  });

  it('hears a change the writer made themselves that did not stick as trouble to diagnose', () => {
    expect(brief("I set DICOMTS to per device on Monday and it won't stick")).toEqual([
      ['licensing.diagnose', ['DICOMTS'], undefined],
    ]);
  });

  it('tests the license server from every host of a group, asks a license server what is installed, and lists every change', () => {
    expect(brief('test the license server from all the lab session hosts')[0]?.[0]).toBe('rdsh.test_license_server');
    expect(brief("what's still installed on PV-LIC-2012?")).toEqual([['ls.cal_inventory', ['PV-LIC-2012'], undefined]]);
    expect(parse('list each change made on PVRDS-CLN-01 this week').operations[0]?.intent).toBe('audit.query');
  });

  it('answers a client reset on a Mac with the Mac advice, and keeps the reset for the Windows clients beside it', () => {
    expect(brief('reset the licence cache on PV-MAC-YRK1')).toEqual([['advice.mac_client', [], undefined]]);
    const mixed = brief('clear the licence cache on PV-MAC-YRK1 and BRS-VET-1128');
    expect(mixed).toEqual([
      ['client.reset_license_cache', ['BRS-VET-1128'], undefined],
      ['advice.mac_client', [], undefined],
    ]);
  });

  it('diagnoses a complaint host and changes only the host the request names after "but"', () => {
    expect(brief('BRS-VET-1004 keeps throwing 1003 as well, but please reset the cache on BRS-VET-1128')).toEqual([
      ['licensing.diagnose', ['BRS-VET-1004'], undefined],
      ['client.reset_license_cache', ['BRS-VET-1128'], undefined],
    ]);
  });
});
