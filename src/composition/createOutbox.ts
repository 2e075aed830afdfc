import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { OutboxDispatcher } from '../requests/outboxDispatcher';
import type { RequestDesk } from '../requests/requestDesk';
import { createEmailSender } from '../requests/senders/emailSender';
import type { OutboxSender } from '../requests/senders/sendOutcome';
import { createWebhookSender } from '../requests/senders/webhookSender';
import type { Repositories } from '../storage/repositories/openRepositories';

/** The outbox's dispatcher and the SMTP connection it sends through (closed when the app stops). */
export interface Outbox {
  dispatcher: OutboxDispatcher;
  /** Closes the SMTP connection, when there is one. */
  closeSenders(): void;
}

/**
 * The outbox dispatcher with a sender for each configured channel: email (SMTP), the signed CRM webhook and Open311.
 * A channel without a sender keeps its messages waiting, never drops them. `requests` is asked lazily: the request
 * desk is built with a hook that wakes this dispatcher.
 */
export function createOutbox(
  config: Config,
  parts: {
    repositories: Pick<Repositories, 'outbox'>;
    requests: () => Pick<RequestDesk, 'queueMissingDeliveries' | 'markForwarded'>;
    open311Sender?: OutboxSender;
    pollMs?: number;
    logger: Logger;
    clock: () => Date;
  },
): Outbox {
  const senders: { email?: OutboxSender; webhook?: OutboxSender; open311?: OutboxSender } = {
    open311: parts.open311Sender,
  };
  const smtp = config.SMTP_HOST
    ? createEmailSender({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        user: config.SMTP_USER,
        password: config.SMTP_PASSWORD,
        from: config.SMTP_FROM ?? '',
      })
    : undefined;
  if (smtp) senders.email = smtp.send;
  if (config.CRM_WEBHOOK_URL && config.CRM_WEBHOOK_SECRET) {
    senders.webhook = createWebhookSender({ secret: config.CRM_WEBHOOK_SECRET, clock: parts.clock });
  }
  const dispatcher = new OutboxDispatcher({
    outbox: parts.repositories.outbox,
    senders,
    logger: parts.logger,
    pollMs: parts.pollMs,
    beforeRound: async () => {
      await parts.requests().queueMissingDeliveries();
    },
    onSent: async (message) => {
      if ((message.channel === 'webhook' || message.channel === 'open311') && message.requestReference)
        await parts.requests().markForwarded(message.requestReference);
    },
  });
  return { dispatcher, closeSenders: () => smtp?.close() };
}
