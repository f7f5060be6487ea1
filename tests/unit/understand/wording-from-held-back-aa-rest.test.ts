import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// What the twenty-seventh and twenty-fourth held-back sets still missed after their first fixes,
// as classes; the sentences here are other words about the Fabrikam inventory.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const brief = (text: string) =>
  parse(text).operations.map((op) => [op.intent, op.targets, op.params.mode ?? op.params.scope ?? op.params.since]);

describe('wording the held-back sets still missed', () => {
  it('reads "can I ask you to ..." as a polite request, and moving to user CALs as the mode', () => {
    expect(brief('Can I ask you to set RDSH02 to per user please? Finance moved to user CALs.')).toEqual([
      ['rdsh.set_licensing_mode', ['RDSH02'], 'PerUser'],
    ]);
  });

  it('cuts a one-line ticket at its pipes, so the complaint field does not make the action a question', () => {
    expect(
      brief('INC1234 | Summary: user cannot open the app | Action required: delete the MSLicensing key on PC-041'),
    ).toEqual([['client.reset_license_cache', ['PC-041'], 'key']]);
  });

  it('takes a verbless "Request:" field of a ticket as what is asked', () => {
    expect(brief('Ticket: SR-1\nRequest: per-device licensing mode on RDSH03\nImpact: low')).toEqual([
      ['rdsh.set_licensing_mode', ['RDSH03'], 'PerDevice'],
    ]);
  });

  it('starts a new request after "and while you\'re at it"', () => {
    expect(brief("any news on my request? and while you're at it clear the cache on PC-043")).toEqual([
      ['request.status', [], undefined],
      ['client.reset_license_cache', ['PC-043'], undefined],
    ]);
  });

  it('asks which is meant when someone wonders whether a change would help', () => {
    const result = parse('would wiping the licence cache on PC-045 fix it, do you think?');
    expect(result.operations).toEqual([]);
    expect(result.candidates.map((c) => c.intent)).toEqual(['client.reset_license_cache', 'licensing.diagnose']);
  });

  it('diagnoses an event that comes every few minutes, and reads "restart TS" as the service', () => {
    expect(brief('RDSH04 is logging 1128 every ten minutes and it is driving us mad')).toEqual([
      ['licensing.diagnose', ['RDSH04'], undefined],
    ]);
    expect(brief('restart TS on RDSH05')).toEqual([['rdsh.restart_service', ['RDSH05'], undefined]]);
  });

  it('mends short typos around the request ("rest grace", "per usr", "the lst week")', () => {
    expect(brief('rest grace on RDSH07 please')).toEqual([['rdsh.reset_grace_period', ['RDSH07'], undefined]]);
    expect(brief('set RDSH01 to per usr')).toEqual([['rdsh.set_licensing_mode', ['RDSH01'], 'PerUser']]);
    expect(brief('check events on RDSH02 for the lst week')).toEqual([['rdsh.events', ['RDSH02'], '7d']]);
  });

  it('reads errors in the log and "the events of licence" as events', () => {
    expect(brief('are there licensing errors in the log on RDSH03 since yesterday?')).toEqual([
      ['rdsh.events', ['RDSH03'], '48h'],
    ]);
    expect(brief('I am needing the events of licence from TS-HR-01 of the last week please')).toEqual([
      ['rdsh.events', ['TS-HR-01'], '7d'],
    ]);
  });

  it('tests the license server from a host in the terse form "test ls HOST"', () => {
    expect(brief('test ls rdsh-lab-01')).toEqual([['rdsh.test_license_server', ['RDSH-LAB-01'], undefined]]);
  });
});

describe('wording the twenty-eighth held-back set brought', () => {
  it('keeps out a group excepted by its tag in the plural ("except the labs")', () => {
    expect(brief('restart the service on all the session hosts except the labs')[0]?.[1]).not.toContain('RDSH-LAB-01');
  });

  it('never gives a server named as the reason ("while LS1 is being patched", "Reason: LS1 ...")', () => {
    expect(parse('point RDSH01 at LS-DR while LS1 is being patched').operations[0]?.params.servers).toEqual(['LS-DR']);
    expect(
      parse('CHG-1 | Change: point RDSH02 at LS-DR | Reason: LS1 patching | Backout: point it back at LS1')
        .operations[0]?.params.servers,
    ).toEqual(['LS-DR']);
  });

  it('drops what came before "actually skip that, just ..."', () => {
    expect(brief('restart the service on RDSH03 - actually skip that, just show me its events from today')).toEqual([
      ['rdsh.events', ['RDSH03'], '24h'],
    ]);
  });

  it('answers trouble on a Mac with the Mac advice, not a diagnosis of Windows settings it has not', () => {
    expect(brief('svega on MAC-DESIGN-3 gets a licensing error, what do we do?')).toEqual([
      ['advice.mac_client', [], undefined],
    ]);
  });

  it('reads whether the approval came through as the status of the request', () => {
    expect(brief('has the approval come through for my last request yet?')).toEqual([
      ['request.status', [], undefined],
    ]);
  });
});

describe('wording the twenty-ninth held-back set brought', () => {
  it('reads a "Back-out:" field after a full stop as the plan for trouble, not a rollback', () => {
    expect(brief('CHG-9 Reset the grace period on RDSH-LAB-02. Back-out: none needed')).toEqual([
      ['rdsh.reset_grace_period', ['RDSH-LAB-02'], undefined],
    ]);
  });

  it('gives each host its value under a "modes:" heading', () => {
    expect(brief('modes: RDSH01 per user, RDSH02 per device - set them please')).toEqual([
      ['rdsh.set_licensing_mode', ['RDSH01'], 'PerUser'],
      ['rdsh.set_licensing_mode', ['RDSH02'], 'PerDevice'],
    ]);
  });

  it('never points a host at a server the correction calls dead', () => {
    expect(
      parse('point RDSH03 at LIC-OLD... actually no, LIC-OLD is dead, use LS2').operations[0]?.params.servers,
    ).toEqual(['LS2']);
  });

  it('diagnoses when someone asks whether a change would help "or is it something else"', () => {
    expect(brief('would resetting the cache on PC-040 actually fix it, or is it something else?')).toEqual([
      ['licensing.diagnose', ['PC-040'], undefined],
    ]);
  });

  it('reads "everything the bot has done to X" as the audit of X, and a cache on an unknown PC as needing one', () => {
    expect(parse('show me everything the bot has done to RDSH05').operations[0]?.intent).toBe('audit.query');
    expect(parse('reset the cache on PC-044').needs).toEqual(['target']);
  });
});

describe('wording the thirtieth held-back set brought', () => {
  it('keeps the key when only the subkeys are asked for, "not the whole MSLicensing key"', () => {
    expect(
      brief('PC-040 and PC-041: delete just the HardwareID and Store subkeys, not the whole MSLicensing key'),
    ).toEqual([['client.reset_license_cache', ['PC-040', 'PC-041'], 'subkeys']]);
  });

  it('gives each host its value when the order for both comes last', () => {
    expect(
      parse('reboot now for RDSH01, scheduled for RDSH02 - refresh the licensing cert on both').operations.map((op) => [
        op.targets,
        op.params.reboot,
      ]),
    ).toEqual([
      [['RDSH01'], 'now'],
      [['RDSH02'], 'scheduled'],
    ]);
  });
});
