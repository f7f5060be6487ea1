import { JsonInventory } from '../../adapters/inventory/json-config';
import { parseLines, readEvalLines } from './eval-corpus';
import { formatReport } from './eval-report';
import { scoreEval } from './eval-score';

const USAGE = 'usage: npm run --silent parse:eval -- --inventory FILE --corpus FILE [--json] [--show-misses]';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  const value = at >= 0 ? args[at + 1] : undefined;
  return value && !value.startsWith('--') ? value : undefined;
}

/**
 * `npm run --silent parse:eval -- --inventory FILE --corpus FILE [--json] [--show-misses]`
 * Parses every labelled line and prints the score (tests/eval/README.md). Exits 1 when the parser
 * made a change nobody asked for: that, unlike a lower exact score, is never acceptable.
 */
function main(): void {
  const args = process.argv.slice(2);
  const inventoryFile = option(args, '--inventory');
  const corpusFile = option(args, '--corpus');
  const known = new Set(['--inventory', '--corpus', '--json', '--show-misses', inventoryFile, corpusFile]);
  const unknown = args.filter((arg) => !known.has(arg));
  if (!inventoryFile || !corpusFile || unknown.length > 0) {
    console.error(unknown.length > 0 ? `parse:eval: unknown argument ${unknown[0]}\n${USAGE}` : USAGE);
    process.exit(2);
  }
  const hosts = JsonInventory.load(inventoryFile).hosts();
  const lines = readEvalLines(corpusFile);
  const { results, failed } = parseLines(lines, hosts);
  const score = scoreEval(lines, results);
  if (args.includes('--json')) {
    const { misses, ...figures } = score;
    const report = { ...figures, parseErrors: failed.length, ...(args.includes('--show-misses') ? { misses } : {}) };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const texts = lines.map((line) => line.text);
    const showMisses = args.includes('--show-misses');
    process.stdout.write(`${formatReport(score, texts, { showMisses, failed }).join('\n')}\n`);
  }
  process.exitCode = score.unaskedChanges > 0 ? 1 : 0;
}

try {
  main();
} catch (error) {
  console.error(`parse:eval: ${(error as Error).message}`);
  process.exit(2);
}
