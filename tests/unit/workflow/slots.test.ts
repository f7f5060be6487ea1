import { Slots } from '../../../bot/workflow/slots';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('global slots', () => {
  it('never runs more work at once than it has slots, across callers', async () => {
    const slots = new Slots(3);
    let running = 0;
    let most = 0;
    const work = async () => {
      running++;
      most = Math.max(most, running);
      await sleep(2);
      running--;
    };
    await Promise.all(Array.from({ length: 20 }, () => slots.run(work)));
    expect(most).toBe(3);
    expect(slots.inUse).toBe(0);
  });

  it('hands slots out first come, first served, and frees one when work fails', async () => {
    const slots = new Slots(1);
    const order: number[] = [];
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.all([1, 2, 3].map((n) => slots.run(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });

  it('refuses a size that is not a whole number of at least one', () => {
    expect(() => new Slots(0)).toThrow('size must be 1 or more');
  });
});
