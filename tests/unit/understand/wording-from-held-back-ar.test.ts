import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { changes } from '../../../bot/understand/safety';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

// What the forty-third held-back set (ar) missed, as classes; the sentences are other words about the
// Fabrikam inventory.
const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const parse = (text: string) => parseRequest(text, inventory);
const brief = (text: string) => parse(text).operations.map((op) => [op.intent, op.targets]);

describe('wording the forty-third held-back set brought', () => {
  it('leaves the host of earlier work the writer followed up on out of the new change', () => {
    expect(
      brief(
        'Following on from the RDSH01 work on Tuesday (all good now, cheers), could you reset the grace period on RDSH02?',
      ),
    ).toEqual([['rdsh.reset_grace_period', ['RDSH02']]]);
  });

  it('reads "after we <did something>" as the history of a question, never as the change', () => {
    const result = parse(
      'after we reset the licence cache on PC-042 on Monday, why does it still say no licence available?',
    );
    expect(result.operations.filter((op) => changes(op.intent))).toEqual([]);
    expect(result.operations[0]?.targets).toEqual(['PC-042']);
  });
});
