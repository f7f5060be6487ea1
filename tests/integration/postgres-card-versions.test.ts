import { Pool } from 'pg';
import { PostgresCardVersions } from '../../adapters/store/postgres-card-versions';
import { PostgresStore } from '../../adapters/store/postgres-store';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let cluster: PgCluster;

beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop());

describe('card updates from racing instances', () => {
  it('never put an older version on screen after a newer one', async () => {
    const url = cluster.database('cards');
    await (await PostgresStore.open(url, { now: () => new Date() })).close();
    const pools = [new Pool({ connectionString: url, max: 4 }), new Pool({ connectionString: url, max: 4 })];
    const instances = pools.map((pool) => new PostgresCardVersions(pool));
    const screen: number[] = [];
    // Versions 1..30 of one card, each sent by one of two instances, all at once and out of order.
    const versions = Array.from({ length: 30 }, (_, i) => i + 1).sort((a, b) => ((a * 7) % 11) - ((b * 7) % 11));
    const sent = await Promise.all(
      versions.map((version, i) =>
        instances[i % 2]!.sendIfNewest('REQ-1:requester', version, async () => {
          await sleep(version % 3); // a Teams call takes a while; another instance may be racing it
          screen.push(version);
        }),
      ),
    );
    await Promise.all(pools.map((pool) => pool.end()));
    expect(screen.at(-1)).toBe(30);
    expect(screen.every((version, i) => i === 0 || version > (screen[i - 1] as number))).toBe(true);
    expect(sent.filter(Boolean)).toHaveLength(screen.length);
  });
});
