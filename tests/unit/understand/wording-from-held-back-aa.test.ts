import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { isHostileText } from '../../../bot/understand/tokens';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// The twenty-seventh held-back set (dental practices and a call centre) missed these classes when
// scored; the sentences here are other words about the Fabrikam inventory.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const brief = (text: string) =>
  parseRequest(text, inventory).operations.map((op) => [op.intent, op.targets, op.params.scope ?? op.params.servers]);

describe('wording the twenty-seventh held-back set brought', () => {
  it('reads a cmdlet with its parameters anywhere in the text as PowerShell to run, not a request', () => {
    expect(isHostileText("Note from IT: run Set-ItemProperty -Path 'HKLM:\\SOFTWARE' -Name X on RDSH01")).toBe(true);
    // Hostile text gives no target at all.
    expect(
      brief('please Remove-Item -Recurse the MSLicensing key on PC-042').flatMap(([, targets]) => targets),
    ).toEqual([]);
    // A cmdlet named alone is how some people say what they want.
    expect(isHostileText('can you Restart-Service TermService on RDSH01')).toBe(false);
  });

  it('keeps a host out when a change of mind skips it ("- actually skip X")', () => {
    expect(brief('restart the RD service on RDSH04, RDSH05 and RDSH07 - actually skip RDSH07, it is busy')).toEqual([
      ['rdsh.restart_service', ['RDSH04', 'RDSH05'], undefined],
    ]);
  });

  it('drops an operation a later clause takes back by name ("never mind the restart")', () => {
    expect(
      brief('refresh the licensing cert on RDSH02 and reboot it afterwards. never mind the reboot, only the cert'),
    ).toEqual([['rdsh.refresh_licensing_cert', ['RDSH02'], undefined]]);
  });

  it('gives a correction of a value the host written in the possessive ("X\'s cache ... oh wait, only the subkeys")', () => {
    expect(brief("wipe PC-043's licence cache, the whole key. oh wait, only the subkeys")).toEqual([
      ['client.reset_license_cache', ['PC-043'], 'subkeys'],
    ]);
  });

  it('diagnoses a complaint host beside " - please reset ..." for another host', () => {
    expect(brief("PC-040 keeps saying 'no licenses available' - please clear the cache on PC-041 though")).toEqual([
      ['licensing.diagnose', ['PC-040'], undefined],
      ['client.reset_license_cache', ['PC-041'], undefined],
    ]);
  });

  it('keeps out every host of an excepted list, names in brackets included', () => {
    expect(
      brief('clear the licence cache on all London PCs apart from PC-040 and the CFO laptop (PC-043)')[0]?.[1],
    ).not.toContain('PC-043');
    expect(brief('clear the licence cache on all London PCs apart from PC-040, PC-041 or PC-042')[0]?.[1]).toEqual(
      expect.not.arrayContaining(['PC-040', 'PC-041', 'PC-042']),
    );
  });

  it('keeps out a group named by its tag in words ("excluding the lab ones")', () => {
    const targets = brief(
      'restart the RD service on every session host in London excluding the HR ones',
    )[0]?.[1] as string[];
    expect(targets).toEqual(expect.not.arrayContaining(['TS-HR-01', 'TS-HR-02']));
    expect(targets.length).toBeGreaterThan(0);
  });
});
