import type { Server } from 'restify';
import { z } from 'zod';
import { parseDataSubject } from '../../storage/personalData/dataSubject';
import type { ConsoleContext } from '../consoleContext';
import { sendHtml } from '../http/consoleResponses';
import { readForm } from '../http/readForm';
import { renderErasedPage, renderPersonalDataPage } from '../views/personalDataPage';
import { actorOf } from '../auth/consoleAccounts';
import type { ConsoleGuard } from './consoleGuard';

const identifierSchema = z.object({
  identifier: z.string({ error: 'Enter a conversation id or an email address' }).trim().max(512),
});

/**
 * Supervisors' export and erasure of a resident's data while the server runs (the same as `npm run data`), each
 * audited. Absent when the app gives no `personalData` service.
 */
export function addPersonalDataRoutes(server: Server, context: ConsoleContext, guard: ConsoleGuard): void {
  const { personalData } = context;
  if (!personalData) return;
  const supervisor = { role: 'supervisor' as const };

  server.get(
    '/console/data',
    guard.page(async (_req, res, { frame }) => {
      sendHtml(res, 200, renderPersonalDataPage(frame));
    }, supervisor),
  );

  server.post(
    '/console/data/export',
    guard.page(async (req, res, { signedIn, frame }) => {
      const subject = readSubject(req);
      if (!subject.ok) {
        sendHtml(res, 400, renderPersonalDataPage(frame, subject.form));
        return;
      }
      const data = await personalData.export(subject.value);
      await context.repositories.auditLog.record({
        actor: actorOf(signedIn.user),
        action: 'personalData.exported',
        details: { identifier: subject.value.kind },
      });
      const body = JSON.stringify(data, null, 2);
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': 'attachment; filename="personal-data.json"',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    }, supervisor),
  );

  server.post(
    '/console/data/erase',
    guard.page(async (req, res, { signedIn, frame }) => {
      const subject = readSubject(req);
      if (!subject.ok) {
        sendHtml(res, 400, renderPersonalDataPage(frame, subject.form));
        return;
      }
      const summary = await personalData.erase(subject.value, actorOf(signedIn.user));
      sendHtml(res, 200, renderErasedPage(frame, summary.erasureId, summary.deleted));
    }, supervisor),
  );

  function readSubject(req: Parameters<typeof readForm>[0]) {
    const form = readForm(req, identifierSchema);
    if (!form.ok) return { ok: false as const, form: { errors: form.errors } };
    const parsed = parseDataSubject(form.value.identifier);
    if (!parsed.ok)
      return {
        ok: false as const,
        form: { identifier: form.value.identifier, errors: [{ field: 'identifier', message: parsed.problem }] },
      };
    return { ok: true as const, value: parsed.subject };
  }
}
