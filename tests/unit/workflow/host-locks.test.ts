import { HostBusyError, HostLocks } from '../../../bot/workflow/host-locks';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

  it('says when work has to queue behind another request, and runs it in the order it came', async () => {
    const locks = new HostLocks();
    const order: string[] = [];
    const waited: string[] = [];
    await Promise.all(
      ['first', 'second', 'third'].map((name) =>
        locks.withLock(
          'RDSH01',
          async () => {
            order.push(name);
            await sleep(5);
          },
          { onWait: () => waited.push(name) },
        ),
      ),
    );
    expect(order).toEqual(['first', 'second', 'third']);
    expect(waited).toEqual(['second', 'third']);
  });

  it('gives up with a clear error when the host stays busy past the bound, and the queue still moves', async () => {
    const locks = new HostLocks();
    const long = locks.withLock('RDSH01', () => sleep(60));
    const impatient = locks.withLock('RDSH01', async () => 'ran', { waitMs: 10 });
    const patient = locks.withLock('RDSH01', async () => 'ran');
    await expect(impatient).rejects.toBeInstanceOf(HostBusyError);
    await expect(impatient).rejects.toThrow('RDSH01 was busy with another request');
    await long;
    await expect(patient).resolves.toBe('ran');
    expect(locks.busy('RDSH01')).toBe(false);
  });
});
