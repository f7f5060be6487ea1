import { LatestWins } from '../../../adapters/teams/latest-wins';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('card updates for one message', () => {
  it('go one at a time, the newest last, and skip the ones a newer update replaced', async () => {
    const lanes = new LatestWins();
    const sent: string[] = [];
    let inFlight = 0;
    let most = 0;
    const send = (name: string, ms: number) => async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(ms);
      sent.push(name);
      inFlight--;
    };
    await Promise.all([
      lanes.update('card-1', send('running', 30)),
      lanes.update('card-1', send('3 of 40', 1)),
      lanes.update('card-1', send('12 of 40', 1)),
      lanes.update('card-1', send('done', 1)),
      lanes.update('card-2', send('other card', 1)),
    ]);
    expect(sent).toEqual(['other card', 'running', 'done']);
    expect(most).toBe(2); // two different cards, never two updates of one card
  });

  it('lets a failed update reject its caller and still sends the next one', async () => {
    const lanes = new LatestWins();
    const sent: string[] = [];
    const failing = lanes.update('card', async () => {
      await sleep(5);
      throw new Error('429 after three tries');
    });
    const next = lanes.update('card', async () => void sent.push('done'));
    await expect(failing).rejects.toThrow('429');
    await next;
    expect(sent).toEqual(['done']);
  });
});
