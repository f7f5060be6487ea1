import { verifyChain } from '../../bot/audit/audit-chain';
import type { ChangeRequest, HostOutcome, RequestState } from '../../bot/domain';
import type { AuditLog, RequestStore, SettingsStore } from '../../bot/ports';

/** What a store under test offers: the three ports, a way to reopen the same data, and a way to close. */
export interface StoreUnderTest {
  store: RequestStore & AuditLog & SettingsStore;
  /** The same data through a new connection (a restart), or undefined when the store cannot reopen. */
  reopen?: () => (RequestStore & AuditLog & SettingsStore) | Promise<RequestStore & AuditLog & SettingsStore>;
  close(): void | Promise<void>;
}

let counter = 0;
function request(overrides: Partial<ChangeRequest> = {}): ChangeRequest {
  counter += 1;
  return {
    id: `r-${counter}`,
    version: 1,
    state: 'pending',
    requester: { oid: 'oid-a', name: 'A', tenantId: 't' },
    text: 'reset the grace period on RDSH01',
    operations: [{ intent: 'rdsh.reset_grace_period', targets: ['RDSH01'], params: {} }],
    preview: [],
    fingerprint: 'f',
    createdAt: `2026-12-01T10:00:${String(counter % 60).padStart(2, '0')}Z`,
    updatedAt: '2026-12-01T10:00:00Z',
    expiresAt: '2026-12-01T11:00:00Z',
    conversation: {},
    ...overrides,
  };
}

const changed = (host: string, backup = true): HostOutcome => ({
  host,
  status: 'succeeded',
  report: { changed: true, whatIf: false, ...(backup ? { backup: 'C:\\backup.json' } : {}) } as never,
});

/**
 * The behaviour every store must have, whatever it is built on: the SQLite file and PostgreSQL. Each test names one promise the core relies on.
 */
export function describeStoreContract(name: string, open: () => StoreUnderTest | Promise<StoreUnderTest>): void {
  describe(`the store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => subject.close());

    it('gives back a request exactly as it was created', async () => {
      const r = request();
      await subject.store.create(r);
      expect(await subject.store.get(r.id)).toEqual(r);
      expect(await subject.store.get('no-such-id')).toBeUndefined();
    });

    it('moves a request once per state and version: a stale or wrong-state move loses', async () => {
      const r = request();
      await subject.store.create(r);
      const moved = await subject.store.transition(r.id, 'pending', 1, { state: 'confirmed' });
      expect(moved).toMatchObject({ state: 'confirmed', version: 2 });
      expect(await subject.store.transition(r.id, 'pending', 1, { state: 'cancelled' })).toBeUndefined();
      expect(await subject.store.transition(r.id, 'confirmed', 1, { state: 'running' })).toBeUndefined();
      expect((await subject.store.get(r.id))?.state).toBe('confirmed');
    });

    it('lists requests by state', async () => {
      const a = request();
      const b = request();
      await subject.store.create(a);
      await subject.store.create(b);
      await subject.store.transition(b.id, 'pending', 1, { state: 'confirmed' });
      await subject.store.transition(b.id, 'confirmed', 2, { state: 'running' });
      const running = await subject.store.listByState('running' as RequestState);
      expect(running.map((x) => x.id)).toEqual([b.id]);
    });

    it('records card ids and the resubmission link without a new version', async () => {
      const r = request();
      await subject.store.create(r);
      await subject.store.setCardActivityId(r.id, 'activity-1');
      await subject.store.setResubmittedAs(r.id, 'r-next');
      const read = await subject.store.get(r.id);
      expect(read).toMatchObject({ version: 1, cardActivityId: 'activity-1' });
    });

    it("finds a requester's newest request, and nobody else's", async () => {
      const older = request();
      const newer = request();
      const other = request({ requester: { oid: 'oid-b', name: 'B', tenantId: 't' } });
      for (const r of [older, newer, other]) await subject.store.create(r);
      expect((await subject.store.lastByRequester('oid-a'))?.id).toBe(newer.id);
      expect(await subject.store.lastByRequester('oid-nobody')).toBeUndefined();
    });

    it('counts changes on a host: in flight always, finished only when it changed the host inside the window', async () => {
      const inFlight = request();
      const finishedInside = request();
      const finishedBefore = request();
      const otherHost = request({
        operations: [{ intent: 'rdsh.reset_grace_period', targets: ['RDSH02'], params: {} }],
      });
      for (const r of [inFlight, finishedInside, finishedBefore, otherHost]) await subject.store.create(r);
      await subject.store.transition(inFlight.id, 'pending', 1, { state: 'submitted' });
      for (const [r, at] of [
        [finishedInside, '2026-12-01T12:00:00Z'],
        [finishedBefore, '2026-11-01T12:00:00Z'],
      ] as const) {
        await subject.store.transition(r.id, 'pending', 1, { state: 'confirmed' });
        await subject.store.transition(r.id, 'confirmed', 2, { state: 'running' });
        await subject.store.transition(r.id, 'running', 3, {
          state: 'succeeded',
          updatedAt: at,
          outcome: [changed('RDSH01')],
        });
      }
      const found = await subject.store.changesOn('rdsh.reset_grace_period', 'rdsh01', '2026-12-01T00:00:00Z');
      expect(found.map((r) => r.id).sort()).toEqual([inFlight.id, finishedInside.id].sort());
    });

    it('finds the last change that left a backup on a host, however many requests came after it', async () => {
      const target = request();
      await subject.store.create(target);
      await subject.store.transition(target.id, 'pending', 1, { state: 'confirmed' });
      await subject.store.transition(target.id, 'confirmed', 2, { state: 'running' });
      await subject.store.transition(target.id, 'running', 3, { state: 'succeeded', outcome: [changed('RDSH09')] });
      for (let i = 0; i < 520; i += 1) {
        const noise = request();
        await subject.store.create(noise);
        await subject.store.transition(noise.id, 'pending', 1, { state: 'confirmed' });
        await subject.store.transition(noise.id, 'confirmed', 2, { state: 'running' });
        await subject.store.transition(noise.id, 'running', 3, { state: 'succeeded', outcome: [changed('RDSH01')] });
      }
      expect((await subject.store.lastChangeOn(['rdsh09']))?.id).toBe(target.id);
      expect(await subject.store.lastChangeOn(['RDSH77'])).toBeUndefined();
    });

    it('appends audit records as one unbroken chain, and queries them newest first', async () => {
      for (const host of ['RDSH01', 'RDSH02', 'RDSH01'])
        await subject.store.append({ kind: 'request.planned', requestId: 'r', actor: 'a', data: { hosts: [host] } });
      const all = await subject.store.query({ limit: 10 });
      expect(all.map((r) => r.seq)).toEqual([3, 2, 1]);
      expect(verifyChain([...all].reverse()).ok).toBe(true);
      expect((await subject.store.query({ host: 'RDSH02', limit: 10 })).map((r) => r.seq)).toEqual([2]);
      expect((await subject.store.query({ limit: 1 })).map((r) => r.seq)).toEqual([3]);
    });

    it('lists the finished requests whose cards are not updated yet, until they are marked published', async () => {
      const shown = request({ id: 'REQ-SHOWN', state: 'succeeded' });
      const left = request({ id: 'REQ-LEFT', state: 'failed', unpublished: true });
      await subject.store.create(shown);
      await subject.store.create(left);
      expect((await subject.store.listUnpublished()).map((r) => r.id)).toEqual(['REQ-LEFT']);
      await subject.store.markPublished('REQ-LEFT');
      expect(await subject.store.listUnpublished()).toEqual([]);
      expect((await subject.store.get('REQ-LEFT'))?.version).toBe(left.version);
    });

    it("queries one request's audit records only", async () => {
      for (const requestId of ['REQ-A', 'REQ-B', 'REQ-A'])
        await subject.store.append({ kind: 'execution.host_result', requestId, actor: 'bot', data: {} });
      expect((await subject.store.query({ requestId: 'REQ-A', limit: 10 })).map((r) => r.seq)).toEqual([3, 1]);
      expect(await subject.store.query({ requestId: 'REQ-C', limit: 10 })).toEqual([]);
    });

    it('keeps the approvals channel it was given', async () => {
      expect(await subject.store.getApprovalsChannel()).toBeUndefined();
      const channel = { conversation: { id: '19:abc' }, name: 'IT / Approvals', setBy: 'oid-a', setAt: '2026-12-01' };
      await subject.store.setApprovalsChannel(channel);
      expect(await subject.store.getApprovalsChannel()).toEqual(channel);
    });

    it('keeps the alerts channel apart from the approvals channel', async () => {
      expect(await subject.store.getAlertsChannel()).toBeUndefined();
      const approvals = { conversation: { id: '19:abc' }, name: 'IT / Approvals', setBy: 'oid-a', setAt: '2026-12-01' };
      const alerts = { conversation: { id: '19:def' }, name: 'IT / Alerts', setBy: 'oid-a', setAt: '2026-12-02' };
      await subject.store.setApprovalsChannel(approvals);
      await subject.store.setAlertsChannel(alerts);
      expect(await subject.store.getAlertsChannel()).toEqual(alerts);
      expect(await subject.store.getApprovalsChannel()).toEqual(approvals);
    });

    it('keeps requests, settings and the audit chain across a restart', async () => {
      if (!subject.reopen) return;
      const r = request();
      await subject.store.create(r);
      await subject.store.append({ kind: 'request.planned', requestId: r.id, actor: 'a', data: {} });
      const again = await subject.reopen();
      expect(await again.get(r.id)).toEqual(r);
      expect((await again.query({ limit: 5 })).length).toBe(1);
    });
  });
}
