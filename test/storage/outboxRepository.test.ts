import { OutboxRepository } from '../../src/storage/repositories/outboxRepository';
import { retryDelay } from '../../src/storage/repositories/retryDelay';
import { DAY } from './support/testClock';
import { describeWithRepositories } from './support/withRepositories';

const confirmation = {
  channel: 'email' as const,
  to: 'Sam.Resident@example.org',
  subject: 'Your missed bin report SR-7K3M9QXA',
  body: 'We have your report.',
  requestReference: 'SR-7K3M9QXA',
};

describeWithRepositories('outbox', (context) => {
  test('a message is claimed by one sender, then marked sent', async () => {
    const { outbox } = context().repositories;
    const { message } = await outbox.enqueue(confirmation);
    expect(message).toMatchObject({ status: 'pending', attempts: 0, to: 'sam.resident@example.org' });
    const [claimed, ...more] = await outbox.claimDue();
    expect(more).toEqual([]);
    expect(claimed).toMatchObject({ _id: message._id, status: 'sending', attempts: 1 });
    expect(await outbox.claimDue()).toEqual([]);
    expect(await outbox.markSent(message._id)).toEqual({ ok: true });
    expect(await outbox.findById(message._id)).toMatchObject({ status: 'sent', sentAt: expect.any(Date) });
    expect(await outbox.markSent(message._id)).toEqual({ ok: false, reason: 'notClaimed' });
  });

  test('concurrent senders never receive the same message', async () => {
    const { outbox } = context().repositories;
    for (let i = 0; i < 12; i++) await outbox.enqueue({ ...confirmation, body: `message ${i}` });
    const batches = await Promise.all([outbox.claimDue(5), outbox.claimDue(5), outbox.claimDue(5)]);
    const ids = batches.flat().map((message) => message._id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  test('a failed send waits with exponential backoff, then is dead-lettered after the last attempt', async () => {
    const { harness, clock } = context();
    const outbox = new OutboxRepository(harness.store(), {
      retentionDays: 90,
      clock: clock.now,
      maxAttempts: 3,
      backoff: { baseMs: 30_000, maxMs: 3_600_000 },
    });
    await outbox.ensureIndexes();
    const { message } = await outbox.enqueue(confirmation);

    await outbox.claimDue();
    const first = await outbox.markFailed(message._id, 'smtp 451');
    expect(first).toEqual({ ok: true, outcome: 'retry', nextAttemptAt: new Date(clock.now().getTime() + 30_000) });
    clock.advance(29_000);
    expect(await outbox.claimDue()).toEqual([]);
    clock.advance(1_000);
    expect(await outbox.claimDue()).toHaveLength(1);

    const second = await outbox.markFailed(message._id, 'smtp 451');
    expect(second).toMatchObject({ outcome: 'retry', nextAttemptAt: new Date(clock.now().getTime() + 60_000) });
    clock.advance(60_000);
    expect(await outbox.claimDue()).toHaveLength(1);

    expect(await outbox.markFailed(message._id, 'smtp 550')).toEqual({ ok: true, outcome: 'deadLettered' });
    clock.advance(DAY);
    expect(await outbox.claimDue()).toEqual([]);
    expect(await outbox.listDeadLetters()).toMatchObject([{ _id: message._id, attempts: 3, lastError: 'smtp 550' }]);

    expect(await outbox.requeue(message._id)).toEqual({ ok: true });
    expect(await outbox.claimDue()).toMatchObject([{ _id: message._id, attempts: 1 }]);
  });

  test('a message whose sender crashed is claimed again once its lease lapses', async () => {
    const { repositories, clock } = context();
    const { outbox } = repositories;
    const { message } = await outbox.enqueue(confirmation);
    await outbox.claimDue();
    clock.advance(59_000);
    expect(await outbox.claimDue()).toEqual([]);
    clock.advance(1_000);
    expect(await outbox.claimDue()).toMatchObject([{ _id: message._id, attempts: 2 }]);
    expect(await outbox.markFailed('not-claimed', 'x')).toEqual({ ok: false, reason: 'notClaimed' });
  });

  test('enqueueing with an idempotency key twice stores one message', async () => {
    const { outbox } = context().repositories;
    const first = await outbox.enqueue({ ...confirmation, idempotencyKey: 'confirm/SR-7K3M9QXA' });
    const second = await outbox.enqueue({ ...confirmation, idempotencyKey: 'confirm/SR-7K3M9QXA' });
    expect(first.enqueued).toBe(true);
    expect(second).toEqual({ enqueued: false, message: first.message });
  });

  test('purgeExpired deletes sent and dead messages past retention, not pending ones', async () => {
    const { repositories, clock } = context();
    const { outbox } = repositories;
    const sent = await outbox.enqueue(confirmation);
    await outbox.claimDue();
    await outbox.markSent(sent.message._id);
    const pending = await outbox.enqueue({ ...confirmation, body: 'later' });
    clock.advance(91 * DAY);
    expect(await outbox.purgeExpired(clock.now())).toBe(1);
    expect(await outbox.findById(sent.message._id)).toBeNull();
    expect(await outbox.findById(pending.message._id)).not.toBeNull();
  });
});

describe('retry delay', () => {
  test('doubles from the base and stops at the cap', () => {
    const backoff = { baseMs: 30_000, maxMs: 3_600_000 };
    expect([1, 2, 3, 4, 8, 9, 50].map((attempts) => retryDelay(attempts, backoff))).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });
});
