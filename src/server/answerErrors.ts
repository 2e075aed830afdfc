import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { loggablePath } from '../privacy/loggablePath';
import type { Refusal, RenderRefusal } from './http/refusal';

export interface AnswerErrorsOptions {
  logger: Pick<Logger, 'warn' | 'error'>;
  render: RenderRefusal;
  /** Counts a server error (for `/metrics`). */
  onServerError: () => void;
}

/**
 * Answers what restify itself refuses (an unknown address, a method a route does not take) and any error a route
 * handler throws, in the error shape of the part of the server that was asked, instead of restify's own
 * `{ code, message }`, which repeats the requested path and, for a thrown error, its message. A server error is
 * logged with its stack and answered with a message that says nothing about it.
 */
export function answerErrors(server: Server, options: AnswerErrorsOptions): void {
  server.on('restifyError', (req: Request, res: Response, error: unknown, callback: () => void) => {
    const status = statusOf(error);
    const where = { method: req.method, path: loggablePath(req.path()), status };
    if (status >= 500) {
      options.onServerError();
      options.logger.error({ ...where, err: error }, 'request failed');
    } else {
      options.logger.warn(where, 'request refused');
    }
    if (!res.headersSent) {
      const response = options.render(req, refusalFor(status, req));
      res.sendRaw(response.status, response.body, {
        ...response.headers,
        'content-length': String(Buffer.byteLength(response.body)),
      });
    }
    callback();
  });
}

function refusalFor(status: number, req: Request): Refusal {
  if (status === 404) return { status, code: 'not_found', message: 'There is nothing at this address.' };
  if (status === 405) {
    return { status, code: 'method_not_allowed', message: `This address does not take ${req.method} requests.` };
  }
  if (status >= 500) {
    return {
      status: 500,
      code: 'server_error',
      message: 'Sorry, something went wrong on the server. Please try again.',
    };
  }
  return { status, code: 'bad_request', message: 'The request could not be understood.' };
}

/** The HTTP status restify gave an error; anything else (a thrown `Error`) is a server error. */
function statusOf(error: unknown): number {
  const status: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'statusCode') : undefined;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
