import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { HandoffDesk } from '../../handoff/handoffDesk';
import { readStaffAnswers, staffFields } from '../../requests/readStaffAnswers';
import { isRequestType, REQUEST_DEFINITIONS, type RequestDefinition } from '../../requests/requestTypes';
import type { ConsoleContext } from '../consoleContext';
import { redirect, sendHtml } from '../http/consoleResponses';
import { queryValue } from '../http/readForm';
import { renderMessagePage } from '../views/messagePage';
import { renderNewRequestPage } from '../views/newRequestPage';
import type { ConsoleGuard, SignedInRequest } from './consoleGuard';

const formIdSchema = z.string().uuid();

/**
 * `GET|POST /console/chats/{session}/new-request?type=`: a CSA makes a service request for the resident they are
 * helping, prefilled with the details the resident already gave. It is submitted like the resident's own (stored
 * first, acknowledged, delivered to the CRM), linked to the conversation, and audited.
 */
export function addNewRequestRoutes(server: Server, context: ConsoleContext, guard: ConsoleGuard): void {
  server.get(
    '/console/chats/:sessionId/new-request',
    guard.page(async (req, res, signedIn) => {
      const found = await find(req, res, signedIn);
      if (!found) return;
      const details = found.chat.brief.details;
      const prefilled: Record<string, string | undefined> = {
        name: details.name,
        email: details.email,
        phone: details.phone,
        postcode: details.postcode,
        contactBy: details.email ? 'Email' : details.phone ? 'Phone' : undefined,
      };
      sendHtml(
        res,
        200,
        renderNewRequestPage(signedIn.frame, {
          sessionId: found.sessionId,
          definition: found.definition,
          values: prefilled,
          formId: randomUUID(),
        }),
      );
    }),
  );

  server.post(
    '/console/chats/:sessionId/new-request',
    guard.page(async (req, res, signedIn) => {
      const found = await find(req, res, signedIn);
      if (!found) return;
      const typed = typedFields(req, found.definition);
      const formId = formIdSchema.safeParse(bodyField(req, 'formId'));
      const read = readStaffAnswers(found.definition, typed, context.clock());
      if (!read.ok || !formId.success) {
        const errors = read.ok
          ? [{ message: 'The form had expired: check the answers and send it again.' }]
          : read.errors;
        sendHtml(
          res,
          400,
          renderNewRequestPage(signedIn.frame, {
            sessionId: found.sessionId,
            definition: found.definition,
            values: typed,
            formId: formId.success ? formId.data : randomUUID(),
            errors,
          }),
        );
        return;
      }
      const submitted = await context.requestDesk.submit({
        idempotencyKey: `console/${found.sessionId}/${formId.data}`,
        requestType: found.definition.id,
        conversationId: found.chat.item.conversationId,
        answers: read.answers,
      });
      const { csa } = signedIn.signedIn;
      await found.desk.attachRequest(found.sessionId, csa, submitted.request.reference);
      if (submitted.created) {
        await context.repositories.auditLog.record({
          actor: { kind: csa.role, id: csa.id },
          action: 'serviceRequest.createdByCsa',
          subject: { kind: 'serviceRequest', id: submitted.request.reference },
          details: { requestType: found.definition.id },
        });
      }
      redirect(
        res,
        `/console/chats/${encodeURIComponent(found.sessionId)}?created=${encodeURIComponent(submitted.request.reference)}`,
      );
    }),
  );

  async function find(req: Request, res: Response, { frame }: SignedInRequest) {
    const sessionId = typeof req.params?.sessionId === 'string' ? req.params.sessionId : '';
    const type = queryValue(req, 'type') ?? '';
    const desk: HandoffDesk | undefined = context.desk;
    const chat = desk ? await desk.view(sessionId) : null;
    if (!desk || !chat || !isRequestType(type)) {
      sendHtml(res, 404, renderMessagePage(frame, 'Page not found', 'There is no such chat or kind of request.'));
      return undefined;
    }
    const definition: RequestDefinition = REQUEST_DEFINITIONS[type];
    return { desk, chat, sessionId, definition };
  }
}

function typedFields(req: Request, definition: RequestDefinition): Record<string, string | undefined> {
  return Object.fromEntries(staffFields(definition).map((field) => [field.id, bodyField(req, field.id)]));
}

function bodyField(req: Request, name: string): string | undefined {
  const body: unknown = req.body;
  const value: unknown = body && typeof body === 'object' ? Reflect.get(body, name) : undefined;
  return typeof value === 'string' ? value.slice(0, 2000) : undefined;
}
