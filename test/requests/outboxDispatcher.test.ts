import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { OutboxDispatcher } from '../../src/requests/outboxDispatcher';
import { createEmailSender } from '../../src/requests/senders/emailSender';
import { createWebhookSender } from '../../src/requests/senders/webhookSender';
import { verifyWebhookSignature } from '../../src/requests/webhookSignature';
import { OutboxRepository } from '../../src/storage/repositories/outboxRepository';
import { silentLogger } from '../support/testBot';
import { describeWithRepositories } from '../storage/support/withRepositories';

const SECRET = 'crm-secret-used-only-by-this-test-0123456789';

/** A stand-in for the council's CRM: answers each delivery with the next status in `script`, then 200. */
async function startCrm(script: number[]) {
  const received: { body: string; signature: string | undefined; delivery: string | undefined }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      received.push({
        body,
        signature: req.headers['x-council-signature']?.toString(),
        delivery: req.headers['x-council-delivery']?.toString(),
      });
      // Not chained: restify, loaded by other tests in the same worker, patches writeHead to return nothing.
      res.writeHead(script.shift() ?? 200);
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/crm/requests`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeWithRepositories('the outbox dispatcher', (context) => {
  test('a CRM delivery fails, is retried with backoff, then succeeds, signed the same way every time', async () => {
    const { harness, clock } = context();
    const crm = await startCrm([503, 500]);
    try {
      const outbox = new OutboxRepository(harness.store(), {
        retentionDays: 90,
        clock: clock.now,
        maxAttempts: 5,
        backoff: { baseMs: 30_000, maxMs: 3_600_000 },
      });
      const sent: string[] = [];
      const dispatcher = new OutboxDispatcher({
        outbox,
        senders: { webhook: createWebhookSender({ secret: SECRET, clock: clock.now }) },
        logger: silentLogger,
        onSent: async (message) => {
          sent.push(message.requestReference ?? '');
        },
      });
      const body = JSON.stringify({ event: 'serviceRequest.submitted', request: { reference: 'SR-7K3M9QXA' } });
      const { message } = await outbox.enqueue({
        channel: 'webhook',
        to: crm.url,
        body,
        requestReference: 'SR-7K3M9QXA',
        idempotencyKey: 'crm:SR-7K3M9QXA',
      });

      expect(await dispatcher.runOnce()).toBe(1);
      expect(await outbox.findById(message._id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'HTTP 503',
      });
      expect(await dispatcher.runOnce()).toBe(0);
      clock.advance(30_000);
      await dispatcher.runOnce();
      expect(await outbox.findById(message._id)).toMatchObject({
        status: 'pending',
        attempts: 2,
        lastError: 'HTTP 500',
      });
      clock.advance(59_000);
      expect(await dispatcher.runOnce()).toBe(0);
      clock.advance(1_000);
      await dispatcher.runOnce();
      expect(await outbox.findById(message._id)).toMatchObject({ status: 'sent', attempts: 3 });
      expect(sent).toEqual(['SR-7K3M9QXA']);

      expect(crm.received).toHaveLength(3);
      for (const delivery of crm.received) {
        expect(delivery.body).toBe(body);
        expect(delivery.delivery).toBe('crm:SR-7K3M9QXA');
        const now = Math.floor(clock.now().getTime() / 1000);
        expect(verifyWebhookSignature(SECRET, delivery.signature, delivery.body, now)).toEqual({ ok: true });
      }
    } finally {
      await crm.close();
    }
  });

  test('a CRM that stays down: dead-lettered after the last attempt, kept in the store, and re-queueable', async () => {
    const { harness, clock } = context();
    const crm = await startCrm([500, 500, 500]);
    try {
      const outbox = new OutboxRepository(harness.store(), {
        retentionDays: 90,
        clock: clock.now,
        maxAttempts: 3,
        backoff: { baseMs: 1_000, maxMs: 10_000 },
      });
      const dispatcher = new OutboxDispatcher({
        outbox,
        senders: { webhook: createWebhookSender({ secret: SECRET, clock: clock.now }) },
        logger: silentLogger,
      });
      const { message } = await outbox.enqueue({
        channel: 'webhook',
        to: crm.url,
        body: '{}',
        requestReference: 'SR-1',
      });
      for (let round = 0; round < 3; round++) {
        await dispatcher.runOnce();
        clock.advance(10_000);
      }
      expect(await outbox.findById(message._id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'HTTP 500' });
      expect((await outbox.listDeadLetters()).map((dead) => dead._id)).toEqual([message._id]);
      expect(await dispatcher.runOnce()).toBe(0);

      expect(await outbox.requeue(message._id)).toEqual({ ok: true });
      await dispatcher.runOnce();
      expect(await outbox.findById(message._id)).toMatchObject({ status: 'sent' });
      expect(crm.received).toHaveLength(4);
    } finally {
      await crm.close();
    }
  });

  test('a CRM that cannot be reached counts as a failed attempt, and nothing is lost', async () => {
    const { harness, clock } = context();
    const outbox = new OutboxRepository(harness.store(), { retentionDays: 90, clock: clock.now });
    const dispatcher = new OutboxDispatcher({
      outbox,
      senders: { webhook: createWebhookSender({ secret: SECRET, clock: clock.now, timeoutMs: 2_000 }) },
      logger: silentLogger,
    });
    const { message } = await outbox.enqueue({ channel: 'webhook', to: 'http://127.0.0.1:9/crm', body: '{}' });
    await dispatcher.runOnce();
    expect(await outbox.findById(message._id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await outbox.findById(message._id))?.lastError).toMatch(/ECONNREFUSED|fetch failed/);
  });

  test('emails go out through SMTP; without a mail server they stay in the outbox', async () => {
    const { repositories } = context();
    const mails: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          mails.push(data);
          callback();
        });
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    const { port } = smtp.server.address() as AddressInfo;
    const sender = createEmailSender({
      host: '127.0.0.1',
      port,
      secure: false,
      from: 'Eastmere <no-reply@eastmere.example>',
    });
    try {
      const { message } = await repositories.outbox.enqueue({
        channel: 'email',
        to: 'Sam@Example.org',
        subject: 'Your missed bin collection request SR-7K3M9QXA',
        body: 'Your reference: SR-7K3M9QXA',
        idempotencyKey: 'acknowledgement:SR-7K3M9QXA',
      });
      const withoutSmtp = new OutboxDispatcher({ outbox: repositories.outbox, senders: {}, logger: silentLogger });
      expect(await withoutSmtp.runOnce()).toBe(0);
      expect(await repositories.outbox.findById(message._id)).toMatchObject({ status: 'pending', attempts: 0 });

      const withSmtp = new OutboxDispatcher({
        outbox: repositories.outbox,
        senders: { email: sender.send },
        logger: silentLogger,
      });
      expect(await withSmtp.runOnce()).toBe(1);
      expect(await repositories.outbox.findById(message._id)).toMatchObject({ status: 'sent' });
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatch(/To: sam@example\.org/);
      expect(mails[0]).toMatch(/Subject: Your missed bin collection request SR-7K3M9QXA/);
      expect(mails[0]).toMatch(/Your reference: SR-7K3M9QXA/);
    } finally {
      sender.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
