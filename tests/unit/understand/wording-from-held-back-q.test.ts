import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// The seventeenth held-back set (a wind-farm operator, tests/eval/dev-q.jsonl) missed these classes.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory-q.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const intents = (text: string) => parse(text).operations.map((op) => op.intent);

describe('wording the seventeenth held-back set brought', () => {
  it('does not target a host the message thanks someone for fixing', () => {
    const text =
      'Thanks a lot for sorting RCSCADA01 yesterday, that worked! Could you do the same licensing cert refresh on RCSCADA05 as well?';
    expect(parse(text).operations).toEqual([
      { intent: 'rdsh.refresh_licensing_cert', targets: ['RCSCADA05'], params: {} },
    ]);
    expect(
      intents('Cheers, REQ-4410 sorted the cert problem. Next one: can RCSCADA05 reach RC-LIC-ABZ on the RPC ports?'),
    ).toEqual(['rdsh.test_license_server']);
  });

  it('diagnoses the host of a complaint and changes only the host the request names', () => {
    expect(
      parse('ABZ-CR-05 keeps getting a licence error. Separately, please reset the cache on ABZ-CR-07.').operations,
    ).toEqual([
      { intent: 'licensing.diagnose', targets: ['ABZ-CR-05'], params: {} },
      { intent: 'client.reset_license_cache', targets: ['ABZ-CR-07'], params: {} },
    ]);
  });

  it('treats markup with a handler as hostile', () => {
    expect(parse('<img src=x onerror=alert(document.cookie)> diagnose OFFRDS10').operations).toEqual([]);
  });

  it('reads a request forwarded in quotes as the request', () => {
    expect(
      intents(
        'Forwarded from the Ops Manager: "Please get the licensing certificates refreshed on the ENG servers this weekend." Over to you.',
      ),
    ).toEqual(['rdsh.refresh_licensing_cert']);
  });

  it('expands a range whose last end the inventory lacks to the hosts inside it', () => {
    expect(
      parse('CNH-OPS-21 to CNH-OPS-25 all fail with a licence error when connecting').operations[0]?.targets,
    ).toEqual(['CNH-OPS-21', 'CNH-OPS-22', 'CNH-OPS-24']);
  });

  it('reads "the SCADA desktops" as the session hosts of that collection', () => {
    expect(parse("Control room staff can't get into the SCADA desktops since 6am").operations[0]?.targets).toEqual([
      'RCSCADA01',
      'RCSCADA02',
      'RCSCADA03',
      'RCSCADA05',
    ]);
  });

  it('finds the hosts of a reachability test "from the X hosts to LS"', () => {
    expect(
      parse('check licence server connectivity from the SITEOPS hosts to RC-LIC-ABZ').operations[0]?.targets,
    ).toEqual(['BLMRDS01', 'BLMRDS02', 'CNHRDS01', 'ESBRDS01']);
  });

  it('reads "Audit prep:" as a label, "who else asked" and "has DGM asked for anything" as audit questions', () => {
    expect(intents('Audit prep: please send us the CAL counts (issued / available) for RC-LIC-ABZ.')).toEqual([
      'ls.cal_inventory',
    ]);
    expect(intents('who else asked for changes on ENGRDS-2 this week?')).toEqual(['audit.query']);
    expect(intents('has DGM asked for anything today?')).toEqual(['audit.query']);
  });

  it("keeps another product's licence server off topic", () => {
    expect(
      intents('our AutoCAD network licence server is refusing seats, the FlexLM log says no licenses available'),
    ).toEqual([]);
  });
});
