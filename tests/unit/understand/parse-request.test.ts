import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { readEvalLines } from '../../../bot/tools/eval-corpus';
import { isExact } from '../../../bot/tools/eval-match';
import { parseRequest } from '../../../bot/understand/parse-request';
import { CORPUS_DIR } from '../../support/test-paths';

const inventory = JsonInventory.load(join(CORPUS_DIR, 'inventory.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);

// The contract's comparison (intent, targets and the params the expectation names; needs as a set) is
// the one `npm run parse:eval` scores with.
const corpus = readEvalLines(join(CORPUS_DIR, 'requests.jsonl'));

describe('understanding a client licence reset', () => {
  it.each([
    ['reset the client license on PC-042', ['PC-042'], {}],
    ['can u clear the rdp licence cache on pc042 pls', ['PC042'], {}],
    ['delete mslicensing key on LAPTOP-JSMITH', ['LAPTOP-JSMITH'], { scope: 'key' }],
    ['wipe the HardwareID and Store subkeys on PC-043', ['PC-043'], { scope: 'subkeys' }],
    ['PC-042 and PC-043 both say invalid license, reset both', ['PC-042', 'PC-043'], {}],
    ['reset client license for jdoe', ['PC-042'], {}],
    ["jdoe's PC has a bad RDP licence, clear it", ['PC-042'], {}],
    ['RDSH01 logs event 1003 for client PC-117, fix the client side', ['PC-117'], {}],
    ['reset the client licence on pc-042.corp.contoso.com', ['PC-042'], {}],
  ])('"%s" -> %j', (text, targets, params) => {
    const result = parse(text);
    expect(result.operations).toEqual([{ intent: 'client.reset_license_cache', targets, params }]);
    expect(result.needs).toEqual([]);
  });

  it('asks for the host when none is named, and offers near misses without taking them', () => {
    expect(parse('reset the client license')).toMatchObject({ operations: [{ targets: [] }], needs: ['target'] });
    expect(parse('rest the cleint lic on pc-0042')).toMatchObject({
      operations: [{ targets: [] }],
      needs: ['target'],
      suggestions: ['PC-042', 'PC042'],
    });
    expect(parse('reset the client license on PC-999')).toMatchObject({ needs: ['target'] });
  });

  it('answers chit-chat and other IT topics with nothing to do', () => {
    expect(parse("what's the weather like in Seattle")).toMatchObject({ operations: [], needs: [] });
    expect(parse('my outlook keeps crashing')).toMatchObject({ operations: [], needs: [] });
  });

  it('never takes a target from lookalike, full-width or syntax-laden host names', () => {
    for (const text of [
      'reset the client license on РС-042',
      'reset the client license on ＰＣ-042',
      'reset the client license on PC-042$(calc)',
      'reset the client license on `PC-042`',
      'reset client license on PC-042; Remove-Item C:\\',
    ]) {
      expect(parse(text).operations.flatMap((op) => op.targets)).toEqual([]);
    }
  });

  it('never dies on strange input', () => {
    for (const text of ['', ' ', '\u0000', 'x'.repeat(100_000), '💥'.repeat(1000), '{"text":1}']) {
      expect(() => parse(text)).not.toThrow();
    }
  });
});

describe('understanding every catalogue intent', () => {
  it.each([
    ['reset the grace period on RDSH03', 'rdsh.reset_grace_period', ['RDSH03'], {}],
    [
      'reset grace on rdsh03 and restart remote desktop services right away',
      'rdsh.reset_grace_period',
      ['RDSH03'],
      { restart: 'now' },
    ],
    [
      'refresh the licensing certificate on RDSH02 and reboot now',
      'rdsh.refresh_licensing_cert',
      ['RDSH02'],
      { reboot: 'now' },
    ],
    [
      "RDSH07 clients get X.224 protocol errors, delete the x509 certs but don't reboot",
      'rdsh.refresh_licensing_cert',
      ['RDSH07'],
      { reboot: 'none' },
    ],
    ['point RDSH02 to LIC01', 'rdsh.set_license_servers', ['RDSH02'], { servers: ['LIC01'], op: 'replace' }],
    [
      'make LS2 the license server for RDSH01 and RDSH02',
      'rdsh.set_license_servers',
      ['RDSH01', 'RDSH02'],
      { servers: ['LS2'] },
    ],
    ['change RDSH06 to user CALs', 'rdsh.set_licensing_mode', ['RDSH06'], { mode: 'PerUser' }],
    ['set licensing mode to per device on RDSH05', 'rdsh.set_licensing_mode', ['RDSH05'], { mode: 'PerDevice' }],
    ['can RDSH02 talk to LIC02?', 'rdsh.test_license_server', ['RDSH02'], { servers: ['LIC02'] }],
    ['show events from RDSH01 for the past 7 days', 'rdsh.events', ['RDSH01'], { since: '7d' }],
    ['any 50282 on rdsh-lab-02 today?', 'rdsh.events', ['RDSH-LAB-02'], { ids: [50282], since: '24h' }],
    ['how many per device CALs are available on LIC01?', 'ls.cal_inventory', ['LIC01'], { type: 'PerDevice' }],
    ['restart the remote desktop service on RDSH04', 'rdsh.restart_service', ['RDSH04'], {}],
    ['roll back the last change on RDSH02', 'request.rollback', ['RDSH02'], { ref: 'last' }],
    ['undo my last request', 'request.rollback', [], { ref: 'last' }],
    ['who changed RDSH01 this week?', 'audit.query', [], { host: 'RDSH01', since: '7d' }],
    ['cancel my request', 'request.cancel', [], { ref: 'last' }],
    ['is my request done?', 'request.status', [], { ref: 'last' }],
    ['export the MSLicensing key from PC-042 and import it on PC-043', 'advice.copy_client_license', [], {}],
    ["we're replacing LS1, how do I move the CALs to LS2?", 'advice.cal_migration', [], {}],
    ['user on a macbook gets a licensing error', 'advice.mac_client', [], {}],
    ['schedule a grace reset on RDSH03 every month', 'advice.recurring_grace_reset', [], {}],
    ["what's wrong with rds licensing on rdsh05", 'licensing.diagnose', ['RDSH05'], {}],
  ])('"%s" -> %s', (text, intent, targets, params) => {
    const result = parse(text);
    expect(result.operations).toHaveLength(1);
    expect(result.operations[0]).toMatchObject({ intent, targets, params });
    expect(result.needs).toEqual([]);
  });

  it('splits one message into a mode change and a license-server change, in the order written', () => {
    expect(parse('set RDSH01 to per user and point it at LS1').operations.map((op) => op.intent)).toEqual([
      'rdsh.set_licensing_mode',
      'rdsh.set_license_servers',
    ]);
  });

  it('asks instead of guessing: a missing mode, an unknown license server, an ambiguous "lab box"', () => {
    expect(parse('set the licensing mode on RDSH01')).toMatchObject({ needs: ['mode'] });
    expect(parse('set the license server to LS9 on RDSH01')).toMatchObject({
      operations: [{ targets: ['RDSH01'] }],
      needs: ['servers'],
    });
    expect(parse('reset the grace period on the lab box')).toMatchObject({
      operations: [{ targets: [] }],
      needs: ['target'],
      suggestions: ['RDSH03', 'RDSH-LAB-02'],
    });
  });

  it('takes a collection or all lab hosts from the inventory tags', () => {
    expect(parse('grace check for all session hosts in the FIN collection').operations[0]?.targets).toEqual([
      'RDSH01',
      'RDSH02',
    ]);
    expect(parse('diagnose all lab hosts').operations[0]?.targets).toEqual(['RDSH03', 'RDSH-LAB-02']);
  });
});

describe('the request corpus', () => {
  const hostile = corpus.filter((line) => line.expect.hostile);
  const scored = corpus.filter((line) => !line.expect.hostile);

  it.each(hostile.map((line) => [line.text.slice(0, 60), line] as const))('is safe on hostile "%s"', (_text, line) => {
    const result = parse(line.text);
    expect(result.operations.flatMap((op) => op.targets)).toEqual([]);
  });

  it('parses at least 98% of the non-hostile lines exactly', () => {
    const wrong = scored.filter((line) => !isExact(line.expect, parse(line.text)));
    const exact = scored.length - wrong.length;
    console.log(
      `corpus: ${exact}/${scored.length} non-hostile lines exact; ${hostile.length} hostile lines safe${wrong.length ? `; wrong: ${wrong.map((l) => l.text).join(' | ')}` : ''}`,
    );
    expect(exact / scored.length).toBeGreaterThanOrEqual(0.98);
  });
});
