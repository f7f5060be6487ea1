import { ConfigWatch } from '../../../bot/audit/config-watch';
import type { AuditEntry, AuditLog } from '../../../bot/ports';

function recording(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    append: async (entry) => {
      entries.push(entry);
      return { ...entry, seq: entries.length, ts: '', prev: '', hash: '' };
    },
    query: async () => [],
  };
}

describe('the configuration in the audit log', () => {
  const digests: Record<string, string> = { '/etc/rdsbot/policy.json': 'p1', '/etc/rdsbot/inventory.json': 'i1' };
  const files = [
    { role: 'policy', path: '/etc/rdsbot/policy.json' },
    { role: 'inventory', path: '/etc/rdsbot/inventory.json' },
  ];

  it('records the hash of the policy and the inventory at start-up', async () => {
    const audit = recording();
    await new ConfigWatch(files, (path) => digests[path]!, audit).start();
    expect(audit.entries[0]).toMatchObject({
      kind: 'config.loaded',
      data: {
        files: [
          { role: 'policy', sha256: 'p1' },
          { role: 'inventory', sha256: 'i1' },
        ],
      },
    });
  });

  it('records a change to a file once, naming the hash still in effect', async () => {
    const audit = recording();
    const now = { ...digests };
    const watch = new ConfigWatch(files, (path) => now[path]!, audit);
    await watch.start();
    expect(await watch.check()).toEqual([]);
    now['/etc/rdsbot/policy.json'] = 'p2';
    expect(await watch.check()).toEqual(['policy']);
    expect(await watch.check()).toEqual([]);
    expect(audit.entries.at(-1)).toMatchObject({
      kind: 'config.changed',
      data: { role: 'policy', before: 'p1', after: 'p2', inEffect: 'p1' },
    });
  });

  it('records a file that can no longer be read as a change', async () => {
    const audit = recording();
    let gone = false;
    const watch = new ConfigWatch(
      files,
      (path) => {
        if (gone && path.endsWith('inventory.json')) throw new Error('ENOENT');
        return digests[path]!;
      },
      audit,
    );
    await watch.start();
    gone = true;
    expect(await watch.check()).toEqual(['inventory']);
    expect(audit.entries.at(-1)).toMatchObject({ data: { after: 'unreadable' } });
  });
});
