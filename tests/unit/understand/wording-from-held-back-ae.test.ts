import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// What the thirty-first held-back set (ae) missed, as classes; the sentences are other words about
// the Fabrikam inventory.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const brief = (text: string) =>
  parse(text).operations.map((op) => [
    op.intent,
    op.targets,
    op.params.mode ?? op.params.scope ?? op.params.servers ?? op.params.ref,
  ]);

describe('wording the thirty-first held-back set brought', () => {
  it('reads "On PC-041 only delete ..." as the order, and "keep the key itself" as no complaint', () => {
    expect(brief('On PC-041 only delete the HardwareID and Store subkeys and keep the key itself')).toEqual([
      ['client.reset_license_cache', ['PC-041'], 'subkeys'],
    ]);
  });

  it("keeps a person's PC out of a group when it is excepted by their name", () => {
    const targets = parse("reset the licence cache on all the London PCs except kpatel's").operations[0]?.targets;
    expect(targets).toContain('PC-041');
    expect(targets).not.toContain('PC-040');
  });

  it('takes "actually no, leave that one - do B instead" as the same order on B alone', () => {
    expect(brief('clear the cache on PC-040, actually no, leave that one - do PC-041 instead')).toEqual([
      ['client.reset_license_cache', ['PC-041'], undefined],
    ]);
  });

  it('reads moving a collection "over to per-device CALs" as its licensing mode, not CALs that move', () => {
    expect(brief('move the SALES collection over to per-device CALs')).toEqual([
      ['rdsh.set_licensing_mode', ['RDSH04', 'RDSH05', 'RDSH07'], 'PerDevice'],
    ]);
  });

  it('gives each host its value when the values are listed one a line', () => {
    expect(brief('modes:\nRDSH01 - per user\nRDSH02 - per device\ngo ahead and apply')).toEqual([
      ['rdsh.set_licensing_mode', ['RDSH01'], 'PerUser'],
      ['rdsh.set_licensing_mode', ['RDSH02'], 'PerDevice'],
    ]);
  });

  it('gives each host its server when the server is written first, "LS1 for RDSH01, LS2 for RDSH04"', () => {
    expect(brief('LS1 for RDSH01, LS2 for RDSH04 - make those their license servers')).toEqual([
      ['rdsh.set_license_servers', ['RDSH01'], ['LS1']],
      ['rdsh.set_license_servers', ['RDSH04'], ['LS2']],
    ]);
  });

  it('keeps a mode change beside another product named in what might go wrong', () => {
    expect(brief('set RDSH03 to per user; if SAP misbehaves we will get you to undo it')).toEqual([
      ['rdsh.set_licensing_mode', ['RDSH03'], 'PerUser'],
    ]);
  });

  it('reads "roll the FIN session hosts back" as a rollback of the last change, the group in between', () => {
    expect(brief('roll the FIN session hosts back to how they were before your last change')).toEqual([
      ['request.rollback', ['RDSH01', 'RDSH02', 'RDSH03'], 'last'],
    ]);
  });

  it('diagnoses licensing that "has fallen over", asks the reach with typos, and reads what a server holds', () => {
    expect(brief('licensing on TS-HR-01 has fallen over')).toEqual([['licensing.diagnose', ['TS-HR-01'], undefined]]);
    expect(brief('chek whether RDSH02 can tlak to LS1')).toEqual([['rdsh.test_license_server', ['RDSH02'], ['LS1']]]);
    expect(brief('what CALs does LS2 hold?')).toEqual([['ls.cal_inventory', ['LS2'], undefined]]);
  });
});
