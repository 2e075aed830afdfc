import { SIGNATURE_HEADER, signWebhook } from '../webhookSignature';
import type { OutboxSender } from './sendOutcome';

export interface WebhookSenderOptions {
  secret: string;
  /** Give up on an attempt after this long (default 10 s). */
  timeoutMs?: number;
  clock?: () => Date;
}

/**
 * POSTs a webhook message's JSON body to its URL, signed (`X-Council-Signature`, see `signWebhook`) with a fresh
 * timestamp on every attempt, and with `X-Council-Delivery` (the outbox message id: the same on every retry, so the
 * receiver can ignore a delivery it has already processed). Any 2xx is success; anything else, a timeout or a
 * network error is a failed attempt for the outbox to retry.
 */
export function createWebhookSender(options: WebhookSenderOptions): OutboxSender {
  const clock = options.clock ?? (() => new Date());
  return async (message) => {
    const timestamp = Math.floor(clock().getTime() / 1000);
    try {
      const response = await fetch(message.to, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'council-assistant',
          [SIGNATURE_HEADER]: signWebhook(options.secret, timestamp, message.body),
          'X-Council-Delivery': message._id,
          'X-Council-Attempt': String(message.attempts),
        },
        body: message.body,
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? { ok: true } : { ok: false, problem: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, problem: describeNetworkError(error) };
    }
  };
}

/** A short, data-free description (errors may come from another realm, so no `instanceof`). */
function describeNetworkError(error: unknown): string {
  const field = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  if (field(error, 'name') === 'TimeoutError') return 'timed out';
  const code = field(field(error, 'cause'), 'code');
  if (typeof code === 'string') return code;
  const message = field(error, 'message');
  return typeof message === 'string' ? message.slice(0, 200) : 'network error';
}
