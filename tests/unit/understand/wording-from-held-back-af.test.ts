import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// What the thirty-second held-back set (af) missed, as classes; the sentences are other words about
// the Fabrikam inventory.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const brief = (text: string) => parse(text).operations.map((op) => [op.intent, op.targets]);

describe('wording the thirty-second held-back set brought', () => {
  it('reads "I am need the reset of ..." as a request, and "sorry I mean B" as a correction', () => {
    expect(brief('Hello, I am need the reset of the licence on the computer of jdoe. Thank you')).toEqual([
      ['client.reset_license_cache', ['PC-042']],
    ]);
    expect(brief('reset the licence cache on PC-040, sorry I mean PC-041')).toEqual([
      ['client.reset_license_cache', ['PC-041']],
    ]);
  });

  it("leaves a change ticket's Impact field out of the change", () => {
    const text =
      'CHG-1\nSummary: switch RDSH03 to per device\nImpact: none, device CALs installed on LS2\nBack-out: set it back to per user';
    expect(brief(text)).toEqual([['rdsh.set_licensing_mode', ['RDSH03']]]);
  });

  it('does not diagnose the dead server a server change moves away from', () => {
    expect(brief('LIC-OLD is dead, make RDSH01 use LS1 then LS2')).toEqual([['rdsh.set_license_servers', ['RDSH01']]]);
  });

  it('keeps a host out even when the order before it has a typo', () => {
    expect(brief('restrat the rds service on RDSH01 to RDSH03 but leave RDSH02 alone')).toEqual([
      ['rdsh.restart_service', ['RDSH01', 'RDSH03']],
    ]);
  });

  it('diagnoses a pasted error on its own, and a one-line ticket whose session "drops"', () => {
    expect(
      parse('"Because of a protocol error detected at the client, this session will be disconnected."'),
    ).toMatchObject({
      operations: [{ intent: 'licensing.diagnose', targets: [] }],
      needs: ['target'],
    });
    expect(brief('INC1 | Caller: jdoe | Summary: session drops with a licensing warning | CI: PC-042')).toEqual([
      ['licensing.diagnose', ['PC-042']],
    ]);
  });

  it('reaches a tag through the words it abbreviates, "human resources" for HR', () => {
    expect(brief("what's wrong with the human resources session hosts?")).toEqual([
      ['licensing.diagnose', ['TS-HR-01', 'TS-HR-02']],
    ]);
  });

  it('reads a CAL report as the inventory, and past requests on a host as the audit', () => {
    expect(brief('could you show me the CAL report for LS2?')).toEqual([['ls.cal_inventory', ['LS2']]]);
    expect(parse('show me every grace reset request on RDSH-LAB-01').operations).toEqual([
      { intent: 'audit.query', targets: [], params: { host: 'RDSH-LAB-01' } },
    ]);
    expect(parse('has jdoe asked for anything on PC-042 this week?').operations[0]?.params).toEqual({
      host: 'PC-042',
      user: 'jdoe',
      since: '7d',
    });
    expect(brief('RDSH01 keeps flipping back to per user every time I change it - why?')).toEqual([
      ['licensing.diagnose', ['RDSH01']],
    ]);
  });

  it('answers with help when asked how the bot works or what it is for', () => {
    for (const text of [
      'hi bot, how does this work?',
      'is there a list of the things I can ask you?',
      'what can I use this bot for?',
    ])
      expect(brief(text)).toEqual([['help', []]]);
  });
});
