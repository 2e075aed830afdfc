import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { DeskOutcome, HandoffDesk, TranscriptLine } from '../../handoff/handoffDesk';
import type { ConsoleContext } from '../consoleContext';
import { redirect, sendHtml, sendJsonBody, wantsJson } from '../http/consoleResponses';
import { queryValue, readForm } from '../http/readForm';
import { renderChatPage } from '../views/chatPage';
import type { FieldError } from '../views/components';
import { renderMessagePage } from '../views/messagePage';
import type { ConsoleGuard, SignedInRequest } from './consoleGuard';
import { DESK_MISSING_MESSAGE, DONE_MESSAGES, refusalStatus } from './deskOutcome';
import { sendQueuePage } from './queueRoutes';
import { renderBotMarkdown } from '../views/botMarkdown';

/** Direct Line's limit on a message's length: a longer one could not reach the resident. */
const MAX_MESSAGE_LENGTH = 4000;

const messageSchema = z.object({
  text: z
    .string({ error: 'Enter a message' })
    .trim()
    .min(1, 'Enter a message')
    .max(MAX_MESSAGE_LENGTH, `Messages must be ${MAX_MESSAGE_LENGTH} characters or fewer: split it in two`),
});
const noteSchema = z.object({
  text: z
    .string({ error: 'Enter a note' })
    .trim()
    .min(1, 'Enter a note')
    .max(2000, 'Notes must be 2000 characters or fewer'),
});
const articleSchema = z.object({
  articleId: z.string({ error: 'Choose an article' }).min(1, 'Choose an article').max(200),
});
const referenceSchema = z.object({
  reference: z
    .string({ error: 'Enter the service request’s reference' })
    .trim()
    .min(1, 'Enter the service request’s reference')
    .max(40, 'That is too long for a reference'),
});
const transferSchema = z.object({ team: z.string({ error: 'Choose a team' }).min(1, 'Choose a team').max(200) });

type Draft = { message?: string; note?: string; reference?: string };

/**
 * The chat page and every action on it. Each action works as a plain form (redirect after success; the page again,
 * with the CSA's text kept and the problem linked to its field, after a failure) and for the console's script
 * (`Accept: application/json`: the outcome as JSON). Nothing a CSA typed is dropped without being told.
 */
export function addChatRoutes(server: Server, context: ConsoleContext, guard: ConsoleGuard): void {
  type DeskHandler = (req: Request, res: Response, signedIn: SignedInRequest, desk: HandoffDesk) => Promise<void>;

  const withDesk = (handler: DeskHandler) => async (req: Request, res: Response, signedIn: SignedInRequest) => {
    if (!context.desk) {
      if (wantsJson(req)) sendJsonBody(res, 503, { ok: false, message: DESK_MISSING_MESSAGE });
      else sendHtml(res, 503, renderMessagePage(signedIn.frame, 'Handoffs are not available', DESK_MISSING_MESSAGE));
      return;
    }
    await handler(req, res, signedIn, context.desk);
  };

  /**
   * One action of the chat page, the same way for each: read the form with `schema` (a problem goes back to the
   * page, linked to `field`, with what was typed in `draft`), ask the desk with `act`, then answer the script with
   * `json` or the browser with a redirect to `redirectTo`; a refusal from the desk goes back to the page like a
   * problem with the form.
   */
  function formAction<Fields, Value>(action: {
    schema: z.ZodType<Fields>;
    field: string | undefined;
    draft?: (req: Request) => Draft;
    check?: (fields: Fields, desk: HandoffDesk) => FieldError[];
    act: (
      fields: Fields,
      sessionId: string,
      signedIn: SignedInRequest,
      desk: HandoffDesk,
    ) => Promise<DeskOutcome<Value>>;
    json: (value: Value) => Record<string, unknown>;
    redirectTo: (sessionId: string) => string;
  }): DeskHandler {
    return async (req, res, signedIn, desk) => {
      const draft = action.draft?.(req) ?? {};
      const form = readForm(req, action.schema);
      if (!form.ok) return refuse(req, res, signedIn, desk, 400, action.field, form.errors, draft);
      const problems = action.check?.(form.value, desk) ?? [];
      if (problems.length > 0) return refuse(req, res, signedIn, desk, 400, action.field, problems, draft);
      const sessionId = sessionIdOf(req);
      const outcome = await action.act(form.value, sessionId, signedIn, desk);
      if (!outcome.ok) {
        const errors = [{ message: outcome.message }];
        return refuse(req, res, signedIn, desk, refusalStatus(outcome), action.field, errors, draft);
      }
      if (wantsJson(req)) sendJsonBody(res, 200, { ok: true, ...action.json(outcome.value) });
      else redirect(res, action.redirectTo(sessionId));
    };
  }

  const backToChat =
    (done: string, anchor = '') =>
    (sessionId: string) =>
      `/console/chats/${encodeURIComponent(sessionId)}?done=${done}${anchor}`;

  const showChat: DeskHandler = async (req, res, signedIn, desk) => {
    await context.presence.heartbeat(signedIn.signedIn.user._id);
    const canned = Number(queryValue(req, 'canned'));
    const text = Number.isInteger(canned) ? desk.cannedResponses()[canned]?.text : undefined;
    const done = queryValue(req, 'done');
    const created = /^SR-[0-9A-Z]{8}$/.exec(queryValue(req, 'created') ?? '')?.[0];
    const message = created
      ? `Service request ${created} created and linked to this conversation. Tell the resident its reference.`
      : done
        ? DONE_MESSAGES[done]
        : undefined;
    await sendChatPage(req, res, signedIn, desk, 200, {
      draft: text ? { message: text } : undefined,
      banner: message ? { kind: 'success', text: message } : undefined,
    });
  };

  const chatLines: DeskHandler = async (req, res, _signedIn, desk) => {
    const view = await desk.view(sessionIdOf(req));
    if (!view) sendJsonBody(res, 404, { ok: false, message: 'There is no such chat.' });
    else sendJsonBody(res, 200, { ok: true, state: view.item.state, lines: view.transcript.map(lineJson) });
  };

  const acceptChat: DeskHandler = async (req, res, signedIn, desk) => {
    const sessionId = sessionIdOf(req);
    const outcome = await desk.accept(sessionId, signedIn.signedIn.csa);
    if (outcome.ok) {
      if (wantsJson(req)) sendJsonBody(res, 200, { ok: true });
      else redirect(res, `/console/chats/${encodeURIComponent(sessionId)}`);
      return;
    }
    if (wantsJson(req)) sendJsonBody(res, refusalStatus(outcome), { ok: false, message: outcome.message });
    else await sendQueuePage(context, req, res, signedIn, refusalStatus(outcome), [{ message: outcome.message }]);
  };

  const sendMessage = formAction({
    schema: messageSchema,
    field: 'message',
    draft: (req) => ({ message: typedText(req) }),
    act: (form, sessionId, { signedIn }, desk) => desk.sendMessage(sessionId, signedIn.csa, form.text),
    json: (line) => ({ line: lineJson(line) }),
    redirectTo: backToChat('sent', '#message'),
  });

  const sendArticle = formAction({
    schema: articleSchema,
    field: 'articleId',
    act: (form, sessionId, { signedIn }, desk) => desk.sendArticle(sessionId, signedIn.csa, form.articleId),
    json: (line) => ({ line: lineJson(line) }),
    redirectTo: backToChat('article', '#message'),
  });

  const addNote = formAction({
    schema: noteSchema,
    field: 'note',
    draft: (req) => ({ note: typedText(req) }),
    act: (form, sessionId, { signedIn }, desk) => desk.addNote(sessionId, signedIn.csa, form.text),
    json: (note) => ({ note: { at: note.at.toISOString(), csa: note.csa.displayName, text: note.text } }),
    redirectTo: backToChat('note', '#notes-heading'),
  });

  const attachRequest = formAction({
    schema: referenceSchema,
    field: 'reference',
    draft: (req) => ({ reference: typedText(req, 'reference') }),
    act: (form, sessionId, { signedIn }, desk) => desk.attachRequest(sessionId, signedIn.csa, form.reference),
    json: () => ({}),
    redirectTo: backToChat('request'),
  });

  const transferChat = formAction({
    schema: transferSchema,
    field: 'team',
    check: (form, desk) => (desk.teams().includes(form.team) ? [] : [{ message: 'Choose a team from the list' }]),
    act: (form, sessionId, { signedIn }, desk) => desk.transfer(sessionId, signedIn.csa, form.team),
    json: () => ({}),
    redirectTo: () => '/console?done=transferred',
  });

  const endChat = formAction({
    schema: z.unknown(),
    field: undefined,
    act: (_form, sessionId, { signedIn }, desk) => desk.end(sessionId, signedIn.csa),
    json: () => ({}),
    redirectTo: () => '/console?done=ended',
  });

  server.get('/console/chats/:sessionId', guard.page(withDesk(showChat)));
  server.get('/console/chats/:sessionId/lines', guard.api(withDesk(chatLines)));
  server.post('/console/chats/:sessionId/accept', guard.page(withDesk(acceptChat)));
  server.post('/console/chats/:sessionId/messages', guard.page(withDesk(sendMessage)));
  server.post('/console/chats/:sessionId/articles', guard.page(withDesk(sendArticle)));
  server.post('/console/chats/:sessionId/notes', guard.page(withDesk(addNote)));
  server.post('/console/chats/:sessionId/requests', guard.page(withDesk(attachRequest)));
  server.post('/console/chats/:sessionId/transfer', guard.page(withDesk(transferChat)));
  server.post('/console/chats/:sessionId/end', guard.page(withDesk(endChat)));

  /** A refused action: JSON for the script, or the chat page again with the text kept and the error linked. */
  async function refuse(
    req: Request,
    res: Response,
    signedIn: SignedInRequest,
    desk: HandoffDesk,
    status: number,
    field: string | undefined,
    errors: FieldError[],
    draft: Draft,
  ): Promise<void> {
    const linked = errors.map((error) => ({ message: error.message, field }));
    if (wantsJson(req)) {
      sendJsonBody(res, status, { ok: false, field, message: linked.map((error) => error.message).join('. ') });
      return;
    }
    await sendChatPage(req, res, signedIn, desk, status, { errors: linked, draft });
  }

  async function sendChatPage(
    req: Request,
    res: Response,
    { signedIn, frame }: SignedInRequest,
    desk: HandoffDesk,
    status: number,
    extra: Pick<Parameters<typeof renderChatPage>[1], 'draft' | 'errors' | 'banner'>,
  ): Promise<void> {
    const chat = await desk.view(sessionIdOf(req));
    if (!chat) {
      const message = extra.errors?.map((error) => error.message).join(' ') ?? '';
      sendHtml(
        res,
        404,
        renderMessagePage(
          frame,
          'This chat is not available',
          `${message} It may have ended or been transferred.`.trim(),
        ),
      );
      return;
    }
    const articles = context.knowledge
      .current()
      .knowledge.articles.map((article) => ({ id: article.id, title: article.title }))
      .sort((a, b) => a.title.localeCompare(b.title));
    sendHtml(
      res,
      status,
      renderChatPage(frame, {
        chat,
        me: { id: signedIn.user._id },
        now: context.clock(),
        cannedResponses: desk.cannedResponses(),
        teams: desk.teams(),
        articles,
        ...extra,
      }),
    );
  }
}

function sessionIdOf(req: Request): string {
  const value: unknown = req.params?.sessionId;
  return typeof value === 'string' ? value : '';
}

/** What the CSA typed, exactly as sent, to put back in the box after a failure. */
function typedText(req: Request, name = 'text'): string | undefined {
  const body: unknown = req.body;
  const value: unknown = body && typeof body === 'object' ? Reflect.get(body, name) : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A transcript line as the console's script receives it. */
export function lineJson(line: TranscriptLine): Record<string, unknown> {
  return {
    id: line.id,
    at: line.at.toISOString(),
    from: line.from,
    name: line.name,
    text: line.text,
    /** The bot's message rendered as the resident saw it (escaped markdown), for the console's live lines. */
    ...(line.from === 'bot' ? { html: renderBotMarkdown(line.text).value } : {}),
    attachments: line.attachments,
    action: line.action,
  };
}
