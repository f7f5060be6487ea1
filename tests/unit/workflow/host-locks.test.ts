import { HostLocks } from '../../../bot/workflow/host-locks';

describe('per-host locks', () => {
  it('runs work for one host one at a time, whatever case the name is in', async () => {
    const locks = new HostLocks();
    let running = 0;
    let most = 0;
    const work = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    };
    await Promise.all([locks.withLock('PC-042', work), locks.withLock('pc-042', work), locks.withLock('PC-042', work)]);
    expect(most).toBe(1);
  });

  it('lets different hosts run at the same time and releases a lock when work fails', async () => {
    const locks = new HostLocks();
    const order: string[] = [];
    await expect(locks.withLock('A', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.all([
      locks.withLock('A', async () => {
        await new Promise((r) => setTimeout(r, 10));
        order.push('A');
      }),
      locks.withLock('B', async () => {
        order.push('B');
      }),
    ]);
    expect(order).toEqual(['B', 'A']);
  });
});
