import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { csrfTokenFor, isValidCsrfToken } from '../auth/csrfToken';
import { buildCookie, readCookie, sessionCookieName, signInCookieName } from '../auth/sessionCookie';
import type { ConsoleContext } from '../consoleContext';
import { header, redirect, sendHtml } from '../http/consoleResponses';
import { queryValue, readForm } from '../http/readForm';
import type { FieldError } from '../views/components';
import { renderMessagePage } from '../views/messagePage';
import { renderPasswordPage, renderSignInPage } from '../views/signInPages';
import type { ConsoleGuard } from './consoleGuard';

const signInSchema = z.object({
  email: z.string({ error: 'Enter your email address' }).trim().min(1, 'Enter your email address').max(320),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024),
});

const passwordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password'),
    newPassword: z.string({ error: 'Enter a new password' }).min(1, 'Enter a new password'),
    confirmPassword: z.string({ error: 'Confirm your new password' }),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords are not the same',
  });

/** Sign-in (with its own anti-forgery cookie, since there is no session yet), sign-out, and changing one's password. */
export function addSignInRoutes(server: Server, context: ConsoleContext, guard: ConsoleGuard): void {
  server.get('/console/sign-in', async (req: Request, res: Response) => {
    try {
      const token = readCookie(header(req, 'cookie'), sessionCookieName(guard.isSecure(req)));
      if (token && (await context.accounts.authenticate(token))) {
        redirect(res, '/console');
        return;
      }
      const banner =
        queryValue(req, 'signedOut') === '1' ? { kind: 'success' as const, text: 'You have signed out.' } : undefined;
      sendSignInForm(req, res, 200, { banner });
    } catch (error) {
      guard.fail(req, res, error);
    }
  });

  server.post('/console/sign-in', async (req: Request, res: Response) => {
    try {
      if (!guard.checkSite(req)) {
        sendHtml(
          res,
          403,
          renderMessagePage(
            guard.anonymousFrame(),
            'You cannot do this',
            'This request came from another website, so it was refused.',
          ),
        );
        return;
      }
      const formToken = readCookie(header(req, 'cookie'), signInCookieName(guard.isSecure(req)));
      const body: unknown = req.body;
      const presented = body && typeof body === 'object' ? Reflect.get(body, '_csrf') : undefined;
      const emailTyped = body && typeof body === 'object' ? Reflect.get(body, 'email') : undefined;
      const email = typeof emailTyped === 'string' ? emailTyped.slice(0, 320) : undefined;
      if (!formToken || !isValidCsrfToken(formToken, presented)) {
        sendSignInForm(req, res, 403, {
          email,
          errors: [{ message: 'The sign-in form had expired, or your browser is not accepting cookies. Try again.' }],
        });
        return;
      }
      const form = readForm(req, signInSchema);
      if (!form.ok) {
        sendSignInForm(req, res, 400, { email, errors: form.errors });
        return;
      }
      const outcome = await context.accounts.signIn(form.value.email, form.value.password, guard.address(req));
      if (!outcome.ok) {
        if (outcome.reason === 'rateLimited') {
          sendSignInForm(
            req,
            res,
            429,
            {
              email,
              errors: [
                {
                  message: `Too many sign-in attempts from your network. Wait ${outcome.retryAfterSeconds} seconds and try again.`,
                },
              ],
            },
            { 'retry-after': String(outcome.retryAfterSeconds) },
          );
        } else {
          sendSignInForm(req, res, 401, {
            email,
            errors: [{ field: 'email', message: 'Enter a correct email address and password' }],
          });
        }
        return;
      }
      await context.presence.setAvailability(outcome.user._id, 'available');
      const secure = guard.isSecure(req);
      redirect(res, outcome.user.mustChangePassword ? '/console/password' : '/console', {
        'set-cookie': [
          guard.sessionCookie(req, outcome.sessionToken),
          buildCookie(signInCookieName(secure), '', { secure, maxAgeSeconds: 0 }),
        ],
      });
    } catch (error) {
      guard.fail(req, res, error);
    }
  });

  server.post(
    '/console/sign-out',
    guard.page(
      async (req, res, { signedIn }) => {
        await context.presence.setAvailability(signedIn.user._id, 'away');
        await context.accounts.signOut(signedIn);
        redirect(res, '/console/sign-in?signedOut=1', { 'set-cookie': guard.clearSessionCookie(req) });
      },
      { beforePasswordChange: true },
    ),
  );

  server.get(
    '/console/password',
    guard.page(
      async (_req, res, { signedIn, frame }) => {
        sendHtml(res, 200, renderPasswordPage(frame, { mustChange: signedIn.user.mustChangePassword }));
      },
      { beforePasswordChange: true },
    ),
  );

  server.post(
    '/console/password',
    guard.page(
      async (req, res, { signedIn, frame }) => {
        const form = readForm(req, passwordSchema);
        let errors: FieldError[] = form.ok ? [] : form.errors;
        if (form.ok) {
          const changed = await context.accounts.changeOwnPassword(
            signedIn,
            form.value.currentPassword,
            form.value.newPassword,
          );
          if (changed.ok) {
            redirect(res, '/console?done=password', {
              'set-cookie': guard.sessionCookie(req, changed.value.sessionToken),
            });
            return;
          }
          errors = [{ field: changed.field, message: changed.message }];
        }
        sendHtml(res, 400, renderPasswordPage(frame, { mustChange: signedIn.user.mustChangePassword, errors }));
      },
      { beforePasswordChange: true },
    ),
  );

  function sendSignInForm(
    req: Request,
    res: Response,
    status: number,
    form: Omit<Parameters<typeof renderSignInPage>[1], 'csrfToken'>,
    headers: Record<string, string> = {},
  ): void {
    const secure = guard.isSecure(req);
    const formToken = randomBytes(32).toString('base64url');
    sendHtml(res, status, renderSignInPage(guard.anonymousFrame(), { ...form, csrfToken: csrfTokenFor(formToken) }), {
      ...headers,
      'set-cookie': buildCookie(signInCookieName(secure), formToken, { secure, maxAgeSeconds: 3600 }),
    });
  }
}
