import { join } from 'node:path';
import { JsonInventory } from '../../../adapters/inventory/json-config';
import { operationDefinition } from '../../../bot/catalogue';
import { parseRequest } from '../../../bot/understand/parse-request';
import { ROOT } from '../../support/test-paths';

const inventory = JsonInventory.load(join(ROOT, 'tests', 'eval', 'inventory.json')).hosts();
const changesAnything = (text: string): boolean =>
  parseRequest(text, inventory).operations.some((op) => operationDefinition(op.intent).changesState);

describe('a question or a complaint never becomes a change', () => {
  it.each([
    'why does the grace period on RDSH01 reset? we get this daily',
    'is RDSH01 per user? we use per device',
    'why does RDSH01 reset its grace period? it should not',
    'users on RDSH01 get "no Remote Desktop License Servers available to provide a license"',
    "we're moving LS1 to new hardware, can I back up and restore its registry keys?",
    'why does PC-042 keep getting 1003?',
    'should I switch RDSH01 to per user?',
    'INC0051190 - Steps tried: reset MSLicensing on PC-040 and PC-041, no change. Users still get errors.',
    'Requested by: Berlin office | users at the Berlin site cannot log on',
    'Sir, RDSH01 is giving licence error from morning only, please check and revert',
    'Please revert with the status of REQ-4502',
    "Relaying: PC-040 drops out of the clinical system every hour with a licensing popup. She just wants to know what's wrong.",
    'we have no CALs yet, can we reset the grace period again and again until the budget comes?',
  ])('"%s" plans no change', (text) => {
    expect(changesAnything(text)).toBe(false);
  });

  it('asks which reading is meant when an order ends in a question mark', () => {
    const result = parseRequest('restart RDS on RDSH03?', inventory);
    expect(result.operations).toEqual([]);
    expect(result.needs).toEqual(['confirm-intent']);
    expect(result.candidates.map((c) => c.intent)).toEqual(['rdsh.restart_service', 'licensing.diagnose']);
  });
});
