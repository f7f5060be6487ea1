import { PostgresStore } from '../../adapters/store/postgres-store';

// One of several processes appending to one PostgreSQL audit chain at once (postgres-audit-chain.test):
// it opens the store itself, so the processes also race to migrate a fresh database.
async function main(): Promise<void> {
  const [url, writer, count] = process.argv.slice(2) as [string, string, string];
  const store = await PostgresStore.open(url, { now: () => new Date() }, 2);
  try {
    for (let i = 0; i < Number(count); i++) {
      await store.append({ kind: 'execution.host_result', requestId: `REQ-${writer}`, actor: writer, data: { i } });
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
