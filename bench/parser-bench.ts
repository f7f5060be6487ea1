import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonInventory } from '../adapters/inventory/json-config';
import { parseRequest } from '../bot/understand/parse-request';
import { bigInventory } from './big-inventory';
import { byRole, paddedRequest, randomMessage, seededRandom } from './bench-text';

export interface ParserFigures {
  p50Ms5000Hosts: number;
  p99Ms5000Hosts: number;
  perSecond: number;
  worstMs2000Chars: number;
  /** How many messages each figure is over, printed with them (the env switches change them). */
  samples: number;
  randomMessages: number;
  hosts: number;
}

function ms(fn: () => unknown): number {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Nearest-rank percentile: with 2,000 samples p99 is the 20th slowest, never an interpolated value. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const count = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0`);
  return value;
};

/**
 * The parser's figures, measured in the bench process before the lab starts so nothing else competes
 * for the core. Each message is a different one (seeded), so no figure is a cache hit on one string.
 */
export function measureParser(root: string): ParserFigures {
  const samples = count('BENCH_PARSE_SAMPLES', 2_000);
  const randomCount = count('BENCH_PARSE_RANDOM', 1_000);
  const big = bigInventory();
  const roles = byRole(big);

  // Latency on a big estate: a 500-character ticket naming a few hosts among 5,000.
  const random = seededRandom(42);
  const tickets = Array.from({ length: samples }, () => paddedRequest(random, roles, 500));
  // A running bot is warm: other messages (another seed) go through first, so the JIT has compiled the
  // stages and the regular expressions before a measured message arrives. Its GC pauses stay measured.
  const warm = seededRandom(7);
  for (let i = 0; i < 500; i++) parseRequest(paddedRequest(warm, roles, 500), big);
  const latencies = tickets.map((text) => ms(() => parseRequest(text, big)));

  // Throughput on one core: the shared corpus against its own small inventory, for two seconds.
  const corpusDir = join(root, '..', 'shared', 'corpus');
  const corpus = readFileSync(join(corpusDir, 'requests.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const small = JsonInventory.load(join(corpusDir, 'inventory.json')).hosts();
  let parsed = 0;
  const started = Date.now();
  while (Date.now() - started < 2_000) {
    for (const text of corpus) parseRequest(text, small);
    parsed += corpus.length;
  }
  const perSecond = parsed / ((Date.now() - started) / 1000);

  // The worst case: a limit on the slowest message anyone can send, not a typical one.
  const noise = seededRandom(2000);
  let worst = 0;
  for (let i = 0; i < randomCount; i++) {
    const text = randomMessage(noise, big, 2_000);
    worst = Math.max(
      worst,
      ms(() => parseRequest(text, big)),
    );
  }

  return {
    p50Ms5000Hosts: percentile(latencies, 50),
    p99Ms5000Hosts: percentile(latencies, 99),
    perSecond,
    worstMs2000Chars: worst,
    samples,
    randomMessages: randomCount,
    hosts: big.length,
  };
}
