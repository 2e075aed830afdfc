import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { parse as parseYaml } from 'yaml';
import type { KnowledgeProblem } from '../knowledge/knowledgeBase';
import type { AddressLookup } from '../places/addressLookup';
import type { RequestDefinition } from '../requests/requestTypes';
import type { OutboxSender } from '../requests/senders/sendOutcome';
import type { DocumentStore } from '../storage/documentStore';
import type { AnalyticsRepository } from '../storage/repositories/analyticsRepository';
import type { ServiceRequest } from '../storage/repositories/requestRepository';
import { Open311Client, type Open311Settings } from './open311Client';
import { Open311Links } from './open311Links';
import { open311RequestFields } from './open311RequestFields';
import { serviceCodesSchema } from './open311Schemas';
import { type Open311Body, createOpen311Sender } from './open311Sender';
import { Open311StatusPoller, type Open311StatusPollerOptions } from './open311StatusPoller';

export const SERVICE_CODES_FILE = 'open311.yaml';

/** Open311 wired up: the outbox sender, the delivery the request desk queues, and the status poller to start. */
export interface Open311Connection {
  client: Open311Client;
  links: Open311Links;
  sender: OutboxSender;
  delivery: (
    request: ServiceRequest,
    definition: RequestDefinition,
  ) => Promise<{ to: string; body: string } | undefined>;
  poller: (requests: Open311StatusPollerOptions['requests']) => Open311StatusPoller;
}

/**
 * Connects to the back office at start: reads the service codes (`knowledge/open311.yaml`), then `GET services.json`;
 * a request type mapped to a code the back office does not list is a start-up problem naming both. A back office that
 * cannot be reached at start is logged, not fatal: deliveries wait in the outbox and are retried.
 */
export async function startOpen311(input: {
  settings: Open311Settings;
  pollSeconds: number;
  knowledgeDir: string;
  store: DocumentStore;
  addresses: AddressLookup;
  photoUrl: (contentUrl: string, reference: string) => string;
  analytics?: Pick<AnalyticsRepository, 'record'>;
  logger: Logger;
  clock: () => Date;
}): Promise<{ ok: true; open311: Open311Connection } | { ok: false; problems: KnowledgeProblem[] }> {
  const codes = await readServiceCodes(input.knowledgeDir);
  if (!codes.ok) return { ok: false, problems: codes.problems };
  const client = new Open311Client(input.settings);
  const services = await client.services();
  if (!services.ok) {
    input.logger.error({ problem: services.problem }, 'open311: services.json could not be read; codes not checked');
  } else {
    const known = new Set(services.value);
    const problems = Object.entries(codes.serviceCodes)
      .filter(([, code]) => code !== undefined && !known.has(code))
      .map(([requestType, code]) => ({
        file: SERVICE_CODES_FILE,
        problem: `request type "${requestType}" maps to service code "${code}", which the back office's services.json does not list`,
      }));
    if (problems.length > 0) return { ok: false, problems };
  }
  const links = new Open311Links(input.store, input.clock);
  await links.ensureIndexes();
  const delivery: Open311Connection['delivery'] = async (request, definition) => {
    const serviceCode = codes.serviceCodes[request.requestType];
    if (!serviceCode) return undefined;
    const uprn = request.details.uprn;
    const found = uprn ? await input.addresses.findByUprn(uprn) : undefined;
    const fields = open311RequestFields({
      request,
      definition,
      serviceCode,
      photoUrl: input.photoUrl,
      address: found?.ok ? found.address : undefined,
    });
    const body: Open311Body = { fields, submittedAt: request.createdAt.toISOString() };
    return { to: client.url('requests.json'), body: JSON.stringify(body) };
  };
  return {
    ok: true,
    open311: {
      client,
      links,
      sender: createOpen311Sender({ client, links, analytics: input.analytics, clock: input.clock }),
      delivery,
      poller: (requests) =>
        new Open311StatusPoller({
          client,
          links,
          requests,
          logger: input.logger,
          analytics: input.analytics,
          pollMs: input.pollSeconds * 1000,
          clock: input.clock,
        }),
    },
  };
}

async function readServiceCodes(
  dir: string,
): Promise<{ ok: true; serviceCodes: Partial<Record<string, string>> } | { ok: false; problems: KnowledgeProblem[] }> {
  let data: unknown;
  try {
    data = parseYaml(await readFile(path.join(dir, SERVICE_CODES_FILE), 'utf8'));
  } catch (error) {
    const problem = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return {
      ok: false,
      problems: [{ file: SERVICE_CODES_FILE, problem: `is needed with OPEN311_ENDPOINT: ${problem}` }],
    };
  }
  const parsed = serviceCodesSchema.safeParse(data);
  if (parsed.success) return { ok: true, serviceCodes: parsed.data.serviceCodes };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      file: SERVICE_CODES_FILE,
      problem: `${issue.path.join('.') || 'file'}: ${issue.message}`,
    })),
  };
}
