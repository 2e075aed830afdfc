import { z } from 'zod';
import type { OutboxSender } from '../requests/senders/sendOutcome';
import type { AnalyticsRepository } from '../storage/repositories/analyticsRepository';
import type { Open311Client } from './open311Client';
import type { Open311Links } from './open311Links';

/** The outbox body of an Open311 delivery: the form's fields (without the key) and when the request was made. */
export const open311BodySchema = z.object({
  fields: z.record(z.string(), z.string()),
  submittedAt: z.string(),
});
export type Open311Body = z.infer<typeof open311BodySchema>;

/**
 * Sends `open311` outbox messages: POSTs the fields to `requests.json`, and on acceptance stores the back office's
 * `service_request_id` (or `token`) against the request's reference, before the outbox marks the message sent. A
 * refusal or an outage is a failed attempt, retried with the outbox's backoff like the webhook.
 */
export function createOpen311Sender(options: {
  client: Open311Client;
  links: Open311Links;
  analytics?: Pick<AnalyticsRepository, 'record'>;
  clock: () => Date;
}): OutboxSender {
  const { client, links } = options;
  return async (message) => {
    const body = open311BodySchema.safeParse(JSON.parse(message.body));
    if (!body.success || !message.requestReference) return { ok: false, problem: 'not an Open311 delivery' };
    const accepted = await client.postRequest(body.data.fields);
    if (!accepted.ok) return { ok: false, problem: accepted.problem };
    const submittedAt = new Date(body.data.submittedAt);
    await links.accepted(message.requestReference, submittedAt, accepted.value);
    await options.analytics?.record({
      kind: 'open311',
      outcome: 'delivered',
      reference: message.requestReference,
      since: submittedAt,
      durationMs: options.clock().getTime() - submittedAt.getTime(),
    });
    return { ok: true };
  };
}
