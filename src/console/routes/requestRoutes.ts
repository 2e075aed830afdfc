import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { type CallbackWindow, callbackWindowOf } from '../../contactCentre/callbackWindow';
import {
  OPEN_STATUSES,
  REQUEST_STATUSES,
  type RequestStatus,
  type ServiceRequest,
} from '../../storage/repositories/requestRepository';
import { actorOf } from '../auth/consoleAccounts';
import type { ConsoleContext } from '../consoleContext';
import { redirect, sendHtml } from '../http/consoleResponses';
import { queryValue, readForm } from '../http/readForm';
import { renderMessagePage } from '../views/messagePage';
import {
  isSafeguardingFollowUp,
  renderCallbacksPage,
  renderRequestPage,
  renderRequestsPage,
} from '../views/requestsPages';
import type { ConsoleGuard, SignedInRequest } from './consoleGuard';

const statusSchema = z.object({
  status: z.enum(REQUEST_STATUSES, { error: 'Choose a status' }),
  note: z
    .string()
    .trim()
    .max(2000, 'Notes must be 2000 characters or fewer')
    .optional()
    .transform((note) => note || undefined),
});
const outcomeSchema = z.object({
  outcome: z
    .string({ error: 'Enter what happened on the call' })
    .trim()
    .min(1, 'Enter what happened on the call')
    .max(2000, 'Outcomes must be 2000 characters or fewer'),
});

/** The request type the callback dialog makes. */
export const CALLBACK_REQUEST_TYPE = 'callback';

/**
 * Callbacks (open requests of type `callback`, marked done with an outcome) and service requests (filtered list,
 * one request, status updates with a note). Each status change is kept in the request's history with the CSA's id
 * and written to the audit log.
 */
export function addRequestRoutes(server: Server, context: ConsoleContext, guard: ConsoleGuard): void {
  const requests = context.repositories.requests;

  server.get(
    '/console/callbacks',
    guard.page(async (req, res, signedIn) => sendCallbacks(req, res, signedIn, 200, {})),
  );

  server.post(
    '/console/callbacks/:reference/done',
    guard.page(async (req, res, signedIn) => {
      const reference = referenceOf(req);
      const form = readForm(req, outcomeSchema);
      if (!form.ok) {
        const outcome = typed(req, 'outcome') ?? '';
        await sendCallbacks(req, res, signedIn, 400, {
          errors: form.errors.map((error) => ({ field: `outcome-${reference}`, message: error.message })),
          draft: { reference, outcome },
        });
        return;
      }
      const found = await requests.findByReference(reference);
      if (!found || found.requestType !== CALLBACK_REQUEST_TYPE) return notFound(res, signedIn);
      await changeStatus(signedIn, found.reference, 'resolved', form.value.outcome);
      redirect(res, '/console/callbacks?done=1');
    }),
  );

  server.get(
    '/console/requests',
    guard.page(async (req, res, { frame }) => {
      const status = queryValue(req, 'status');
      const type = queryValue(req, 'type');
      const statuses: readonly RequestStatus[] | undefined =
        status === 'all'
          ? undefined
          : REQUEST_STATUSES.find((known) => known === status)
            ? REQUEST_STATUSES.filter((known) => known === status)
            : OPEN_STATUSES;
      const [list, everything] = await Promise.all([
        requests.list({ statuses, requestType: type || undefined }),
        requests.list({ limit: 1000 }),
      ]);
      const types = [...new Set(everything.map((request) => request.requestType))].sort();
      sendHtml(res, 200, renderRequestsPage(frame, { requests: list, filters: { status, type }, types }));
    }),
  );

  server.get(
    '/console/requests/:reference',
    guard.page(async (req, res, signedIn) => {
      const request = await requests.findByReference(referenceOf(req));
      if (!request) return notFound(res, signedIn);
      const done = queryValue(req, 'done') === '1';
      sendHtml(
        res,
        200,
        renderRequestPage(signedIn.frame, request, {
          banner: done ? { kind: 'success', text: 'The status has been updated.' } : undefined,
        }),
      );
    }),
  );

  server.post(
    '/console/requests/:reference/status',
    guard.page(async (req, res, signedIn) => {
      const request = await requests.findByReference(referenceOf(req));
      if (!request) return notFound(res, signedIn);
      const form = readForm(req, statusSchema);
      if (!form.ok) {
        sendHtml(
          res,
          400,
          renderRequestPage(signedIn.frame, request, {
            errors: form.errors,
            draft: { status: typed(req, 'status'), note: typed(req, 'note') },
          }),
        );
        return;
      }
      await changeStatus(signedIn, request.reference, form.value.status, form.value.note);
      redirect(res, `/console/requests/${encodeURIComponent(request.reference)}?done=1`);
    }),
  );

  /** Through the request service, which keeps the history, audits the change and counts it for the figures. */
  async function changeStatus(
    { signedIn }: SignedInRequest,
    reference: string,
    status: RequestStatus,
    note: string | undefined,
  ): Promise<void> {
    const updated = await context.requestDesk.updateStatus({
      reference,
      status,
      note,
      actor: actorOf(signedIn.user),
    });
    if (!updated.ok) throw new Error('the request disappeared while its status was changed');
  }

  async function sendCallbacks(
    req: Request,
    res: Response,
    { frame }: SignedInRequest,
    status: number,
    extra: Pick<Parameters<typeof renderCallbacksPage>[1], 'errors' | 'draft'>,
  ): Promise<void> {
    const listed = await requests.list({
      requestType: CALLBACK_REQUEST_TYPE,
      statuses: OPEN_STATUSES,
      oldestFirst: true,
    });
    // Safeguarding follow-ups first (oldest first among them), then the rest by the time promised to the resident.
    const hours = context.contactCentre.hours(context.knowledge.current().knowledge.profile);
    const windows = new Map<string, CallbackWindow>();
    for (const request of listed) {
      const window = callbackWindowOf(request, hours);
      if (window) windows.set(request.reference, window);
    }
    const promised = (request: ServiceRequest) => windows.get(request.reference)?.start.getTime() ?? Infinity;
    const others = listed.filter((request) => !isSafeguardingFollowUp(request));
    const callbacks = [
      ...listed.filter(isSafeguardingFollowUp),
      ...others.sort((a, b) => promised(a) - promised(b) || a.createdAt.getTime() - b.createdAt.getTime()),
    ];
    const done = queryValue(req, 'done') === '1';
    const briefs = new Map<string, string>();
    for (const callback of callbacks) {
      const sessionId = await context.desk?.sessionForRequest(callback.reference);
      if (sessionId) briefs.set(callback.reference, sessionId);
    }
    sendHtml(
      res,
      status,
      renderCallbacksPage(frame, {
        callbacks,
        briefs,
        windows,
        banner: done ? { kind: 'success', text: 'The callback is marked done.' } : undefined,
        ...extra,
      }),
    );
  }
}

function notFound(res: Response, { frame }: SignedInRequest): void {
  sendHtml(res, 404, renderMessagePage(frame, 'Page not found', 'There is no service request with that reference.'));
}

function referenceOf(req: Request): string {
  const value: unknown = req.params?.reference;
  return typeof value === 'string' ? value.slice(0, 40) : '';
}

function typed(req: Request, name: string): string | undefined {
  const body: unknown = req.body;
  const value: unknown = body && typeof body === 'object' ? Reflect.get(body, name) : undefined;
  return typeof value === 'string' ? value : undefined;
}
