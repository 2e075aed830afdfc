import type { Logger } from 'pino';
import type { RequestDesk } from '../requests/requestDesk';
import type { AnalyticsRepository } from '../storage/repositories/analyticsRepository';
import type { Open311Client } from './open311Client';
import type { Open311Links } from './open311Links';

export interface Open311StatusPollerOptions {
  client: Open311Client;
  links: Open311Links;
  requests: Pick<RequestDesk, 'updateStatus'>;
  logger: Logger;
  /** Where deliveries' round trips are counted (no personal data). */
  analytics?: Pick<AnalyticsRepository, 'record'>;
  /** `OPEN311_POLL_SECONDS` in milliseconds. */
  pollMs: number;
  clock: () => Date;
}

/** Ids asked about in one `GET requests.json` (keeps the address well under common URL limits). */
const IDS_PER_CALL = 50;
/** The note a closed request gets when the back office gave none. */
export const CLOSED_WITHOUT_NOTES = 'Closed by the service team';

/**
 * Reads back the status of requests passed over Open311: a token is exchanged for its request id once the back
 * office has one; a request the back office reports `closed` becomes `resolved`, with its `status_notes` as the
 * status note the resident sees in "check my request" and CSAs see in the console. Failures are logged and tried
 * again at the next poll.
 */
export class Open311StatusPoller {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(private readonly options: Open311StatusPollerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.round ??= this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'open311: status poll failed'))
        .finally(() => {
          this.round = undefined;
        });
    }, this.options.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.round;
  }

  /** One poll; resolves with the references resolved in it. */
  async runOnce(): Promise<string[]> {
    const { client, links, logger } = this.options;
    const open = await links.listOpen(500);
    const byId = new Map<string, string>();
    for (const link of open) {
      let id = link.serviceRequestId;
      if (!id && link.token) {
        const resolved = await client.idForToken(link.token);
        if (!resolved.ok) logger.warn({ problem: resolved.problem }, 'open311: token look-up failed');
        else if (resolved.value) {
          id = resolved.value;
          await links.resolveToken(link._id, id);
        }
      }
      if (id) byId.set(id, link._id);
    }
    const resolvedReferences: string[] = [];
    const ids = [...byId.keys()];
    for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
      const batch = ids.slice(start, start + IDS_PER_CALL);
      const statuses = await client.statuses(batch);
      if (!statuses.ok) {
        logger.warn({ problem: statuses.problem }, 'open311: status poll failed; trying again at the next');
        continue;
      }
      await links.polled(batch.flatMap((id) => byId.get(id) ?? []));
      for (const remote of statuses.value) {
        const reference = byId.get(remote.serviceRequestId);
        if (!reference || remote.status !== 'closed') continue;
        if (await this.resolve(reference, remote.notes)) resolvedReferences.push(reference);
      }
    }
    return resolvedReferences;
  }

  private async resolve(reference: string, notes: string | undefined): Promise<boolean> {
    const updated = await this.options.requests.updateStatus({
      reference,
      status: 'resolved',
      note: notes?.trim().slice(0, 1000) || CLOSED_WITHOUT_NOTES,
      actor: { kind: 'system', id: 'open311' },
    });
    const link = await this.options.links.closed(reference);
    if (link?.closedAt) {
      await this.options.analytics?.record({
        kind: 'open311',
        outcome: 'closed',
        reference,
        since: link.submittedAt,
        durationMs: link.closedAt.getTime() - link.submittedAt.getTime(),
      });
    }
    return updated.ok;
  }
}
