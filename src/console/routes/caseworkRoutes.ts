import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { CaseworkDesk } from '../../casework/caseworkDesk';
import type { ConsoleContext } from '../consoleContext';
import { redirect, sendHtml } from '../http/consoleResponses';
import { queryValue, readForm } from '../http/readForm';
import { renderCasePage } from '../views/caseworkCasePage';
import { renderCasesPage } from '../views/caseworkCasesPage';
import { renderRaiseCasePage } from '../views/caseworkRaisePage';
import { renderWardPage } from '../views/caseworkWardPage';
import { renderMessagePage } from '../views/messagePage';
import { caseUpdateSchema, newCaseSchema, typedCaseFields } from './caseworkForms';
import type { ConsoleGuard, SignedInRequest } from './consoleGuard';

const councillorOnly = { audience: 'councillor' as const };

/**
 * Councillors' casework under `/console/casework`: `Your cases`, `Raise a case`, one case with `Add an update`, and
 * `Your ward`. Only councillors reach these (staff get 403; councillors get 403 everywhere else), and a councillor
 * only ever sees their own cases: another's reference is "not found".
 */
export function addCaseworkRoutes(
  server: Server,
  context: ConsoleContext,
  guard: ConsoleGuard,
  casework: CaseworkDesk,
): void {
  server.get(
    '/console/casework',
    guard.page(async (_req, res, { signedIn, frame }) => {
      sendHtml(res, 200, renderCasesPage(frame, await casework.casesOf(signedIn.user)));
    }, councillorOnly),
  );

  server.get(
    '/console/casework/new',
    guard.page(
      async (_req, res, signedIn) => sendRaiseForm(res, signedIn, 200, { formId: randomUUID() }),
      councillorOnly,
    ),
  );

  server.post(
    '/console/casework',
    guard.page(async (req, res, signedIn) => {
      const typed = typedCaseFields(req.body);
      const form = readForm(req, newCaseSchema);
      if (!form.ok) {
        await context.repositories.auditLog.record({
          actor: { kind: 'councillor', id: signedIn.signedIn.user._id },
          action: 'memberEnquiry.refused',
          details: { consent: typed.consent === 'yes', problems: form.errors.length },
        });
        sendRaiseForm(res, signedIn, 400, { ...typed, formId: typed.formId ?? randomUUID() }, form.errors);
        return;
      }
      const { value } = form;
      const raised = await casework.raise(signedIn.signedIn.user, {
        idempotencyKey: value.formId,
        constituent: { name: value.constituentName, email: value.email, phone: value.phone, address: value.address },
        serviceArea: value.serviceArea,
        problem: value.problem,
        consent: true,
      });
      if (!raised.ok) {
        sendRaiseForm(res, signedIn, 400, { ...typed, formId: value.formId }, [
          { field: raised.field, message: raised.message },
        ]);
        return;
      }
      redirect(res, `/console/casework/cases/${encodeURIComponent(raised.case.reference)}?raised=1`);
    }, councillorOnly),
  );

  server.get(
    '/console/casework/cases/:caseReference',
    guard.page(async (req, res, signedIn) => {
      const item = await casework.caseOf(signedIn.signedIn.user, referenceOf(req));
      if (!item) return notFound(res, signedIn);
      sendHtml(
        res,
        200,
        renderCasePage(signedIn.frame, {
          item,
          raised: queryValue(req, 'raised') === '1',
          updated: queryValue(req, 'updated') === '1',
        }),
      );
    }, councillorOnly),
  );

  server.post(
    '/console/casework/cases/:caseReference/updates',
    guard.page(async (req, res, signedIn) => {
      const councillor = signedIn.signedIn.user;
      const form = readForm(req, caseUpdateSchema);
      if (!form.ok) {
        const item = await casework.caseOf(councillor, referenceOf(req));
        if (!item) return notFound(res, signedIn);
        const draftUpdate = typedCaseFields(req.body).update;
        sendHtml(res, 400, renderCasePage(signedIn.frame, { item, errors: form.errors, draftUpdate }));
        return;
      }
      const updated = await casework.addUpdate(councillor, referenceOf(req), form.value.update);
      if (!updated) return notFound(res, signedIn);
      redirect(res, `/console/casework/cases/${encodeURIComponent(updated.reference)}?updated=1`);
    }, councillorOnly),
  );

  server.get(
    '/console/casework/ward',
    guard.page(async (_req, res, signedIn) => {
      const summary = await casework.wardSummary(signedIn.signedIn.user);
      if (!summary) {
        sendHtml(
          res,
          404,
          renderMessagePage(signedIn.frame, 'Your ward', 'Your account has no ward. Ask a supervisor to set it.'),
        );
        return;
      }
      const meetingsSite = context.knowledge.current().knowledge.profile.meetingsSite;
      sendHtml(res, 200, renderWardPage(signedIn.frame, { ...summary, meetingsSite }));
    }, councillorOnly),
  );

  function sendRaiseForm(
    res: Response,
    { signedIn, frame }: SignedInRequest,
    status: number,
    values: Record<string, string | undefined> & { formId: string },
    errors: ReadonlyArray<{ field?: string; message: string }> = [],
  ): void {
    sendHtml(
      res,
      status,
      renderRaiseCasePage(frame, {
        serviceAreas: casework.serviceAreas(),
        wardName: casework.wardOfCouncillor(signedIn.user)?.name ?? 'No ward set',
        formId: values.formId,
        values,
        errors,
      }),
    );
  }
}

function notFound(res: Response, { frame }: SignedInRequest): void {
  sendHtml(res, 404, renderMessagePage(frame, 'Page not found', 'You have no case with that reference.'));
}

function referenceOf(req: Request): string {
  const value: unknown = req.params?.caseReference;
  return typeof value === 'string' ? value.slice(0, 40) : '';
}
