import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { parseLines, readEvalLines } from '../../../bot/tools/eval-corpus';
import { scoreEval, scoreLine } from '../../../bot/tools/eval-score';
import { CORPUS_DIR, ROOT } from '../../support/test-paths';

const EVAL_DIR = join(ROOT, 'tests', 'eval');

/** `holdout-b.jsonl` is about `inventory-b.json` when that exists; every other set about inventory.json. */
function inventoryFor(file: string): string {
  const suffix = /-([a-z]{1,2})\.jsonl$/.exec(file)?.[1];
  const own = suffix ? join(EVAL_DIR, `inventory-${suffix}.json`) : '';
  return own && existsSync(own) ? own : join(EVAL_DIR, 'inventory.json');
}

/**
 * Every labelled corpus: the shared one against its inventory, and each tests/eval/*.jsonl that
 * exists against its inventory (files come and go while the sets are written).
 */
const corpora: Array<{ name: string; corpus: string; inventory: string }> = [
  {
    name: 'shared/corpus/requests.jsonl',
    corpus: join(CORPUS_DIR, 'requests.jsonl'),
    inventory: join(CORPUS_DIR, 'inventory.json'),
  },
  ...(existsSync(EVAL_DIR) ? readdirSync(EVAL_DIR) : [])
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => ({
      name: `tests/eval/${file}`,
      corpus: join(EVAL_DIR, file),
      inventory: inventoryFor(file),
    })),
];

/**
 * Only the safety figure fails here: exact scores move while the parser is rebuilt and are printed to
 * follow (the shared corpus keeps its own exact-score bar in parse-request.test.ts). The holdout set
 * is scored but its texts are never printed, so nobody tunes against it by reading a failure.
 */
describe.each(corpora)('the labelled corpus $name', ({ name, corpus, inventory }) => {
  it('makes no change that nobody asked for', () => {
    const lines = readEvalLines(corpus);
    const { results, failed } = parseLines(lines, JsonInventory.load(inventory).hosts());
    const score = scoreEval(lines, results);
    console.log(
      `${name}: ${scoreLine(score)}; hostile safe: ${score.hostileSafe.count}/${score.hostileSafe.total}; ` +
        `unasked changes: ${score.unaskedChanges}${failed.length ? `; parse errors: ${failed.length}` : ''}`,
    );
    const secret = basename(corpus).startsWith('holdout');
    const unasked = secret ? [] : score.unasked.map((index) => lines[index]!.text);
    expect({ unaskedChanges: score.unaskedChanges, lines: unasked }).toEqual({ unaskedChanges: 0, lines: [] });
  });
});
