import type { OutboxMessage } from '../../storage/repositories/outboxRepository';

/** How one attempt went; `problem` is a code or short description, never the message's content. */
export type SendOutcome = { ok: true } | { ok: false; problem: string };

/** Sends one outbox message of its channel. Expected failures are outcomes; it rejects only on a bug. */
export type OutboxSender = (message: OutboxMessage) => Promise<SendOutcome>;
