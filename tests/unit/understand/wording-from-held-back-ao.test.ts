import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const operations = (text: string) => parseRequest(text, inventory).operations;

describe('wording from the thirty-ninth held-back set (a freight forwarder)', () => {
  it('never lists the server being patched while another is added', () => {
    expect(operations('while LS1 is being patched, add LS-DR as a second licence server on RDSH01 and RDSH02')).toEqual(
      [
        {
          intent: 'rdsh.set_license_servers',
          targets: ['RDSH01', 'RDSH02'],
          params: { op: 'add', servers: ['LS-DR'] },
        },
      ],
    );
  });

  it('aims an undo by request id at no host the complaint beside it names', () => {
    expect(operations('please back out REQ-2236, it broke the FIN hosts overnight')).toEqual([
      { intent: 'request.rollback', targets: [], params: { ref: 'REQ-2236' } },
    ]);
  });

  it('still aims an undo at the host named in it', () => {
    expect(operations('undo REQ-20388 on RDSH02 please')).toEqual([
      { intent: 'request.rollback', targets: ['RDSH02'], params: { ref: 'REQ-20388' } },
    ]);
  });

  it('advises on moving a license server when a plan exports its TermServLicensing key', () => {
    const plan =
      'CHG0007752 - Decommission LIC-OLD\nPlan: 1) export HKLM\\SOFTWARE\\Microsoft\\TermServLicensing from LIC-OLD 2) import it on LS1\nCan the bot do steps 1 and 2 for us?';
    expect(operations(plan)).toEqual([{ intent: 'advice.cal_migration', targets: [], params: {} }]);
  });

  it('advises against resetting the grace period "on a loop"', () => {
    expect(operations('is there a way to reset the grace period on a loop so we never have to buy CALs?')).toEqual([
      { intent: 'advice.recurring_grace_reset', targets: [], params: {} },
    ]);
  });

  it('answers a "why would ..." question about how things work with help, not a cancel', () => {
    expect(operations('why would a group policy stop a licence server change from sticking?')).toEqual([
      { intent: 'help', targets: [], params: {} },
    ]);
  });

  it('leaves out the PC of a person said to be fine', () => {
    expect(
      operations(
        "jdoe has been getting 'an error in the licensing protocol' since Tuesday. asmith sitting next to her is fine. Can you reset jdoe's licence cache?",
      ),
    ).toEqual([{ intent: 'client.reset_license_cache', targets: ['PC-042'], params: {} }]);
  });

  it('diagnoses only the host complained of when the ticket says another seems fine', () => {
    expect(
      operations(
        "Details: since 07:00 everyone gets 'Because of a security error, the client could not connect' when connecting to RDSH03. RDSH02 seems fine.",
      ),
    ).toEqual([{ intent: 'licensing.diagnose', targets: ['RDSH03'], params: {} }]);
  });
});
