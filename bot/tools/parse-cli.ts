import { createInterface } from 'node:readline';
import { JsonInventory } from '../../adapters/inventory/json-config';
import { parseRequest } from '../understand/parse-request';

/**
 * `npm run --silent parse -- --inventory FILE < requests.jsonl > parsed.jsonl`
 * One JSON object in per line ({"text": ...}), one answer out per line, same order; a bad line gets
 * an answer too and the process keeps going.
 */
async function main(): Promise<void> {
  const flag = process.argv.indexOf('--inventory');
  const file = flag >= 0 ? process.argv[flag + 1] : undefined;
  if (!file) {
    console.error('usage: npm run --silent parse -- --inventory FILE < requests.jsonl');
    process.exit(2);
  }
  const hosts = JsonInventory.load(file).hosts();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(answer(line, hosts))}\n`);
  }
}

function answer(line: string, hosts: ReturnType<JsonInventory['hosts']>): unknown {
  let text = '';
  try {
    const input = JSON.parse(line) as { text?: unknown };
    text = typeof input?.text === 'string' ? input.text : '';
  } catch {
    return { text: '', operations: [], needs: [], error: 'not a JSON line' };
  }
  try {
    const { operations, needs } = parseRequest(text, hosts);
    return { text, operations, needs };
  } catch {
    return { text, operations: [], needs: [], error: 'could not parse' };
  }
}

main().catch((error: unknown) => {
  console.error(`parse: ${(error as Error).message}`);
  process.exit(1);
});
