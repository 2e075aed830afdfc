import type { Request, Response } from 'restify';
import type { ConsoleRole } from '../../storage/repositories/consoleUserRepository';
import { clientAddress, requestOrigin } from '../../server/http/requestOrigin';
import type { SignedIn } from '../auth/consoleAccounts';
import { csrfTokenFor, isValidCsrfToken } from '../auth/csrfToken';
import { checkRequestSite, originOf } from '../auth/requestSite';
import { buildCookie, readCookie, sessionCookieName } from '../auth/sessionCookie';
import type { ConsoleContext } from '../consoleContext';
import { loggablePath } from '../../privacy/loggablePath';
import type { Refusal, RefusalResponse } from '../../server/http/refusal';
import { CONSOLE_PAGE_HEADERS, header, redirect, sendHtml, sendJsonBody, wantsJson } from '../http/consoleResponses';
import type { PageFrame } from '../views/layout';
import { renderMessagePage } from '../views/messagePage';

/** A request from a signed-in user, with what pages need to render for them. */
export interface SignedInRequest {
  signedIn: SignedIn;
  csrfToken: string;
  frame: PageFrame;
}

type SignedInHandler = (req: Request, res: Response, signedIn: SignedInRequest) => Promise<void>;
type RestifyHandler = (req: Request, res: Response) => Promise<void>;

export interface GuardOptions {
  /** Only this role may use it (supervisors' functions); others get 403. */
  role?: ConsoleRole;
  /** Allowed while the user must still choose a new password (the password page itself, signing out). */
  beforePasswordChange?: boolean;
  /**
   * Who may use it: `staff` (CSAs and supervisors: the default, so every route is closed to councillors unless it
   * says otherwise), `councillor` (casework: closed to staff, who never act as a councillor), or `everyone` (one's
   * own password, signing out). Routes allowed before a password change default to `everyone`.
   */
  audience?: 'staff' | 'councillor' | 'everyone';
}

/** Where a councillor's console starts. */
export const COUNCILLOR_HOME = '/console/casework';

/**
 * Wraps every console handler: no session means a redirect to the sign-in page (pages and forms) or 401 (the
 * script's requests and the live stream); state-changing requests must come from this site and carry the session's
 * CSRF token; supervisors' functions refuse CSAs with 403. Unexpected errors become a 500 page and a log line.
 */
export class ConsoleGuard {
  constructor(private readonly context: ConsoleContext) {}

  /** A page or a form's target (redirects to sign-in when signed out). */
  page(handler: SignedInHandler, options: GuardOptions = {}): RestifyHandler {
    return this.wrap('page', handler, options);
  }

  /** A request only the console's script makes (JSON or the event stream): 401 when signed out. */
  api(handler: SignedInHandler, options: GuardOptions = {}): RestifyHandler {
    return this.wrap('api', handler, options);
  }

  /** True when the browser reached the console over https (or it is configured to be), so cookies are Secure. */
  isSecure(req: Request): boolean {
    if (this.context.config.PUBLIC_URL?.startsWith('https:')) return true;
    return requestOrigin(req, undefined, this.context.config.TRUST_PROXY).http.startsWith('https:');
  }

  address(req: Request): string {
    return clientAddress(req, this.context.config.TRUST_PROXY);
  }

  /** Refuses a state-changing request sent from another site; true when it may go ahead. */
  checkSite(req: Request): boolean {
    const site = checkRequestSite(
      { origin: header(req, 'origin'), secFetchSite: header(req, 'sec-fetch-site'), host: header(req, 'host') },
      originOf(this.context.config.PUBLIC_URL),
    );
    if (!site.ok)
      this.context.logger.warn(
        { path: loggablePath(req.path()), problem: site.problem },
        'console: cross-site request refused',
      );
    return site.ok;
  }

  sessionCookie(req: Request, token: string): string {
    const secure = this.isSecure(req);
    return buildCookie(sessionCookieName(secure), token, {
      secure,
      maxAgeSeconds: Math.round(this.context.accounts.maxSessionAgeMs / 1000),
    });
  }

  clearSessionCookie(req: Request): string {
    const secure = this.isSecure(req);
    return buildCookie(sessionCookieName(secure), '', { secure, maxAgeSeconds: 0 });
  }

  /** Renders a page for the error, logging the unexpected. */
  fail(req: Request, res: Response, error: unknown): void {
    this.context.logger.error({ path: loggablePath(req.path()), err: error }, 'console: request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    const message =
      'Sorry, something went wrong on the server. Nothing you typed was lost if it is still on the page: go back and try again.';
    if (wantsJson(req)) sendJsonBody(res, 500, { ok: false, message });
    else
      sendHtml(
        res,
        500,
        renderMessagePage(this.anonymousFrame(), 'Sorry, there is a problem with the service', message),
      );
  }

  /**
   * A request refused before any console handler ran (a body too large or not a form, an unknown address, a server
   * error): a page for browsers, `{ ok: false, message }` for the console's script.
   */
  refusalResponse(req: Request, refusal: Refusal): RefusalResponse {
    if (wantsJson(req)) {
      return {
        status: refusal.status,
        headers: { ...CONSOLE_PAGE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...refusal.headers },
        body: JSON.stringify({ ok: false, message: refusal.message }),
      };
    }
    const title =
      refusal.status === 404
        ? 'Page not found'
        : refusal.status >= 500
          ? 'Sorry, there is a problem with the service'
          : 'There is a problem';
    return {
      status: refusal.status,
      headers: { ...CONSOLE_PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', ...refusal.headers },
      body: renderMessagePage(this.anonymousFrame(), title, refusal.message),
    };
  }

  anonymousFrame(): PageFrame {
    return { councilName: this.context.councilName(), assetBase: this.context.assetBase };
  }

  private wrap(kind: 'page' | 'api', handler: SignedInHandler, options: GuardOptions): RestifyHandler {
    return async (req, res) => {
      try {
        const token = readCookie(header(req, 'cookie'), sessionCookieName(this.isSecure(req)));
        const signedIn = token ? await this.context.accounts.authenticate(token) : null;
        if (!signedIn) {
          this.refuseSignedOut(req, res, kind, token !== undefined);
          return;
        }
        const csrfToken = csrfTokenFor(signedIn.sessionToken);
        const frame: PageFrame = {
          councilName: this.context.councilName(),
          assetBase: this.context.assetBase,
          user: { displayName: signedIn.user.displayName, role: signedIn.user.role },
          csrfToken,
        };
        const changesState = req.method !== 'GET' && req.method !== 'HEAD';
        if (changesState && !this.checkSite(req)) {
          this.refuse(req, res, frame, 403, 'This request came from another website, so it was refused.');
          return;
        }
        if (changesState && !isValidCsrfToken(signedIn.sessionToken, this.presentedCsrfToken(req))) {
          this.context.logger.warn({ path: loggablePath(req.path()) }, 'console: CSRF token missing or wrong');
          this.refuse(
            req,
            res,
            frame,
            403,
            'This form has expired or did not come from the console. Go back, reload the page and try again.',
          );
          return;
        }
        if (signedIn.user.mustChangePassword && !options.beforePasswordChange) {
          if (kind === 'api' || wantsJson(req))
            sendJsonBody(res, 403, { ok: false, message: 'Choose a new password first.' });
          else redirect(res, '/console/password');
          return;
        }
        const audience = options.audience ?? (options.beforePasswordChange ? 'everyone' : 'staff');
        const isCouncillor = signedIn.user.role === 'councillor';
        if (audience === 'staff' && isCouncillor) {
          if (kind === 'page' && req.method === 'GET' && req.path() === '/console') {
            redirect(res, COUNCILLOR_HOME);
            return;
          }
          await this.auditRefusal(signedIn, audience);
          this.refuse(req, res, frame, 403, 'This is for the council’s staff. Councillors have their casework.');
          return;
        }
        if (audience === 'councillor' && !isCouncillor) {
          await this.auditRefusal(signedIn, audience);
          this.refuse(req, res, frame, 403, 'Only councillors can do this: staff see cases in Service requests.');
          return;
        }
        if (options.role && signedIn.user.role !== options.role) {
          this.refuse(req, res, frame, 403, 'Only supervisors can do this. Ask a supervisor if you need it done.');
          return;
        }
        await handler(req, res, { signedIn, csrfToken, frame });
      } catch (error) {
        this.fail(req, res, error);
      }
    };
  }

  /** A signed-in user tried a part of the console that is not for their role (by role, never the address). */
  private async auditRefusal(signedIn: SignedIn, audience: string): Promise<void> {
    await this.context.repositories.auditLog.record({
      actor: { kind: signedIn.user.role, id: signedIn.user._id },
      action: 'console.accessRefused',
      details: { audience },
    });
  }

  private presentedCsrfToken(req: Request): unknown {
    const fromHeader = header(req, 'x-csrf-token');
    if (fromHeader) return fromHeader;
    const body: unknown = req.body;
    return body && typeof body === 'object' ? Reflect.get(body, '_csrf') : undefined;
  }

  private refuseSignedOut(req: Request, res: Response, kind: 'page' | 'api', hadCookie: boolean): void {
    const clear: Record<string, string> = hadCookie ? { 'set-cookie': this.clearSessionCookie(req) } : {};
    if (kind === 'api' || wantsJson(req)) {
      sendJsonBody(
        res,
        401,
        { ok: false, message: 'You are signed out. Sign in again; what you typed is still on the page.' },
        clear,
      );
    } else {
      redirect(res, '/console/sign-in', clear);
    }
  }

  private refuse(req: Request, res: Response, frame: PageFrame, status: number, message: string): void {
    if (wantsJson(req)) sendJsonBody(res, status, { ok: false, message });
    else
      sendHtml(
        res,
        status,
        renderMessagePage(frame, status === 403 ? 'You cannot do this' : 'There is a problem', message),
      );
  }
}
