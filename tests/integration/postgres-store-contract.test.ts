import { PostgresStore } from '../../adapters/store/postgres-store';
import { describeStoreContract } from '../contract/store-contract';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';

// A real server: a throwaway cluster of Debian's PostgreSQL, one fresh database per test.
const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
let cluster: PgCluster;
let made = 0;

beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop());

describeStoreContract('PostgreSQL (a real server)', async () => {
  made += 1;
  const url = cluster.database(`contract_${made}`);
  const opened: PostgresStore[] = [await PostgresStore.open(url, clock)];
  return {
    store: opened[0]!,
    reopen: async () => {
      const again = await PostgresStore.open(url, clock);
      opened.push(again);
      return again;
    },
    close: async () => {
      for (const store of opened) await store.close();
    },
  };
});
