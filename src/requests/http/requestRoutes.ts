import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { parseAttachmentPath } from '../../server/http/attachmentUrls';
import type { AttachmentStore } from '../../storage/repositories/attachmentStore';
import type { ServiceRequest } from '../../storage/repositories/requestRepository';
import type { RequestDesk } from '../requestDesk';
import { photoParamsSchema, referenceParamsSchema, statusUpdateSchema } from './requestRouteSchemas';

export interface RequestRoutesOptions {
  desk: RequestDesk;
  attachments: AttachmentStore;
  /** `STAFF_API_KEY`; without it the staff API answers 503. */
  apiKey: string | undefined;
}

/** What a route answers: a status and a JSON body, or a file. */
export type RouteOutcome =
  { status: number; body: Record<string, unknown> } | { status: 200; file: { contentType: string; bytes: Buffer } };

const problem = (status: number, error: string, message: string): RouteOutcome => ({
  status,
  body: { error, message },
});

/**
 * The staff API for service requests, for the council's CRM and back-office tools; every call needs
 * `Authorization: Bearer <STAFF_API_KEY>`:
 * - `GET /api/requests/{reference}`: the request, its details, contact and status history.
 * - `POST /api/requests/{reference}/status` `{ status, note?, by? }`: changes the status (audit-logged).
 * - `GET /api/requests/{reference}/photos/{id}`: a photo the resident uploaded with it.
 */
export function addRequestRoutes(server: Server, options: RequestRoutesOptions): void {
  const route =
    (handle: (req: Request) => Promise<RouteOutcome>) =>
    async (req: Request, res: Response): Promise<void> => {
      const refused = authorize(req.headers.authorization, options.apiKey);
      const outcome = refused ?? (await handle(req));
      if ('file' in outcome) {
        res.writeHead(200, {
          'content-type': outcome.file.contentType,
          'content-length': outcome.file.bytes.length,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(outcome.file.bytes);
        return;
      }
      if (outcome.status === 401) res.header('www-authenticate', 'Bearer');
      res.header('cache-control', 'no-store');
      res.send(outcome.status, outcome.body);
    };

  server.get(
    '/api/requests/:reference',
    route((req) => readRequest(options, req.params)),
  );
  server.post(
    '/api/requests/:reference/status',
    route((req) => updateStatus(options, req.params, req.body)),
  );
  server.get(
    '/api/requests/:reference/photos/:photo',
    route((req) => readPhoto(options, req.params)),
  );
}

/** The outcome of `POST /api/requests/{reference}/status`, for a caller already authorised. */
export async function updateStatus(
  options: Pick<RequestRoutesOptions, 'desk'>,
  params: unknown,
  body: unknown,
): Promise<RouteOutcome> {
  const reference = referenceParamsSchema.safeParse(params);
  if (!reference.success) return problem(404, 'not_found', 'There is no request with that reference.');
  const change = statusUpdateSchema.safeParse(body ?? {});
  if (!change.success) return problem(400, 'bad_request', describe(change.error));
  const outcome = await options.desk.updateStatus({
    reference: reference.data.reference,
    status: change.data.status,
    note: change.data.note,
    actor: { kind: 'operator', id: change.data.by ?? 'staff-api' },
  });
  if (!outcome.ok) return problem(404, 'not_found', 'There is no request with that reference.');
  return { status: 200, body: present(outcome.request) };
}

async function readRequest(options: RequestRoutesOptions, params: unknown): Promise<RouteOutcome> {
  const reference = referenceParamsSchema.safeParse(params);
  const request = reference.success ? await options.desk.findByReference(reference.data.reference) : null;
  return request
    ? { status: 200, body: present(request) }
    : problem(404, 'not_found', 'There is no request with that reference.');
}

async function readPhoto(options: RequestRoutesOptions, params: unknown): Promise<RouteOutcome> {
  const notFound = problem(404, 'not_found', 'There is no such photo.');
  const parsed = photoParamsSchema.safeParse(params);
  if (!parsed.success) return notFound;
  const request = await options.desk.findByReference(parsed.data.reference);
  const upload = (request?.details.photo ?? '')
    .split('\n')
    .map(parseAttachmentPath)
    .find((candidate) => candidate?.attachmentId === parsed.data.photo);
  // Only the request's own conversation's uploads, whatever the stored value says.
  if (!upload || upload.conversationId !== request?.conversationId) return notFound;
  const file = await options.attachments.find(upload.conversationId, upload.attachmentId);
  return file ? { status: 200, file } : notFound;
}

/** A refusal, or undefined when the caller holds the staff API key (compared in constant time). */
function authorize(authorization: string | undefined, apiKey: string | undefined): RouteOutcome | undefined {
  if (!apiKey) return problem(503, 'not_configured', 'The staff API is off: set STAFF_API_KEY to use it.');
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!presented) return problem(401, 'unauthorized', 'Send "Authorization: Bearer <STAFF_API_KEY>".');
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(apiKey))
    ? undefined
    : problem(401, 'unauthorized', 'That API key is not valid.');
}

function present(request: ServiceRequest): Record<string, unknown> {
  return {
    reference: request.reference,
    requestType: request.requestType,
    status: request.status,
    statusHistory: request.statusHistory,
    details: request.details,
    contact: request.contact,
    responseDueBy: request.responseDueBy,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
