import type { Request, Server } from 'restify';
import { z } from 'zod';
import { CONSOLE_ROLES } from '../../storage/repositories/consoleUserRepository';
import type { ConsoleContext } from '../consoleContext';
import { redirect, sendHtml } from '../http/consoleResponses';
import { queryValue, readForm } from '../http/readForm';
import { renderMessagePage } from '../views/messagePage';
import { renderNewUserPage, renderOneTimePasswordPage, renderUserPage, renderUsersPage } from '../views/usersPages';
import type { ConsoleGuard, SignedInRequest } from './consoleGuard';

const optionalPassword = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value));

const newUserSchema = z.object({
  displayName: z
    .string({ error: 'Enter their name' })
    .trim()
    .min(1, 'Enter their name')
    .max(100, 'Names must be 100 characters or fewer'),
  email: z
    .string({ error: 'Enter their email address' })
    .trim()
    .pipe(z.email('Enter an email address in the correct format, like name@council.gov.uk')),
  role: z.enum(CONSOLE_ROLES, { error: 'Choose CSA, supervisor or councillor' }),
  wardId: z
    .string()
    .max(80)
    .optional()
    .transform((value) => value || undefined),
  password: optionalPassword,
});
const roleSchema = z.object({ role: z.enum(CONSOLE_ROLES, { error: 'Choose CSA or supervisor' }) });
const resetSchema = z.object({ password: optionalPassword });

const USER_DONE: Record<string, string> = {
  role: 'The role has been changed.',
  disabled: 'The account has been disabled and signed out everywhere.',
  enabled: 'The account has been enabled.',
};

/** Supervisors' account management; every route refuses CSAs with 403. */
export function addUserRoutes(server: Server, context: ConsoleContext, guard: ConsoleGuard): void {
  const supervisor = { role: 'supervisor' as const };
  const { accounts } = context;
  const wards = () => context.knowledge.current().knowledge.wards;

  server.get(
    '/console/users',
    guard.page(async (_req, res, { frame }) => {
      sendHtml(res, 200, renderUsersPage(frame, await accounts.list()));
    }, supervisor),
  );

  server.get(
    '/console/users/new',
    guard.page(async (_req, res, { frame }) => {
      sendHtml(res, 200, renderNewUserPage(frame, { wards: wards() }));
    }, supervisor),
  );

  server.post(
    '/console/users',
    guard.page(async (req, res, { signedIn, frame }) => {
      const form = readForm(req, newUserSchema);
      const typed = { ...typedFields(req), wards: wards() };
      if (!form.ok) {
        sendHtml(res, 400, renderNewUserPage(frame, { ...typed, errors: form.errors }));
        return;
      }
      const wardProblem = councillorWardProblem(form.value, context.knowledge.current().knowledge.wardById);
      if (wardProblem) {
        sendHtml(res, 400, renderNewUserPage(frame, { ...typed, errors: [{ field: 'wardId', message: wardProblem }] }));
        return;
      }
      const created = await accounts.create(signedIn.user, form.value);
      if (!created.ok) {
        sendHtml(
          res,
          400,
          renderNewUserPage(frame, { ...typed, errors: [{ field: created.field, message: created.message }] }),
        );
        return;
      }
      sendHtml(res, 201, renderOneTimePasswordPage(frame, { ...created.value, created: true }));
    }, supervisor),
  );

  server.get(
    '/console/users/:userId',
    guard.page(async (req, res, signedIn) => {
      const user = await accounts.find(userIdOf(req));
      if (!user) return notFound(res, signedIn);
      const done = queryValue(req, 'done');
      const message = done ? USER_DONE[done] : undefined;
      sendHtml(
        res,
        200,
        renderUserPage(signedIn.frame, user, {
          me: signedIn.signedIn.user._id,
          banner: message ? { kind: 'success', text: message } : undefined,
          wardName: user.wardId ? context.knowledge.current().knowledge.wardById.get(user.wardId)?.name : undefined,
        }),
      );
    }, supervisor),
  );

  server.post(
    '/console/users/:userId/role',
    guard.page(async (req, res, signedIn) => {
      const form = readForm(req, roleSchema);
      const outcome = form.ok
        ? await accounts.setRole(signedIn.signedIn.user, userIdOf(req), form.value.role)
        : { ok: false as const, field: 'role', message: form.errors[0]?.message ?? 'Choose CSA or supervisor' };
      await afterChange(req, res, signedIn, outcome, 'role');
    }, supervisor),
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    server.post(
      `/console/users/:userId/${path}`,
      guard.page(async (req, res, signedIn) => {
        const outcome = await accounts.setDisabled(signedIn.signedIn.user, userIdOf(req), disabled);
        await afterChange(req, res, signedIn, outcome, disabled ? 'disabled' : 'enabled');
      }, supervisor),
    );
  }

  server.post(
    '/console/users/:userId/password',
    guard.page(async (req, res, signedIn) => {
      const form = readForm(req, resetSchema);
      if (!form.ok) {
        // A password that is not text is a tampered form: never fall back to a generated one.
        await afterChange(
          req,
          res,
          signedIn,
          { ok: false, field: 'password', message: 'Enter the password as text' },
          '',
        );
        return;
      }
      const reset = await accounts.resetPassword(signedIn.signedIn.user, userIdOf(req), form.value.password);
      if (reset.ok) {
        sendHtml(res, 200, renderOneTimePasswordPage(signedIn.frame, { ...reset.value, created: false }));
        return;
      }
      await afterChange(req, res, signedIn, reset, 'password');
    }, supervisor),
  );

  async function afterChange(
    req: Request,
    res: Parameters<Parameters<typeof guard.page>[0]>[1],
    signedIn: SignedInRequest,
    outcome: { ok: true } | { ok: false; field?: string; message: string },
    done: string,
  ): Promise<void> {
    const id = userIdOf(req);
    if (outcome.ok) {
      redirect(res, `/console/users/${encodeURIComponent(id)}?done=${done}`);
      return;
    }
    const user = await accounts.find(id);
    if (!user) return notFound(res, signedIn);
    sendHtml(
      res,
      400,
      renderUserPage(signedIn.frame, user, {
        me: signedIn.signedIn.user._id,
        errors: [{ field: outcome.field, message: outcome.message }],
      }),
    );
  }

  function notFound(res: Parameters<Parameters<typeof guard.page>[0]>[1], signedIn: SignedInRequest): void {
    sendHtml(res, 404, renderMessagePage(signedIn.frame, 'Page not found', 'There is no such account.'));
  }
}

function userIdOf(req: Request): string {
  const value: unknown = req.params?.userId;
  return typeof value === 'string' ? value : '';
}

/** A councillor needs a ward that is in the ward data; staff need none. */
function councillorWardProblem(
  form: { role: string; wardId?: string },
  wardById: ReadonlyMap<string, unknown>,
): string | undefined {
  if (form.role !== 'councillor') return undefined;
  if (!form.wardId) return 'Choose the councillor’s ward';
  return wardById.has(form.wardId) ? undefined : 'Choose one of the wards listed';
}

function typedFields(req: Request): { displayName?: string; email?: string; role?: string; wardId?: string } {
  const body: unknown = req.body;
  const field = (name: string) => {
    const value: unknown = body && typeof body === 'object' ? Reflect.get(body, name) : undefined;
    return typeof value === 'string' ? value.slice(0, 320) : undefined;
  };
  return { displayName: field('displayName'), email: field('email'), role: field('role'), wardId: field('wardId') };
}
