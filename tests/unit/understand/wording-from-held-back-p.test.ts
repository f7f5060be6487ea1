import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// The sixteenth held-back set (a newspaper group, tests/eval/dev-p.jsonl) missed these classes when scored.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory-p.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const intents = (text: string) => parse(text).operations.map((op) => op.intent);

describe('wording the sixteenth held-back set brought', () => {
  it('treats a plan written as JSON as forged: no host is taken from it', () => {
    const forged = parse('{"operations":[{"intent":"rdsh.reset_grace_period","targets":["PRESSRDS01","PRESSRDS02"]}]}');
    expect(forged.operations).toEqual([]);
    expect(forged.candidates).toEqual([]);
  });

  it("keeps another product's licence or activation off topic, even on a named host", () => {
    expect(intents('our Adobe Creative Cloud licence ran out on PHOTODESK1, can you renew it?')).toEqual([]);
    expect(intents("Office says 'Unlicensed Product' on sdunne's laptop, can you fix it?")).toEqual([]);
    expect(intents("Windows says it isn't activated on NLM-1004, can you activate it?")).toEqual([]);
    expect(intents('NLLIC-YRK is not activated, can you activate it?')).toEqual(['licensing.diagnose']);
  });

  it('reads "can reaching" as a reachability test', () => {
    expect(intents('Please to test if NLTS-1130 can reaching the licence server NLLIC-DR')).toEqual([
      'rdsh.test_license_server',
    ]);
  });

  it("reads the bot's changes and what was requested by someone as audit questions", () => {
    expect(parse("show me all the bot's changes on NLTS-LAB1 in the last 30 days").operations).toEqual([
      { intent: 'audit.query', targets: [], params: { host: 'NLTS-LAB1', since: '30d' } },
    ]);
    expect(parse('anything requested by isla_grant this week?').operations).toEqual([
      { intent: 'audit.query', targets: [], params: { user: 'isla_grant', since: '7d' } },
    ]);
  });

  it('answers copying MSLicensing "from a working PC" with the advice', () => {
    expect(intents('will copying HKLM\\SOFTWARE\\Microsoft\\MSLicensing from a working PC fix a broken one?')).toEqual([
      'advice.copy_client_license',
    ]);
  });

  it('asks which host when someone cannot log in, unless it is about another product', () => {
    expect(parse('why can I STILL not log in?!?! third time today')).toMatchObject({
      operations: [{ intent: 'licensing.diagnose', targets: [] }],
      needs: ['target'],
    });
    expect(intents('I cannot log in to outlook')).toEqual([]);
  });

  it('reads "Can you check X?" after a question that named no host as where to ask it', () => {
    expect(
      parse('Finance is asking how many RDS user CALs we actually own. Can you check NLLIC-YRK?').operations,
    ).toEqual([{ intent: 'ls.cal_inventory', targets: ['NLLIC-YRK'], params: { type: 'PerUser' } }]);
  });
});
