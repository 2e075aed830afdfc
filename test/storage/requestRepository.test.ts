import { z } from 'zod';
import { newRequestReference, normaliseReference } from '../../src/storage/repositories/requestReference';
import { OPEN_STATUSES, RequestRepository } from '../../src/storage/repositories/requestRepository';
import { DAY } from './support/testClock';
import { describeWithRepositories } from './support/withRepositories';

const missedBin = {
  requestType: 'missedBin',
  conversationId: 'conv-1',
  details: { binType: 'green', collectionDay: 'Tuesday' },
  contact: { name: 'Sam Resident', email: ' Sam.Resident@Example.org ', address: '1 High Street' },
};

describeWithRepositories('service requests', (context) => {
  test('a resident reports a missed bin: a request with a readable reference, submitted, with its history', async () => {
    const { requests } = context().repositories;
    const outcome = await requests.create({ idempotencyKey: 'conv-1/missedBin/1', ...missedBin });
    expect(outcome.created).toBe(true);
    const { request } = outcome;
    expect(request.reference).toMatch(/^SR-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(request.status).toBe('submitted');
    expect(request.statusHistory).toEqual([{ status: 'submitted', at: request.createdAt, by: 'bot' }]);
    expect(request.contact.email).toBe('sam.resident@example.org');
    expect(await requests.findByReference(request.reference)).toEqual(request);
    expect(await requests.findByReference(request.reference.toLowerCase().replace('-', '- '))).toEqual(request);
  });

  test('submitting twice with the same idempotency key stores one request and returns it both times', async () => {
    const { requests } = context().repositories;
    const first = await requests.create({ idempotencyKey: 'conv-1/missedBin/1', ...missedBin });
    const second = await requests.create({ idempotencyKey: 'conv-1/missedBin/1', ...missedBin });
    expect(second).toEqual({ created: false, request: first.request });
    expect(await requests.listFor({ conversationIds: ['conv-1'] })).toHaveLength(1);
  });

  test('concurrent submissions with one idempotency key still store exactly one request', async () => {
    const { requests } = context().repositories;
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => requests.create({ idempotencyKey: 'double-click', ...missedBin })),
    );
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.request.reference)).size).toBe(1);
  });

  test('a reference that is already taken is replaced by a new one', async () => {
    const { harness, clock } = context();
    const references = ['SR-AAAAAAAA', 'SR-AAAAAAAA', 'SR-BBBBBBBB'];
    const requests = new RequestRepository(harness.store(), {
      retentionDays: 90,
      clock: clock.now,
      newReference: () => references.shift() ?? newRequestReference(),
    });
    await requests.ensureIndexes();
    const first = await requests.create({ idempotencyKey: 'one', ...missedBin });
    const second = await requests.create({ idempotencyKey: 'two', ...missedBin });
    expect([first.request.reference, second.request.reference]).toEqual(['SR-AAAAAAAA', 'SR-BBBBBBBB']);
  });

  test('each status change is appended to the history, in order', async () => {
    const { repositories, clock } = context();
    const { request } = await repositories.requests.create({ idempotencyKey: 'k', ...missedBin });
    clock.advance(60_000);
    await repositories.requests.updateStatus(request.reference, 'forwarded', { by: 'system' });
    clock.advance(60_000);
    const updated = await repositories.requests.updateStatus(request.reference, 'resolved', {
      by: 'csa-1',
      note: 'crew returned',
    });
    expect(updated.ok).toBe(true);
    if (!updated.ok) return;
    expect(updated.request.status).toBe('resolved');
    expect(updated.request.statusHistory.map((change) => [change.status, change.by, change.note])).toEqual([
      ['submitted', 'bot', undefined],
      ['forwarded', 'system', undefined],
      ['resolved', 'csa-1', 'crew returned'],
    ]);
    expect(updated.request.updatedAt).toEqual(clock.now());
    expect(await repositories.requests.updateStatus('SR-NOTTHERE', 'resolved', { by: 'csa-1' })).toEqual({
      ok: false,
      reason: 'notFound',
    });
  });

  test('purgeExpired deletes finished requests past retention and keeps open ones', async () => {
    const { repositories, clock } = context();
    const { requests } = repositories;
    const open = await requests.create({ idempotencyKey: 'open', ...missedBin });
    const resolved = await requests.create({ idempotencyKey: 'resolved', ...missedBin });
    await requests.updateStatus(resolved.request.reference, 'resolved', { by: 'csa-1' });
    clock.advance(91 * DAY);
    const recent = await requests.create({ idempotencyKey: 'recent', ...missedBin });
    await requests.updateStatus(recent.request.reference, 'cancelled', { by: 'bot' });
    expect(await requests.purgeExpired(clock.now())).toBe(1);
    const left = await requests.listFor({ conversationIds: ['conv-1'] });
    expect(left.map((request) => request.reference).sort()).toEqual(
      [open.request.reference, recent.request.reference].sort(),
    );
  });

  test('references are read back as residents type them', () => {
    expect(normaliseReference(' sr-7k3m 9qxa ')).toBe('SR-7K3M9QXA');
    expect(
      z
        .string()
        .regex(/^SR-[0-9A-Z]{8}$/)
        .safeParse(newRequestReference()).success,
    ).toBe(true);
  });

  test('lists for staff by status and type, newest first unless asked', async () => {
    const { repositories, clock } = context();
    const { requests } = repositories;
    const made = [];
    for (const [key, requestType] of [
      ['a', 'callback'],
      ['b', 'missed-bin'],
      ['c', 'callback'],
    ] as const) {
      made.push((await requests.create({ idempotencyKey: key, requestType, details: {}, contact: {} })).request);
      clock.advance(1000);
    }
    await requests.updateStatus(made[2]?.reference ?? '', 'resolved', { by: 'csa-1' });
    expect((await requests.list()).map((request) => request.idempotencyKey)).toEqual(['c', 'b', 'a']);
    const openCallbacks = await requests.list({ requestType: 'callback', statuses: OPEN_STATUSES, oldestFirst: true });
    expect(openCallbacks.map((request) => request.idempotencyKey)).toEqual(['a']);
    expect((await requests.list({ statuses: ['resolved'] })).map((request) => request.idempotencyKey)).toEqual(['c']);
    expect(await requests.list({ limit: 1 })).toHaveLength(1);
  });
});
