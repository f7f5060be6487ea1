import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import type { ParseResult } from '../../../bot/domain';
import { parseRequest } from '../../../bot/understand/parse-request';
import { CORPUS_DIR } from '../../support/test-paths';

const inventory = JsonInventory.load(join(CORPUS_DIR, 'inventory.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);

interface CorpusLine {
  text: string;
  expect: {
    hostile?: boolean;
    operations?: Array<{ intent: string; targets: string[]; params: Record<string, unknown> }>;
    needs?: string[];
  };
}
const corpus: CorpusLine[] = readFileSync(join(CORPUS_DIR, 'requests.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as CorpusLine);

/** The contract's comparison: intent, targets and the params the expectation names; needs as a set. */
function matches(actual: ParseResult, expected: NonNullable<CorpusLine['expect']>): boolean {
  const ops = expected.operations ?? [];
  if (actual.operations.length !== ops.length) return false;
  const sameOps = ops.every((op, i) => {
    const got = actual.operations[i]!;
    return (
      got.intent === op.intent &&
      JSON.stringify(got.targets) === JSON.stringify(op.targets) &&
      Object.entries(op.params).every(([k, v]) => JSON.stringify(got.params[k]) === JSON.stringify(v))
    );
  });
  return sameOps && JSON.stringify([...actual.needs].sort()) === JSON.stringify([...(expected.needs ?? [])].sort());
}

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

describe('the request corpus (client resets, small talk and hostile lines: what this version answers)', () => {
  const hostile = corpus.filter((line) => line.expect.hostile);
  const inScope = corpus.filter(
    (line) =>
      !line.expect.hostile &&
      (line.expect.operations ?? []).every((op) => op.intent === 'client.reset_license_cache' || op.intent === 'help'),
  );

  it.each(inScope.map((line) => [line.text, line] as const))('parses "%s" exactly', (_text, line) => {
    expect(matches(parse(line.text), line.expect)).toBe(true);
  });

  it.each(hostile.map((line) => [line.text.slice(0, 60), line] as const))('is safe on hostile "%s"', (_text, line) => {
    const result = parse(line.text);
    const names = new Set(inventory.map((h) => h.name));
    const targets = result.operations.flatMap((op) => op.targets);
    expect(targets.every((t) => names.has(t))).toBe(true);
    expect(targets).toEqual([]);
  });

  it('reports the whole-corpus score (other intents are issue "understanding requests")', () => {
    const scored = corpus.filter((line) => !line.expect.hostile);
    const exact = scored.filter((line) => matches(parse(line.text), line.expect)).length;
    console.log(`corpus: ${exact}/${scored.length} non-hostile lines exact; ${hostile.length} hostile lines safe`);
    expect(exact).toBeGreaterThanOrEqual(inScope.length);
  });
});
