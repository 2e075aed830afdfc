import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { actorOf } from '../auth/consoleAccounts';
import type { ConsoleContext } from '../consoleContext';
import { redirect, sendHtml, sendJsonBody, wantsJson } from '../http/consoleResponses';
import { queryValue, readForm } from '../http/readForm';
import type { FieldError } from '../views/components';
import { renderQueuePage, renderQueueContent } from '../views/queuePage';
import type { ConsoleGuard, SignedInRequest } from './consoleGuard';
import { DONE_MESSAGES } from './deskOutcome';

const availabilitySchema = z.object({ availability: z.enum(['available', 'away']) });

/** The queue page, its live-refreshed part, and the CSA's availability. */
export function addQueueRoutes(server: Server, context: ConsoleContext, guard: ConsoleGuard): void {
  server.get(
    '/console',
    guard.page((req, res, signedIn) => sendQueuePage(context, req, res, signedIn, 200)),
  );

  server.get(
    '/console/queue',
    guard.api(async (_req, res, { signedIn, frame }) => {
      const items = context.desk ? await context.desk.queue() : [];
      const body = renderQueueContent(frame, {
        items,
        me: { id: signedIn.user._id, availability: signedIn.user.availability },
        now: context.clock(),
      }).value;
      const waiting = items.filter((item) => item.state === 'queued').length;
      sendHtml(res, 200, body, { 'x-queue-waiting': String(waiting) });
    }),
  );

  server.post(
    '/console/availability',
    guard.page(async (req, res, signedIn) => {
      const form = readForm(req, availabilitySchema);
      if (!form.ok) {
        const message = 'Choose Available or Away';
        if (wantsJson(req)) sendJsonBody(res, 400, { ok: false, message });
        else await sendQueuePage(context, req, res, signedIn, 400, [{ message }]);
        return;
      }
      const { availability } = form.value;
      await context.presence.setAvailability(signedIn.signedIn.user._id, availability);
      await context.repositories.auditLog.record({
        actor: actorOf(signedIn.signedIn.user),
        action: 'csa.availabilityChanged',
        subject: { kind: 'consoleUser', id: signedIn.signedIn.user._id },
        details: { availability },
      });
      if (wantsJson(req)) sendJsonBody(res, 200, { ok: true, availability });
      else redirect(res, `/console?done=${availability}`);
    }),
  );
}

/** Renders the queue page; also used to show a refusal (someone else accepted first). */
export async function sendQueuePage(
  context: ConsoleContext,
  req: Request,
  res: Response,
  { signedIn, frame }: SignedInRequest,
  status: number,
  errors: FieldError[] = [],
): Promise<void> {
  await context.presence.heartbeat(signedIn.user._id);
  const user = (await context.repositories.consoleUsers.findById(signedIn.user._id)) ?? signedIn.user;
  const done = queryValue(req, 'done');
  const doneMessage = done ? DONE_MESSAGES[done] : undefined;
  const [items, availableCount] = context.desk
    ? await Promise.all([context.desk.queue(), context.presence.availableCount()])
    : [undefined, undefined];
  const body = renderQueuePage(frame, {
    items,
    me: { id: user._id, availability: user.availability },
    availableCount,
    now: context.clock(),
    banner: doneMessage ? { kind: 'success', text: doneMessage } : undefined,
    errors,
  });
  sendHtml(res, status, body);
}
