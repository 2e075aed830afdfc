import type { Request, Response, Server } from 'restify';
import type { DeskEvent } from '../../handoff/handoffDesk';
import type { ConsoleContext } from '../consoleContext';
import { CONSOLE_PAGE_HEADERS } from '../http/consoleResponses';
import { queryValue } from '../http/readForm';
import { lineJson } from './chatRoutes';
import type { ConsoleGuard } from './consoleGuard';

/** How often the stream checks the session, counts the CSA as present, and keeps proxies from closing it. */
export const STREAM_HEARTBEAT_MS = 25_000;

/** Open streams, so the app can end them when it stops. */
export class OpenStreams {
  private readonly closers = new Set<() => void>();

  add(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  closeAll(): void {
    for (const close of [...this.closers]) close();
  }

  get size(): number {
    return this.closers.size;
  }
}

/**
 * `GET /console/stream[?chat=<sessionId>]`: server-sent events for one console page. The queue page gets
 * `queueChanged` and `sessionChanged`; a chat page gets its own conversation's new lines and state changes only.
 * Every heartbeat re-checks the session (a signed-out or disabled user's stream ends) and tells `CsaPresence` the
 * CSA's console is open.
 */
export function addStreamRoute(
  server: Server,
  context: ConsoleContext,
  guard: ConsoleGuard,
  streams: OpenStreams,
  heartbeatMs = STREAM_HEARTBEAT_MS,
): void {
  server.get(
    '/console/stream',
    guard.api(async (req: Request, res: Response, { signedIn }) => {
      const chat = queryValue(req, 'chat');
      const userId = signedIn.user._id;
      res.writeHead(200, {
        ...CONSOLE_PAGE_HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.flushHeaders();
      const send = (event: string, data: unknown) => {
        if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      res.write('retry: 3000\n\n');
      send('ready', { chat: chat ?? null, desk: Boolean(context.desk) });

      const onEvent = (event: DeskEvent) => {
        if (chat === undefined) {
          if (event.kind === 'queueChanged') send('queueChanged', {});
          else if (event.kind === 'sessionChanged') send('queueChanged', {});
          return;
        }
        if (event.kind === 'line' && event.sessionId === chat) send('line', lineJson(event.line));
        else if (event.kind === 'linesChanged' && event.sessionId === chat) send('linesChanged', {});
        else if (event.kind === 'sessionChanged' && event.sessionId === chat)
          send('sessionChanged', { state: event.state });
      };
      const unsubscribe = context.desk?.subscribe(onEvent) ?? (() => undefined);

      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        unsubscribe();
        forget();
        if (!res.writableEnded) res.end();
      };
      const beat = async () => {
        try {
          const still = await context.accounts.authenticate(signedIn.sessionToken);
          if (!still) {
            send('signedOut', {});
            close();
            return;
          }
          await context.presence.heartbeat(userId);
          if (!res.writableEnded) res.write(': heartbeat\n\n');
        } catch (error) {
          context.logger.warn({ err: error }, 'console stream heartbeat failed');
        }
      };
      const timer = setInterval(() => void beat(), heartbeatMs);
      timer.unref();
      const forget = streams.add(close);
      req.on('close', close);
      res.on('error', close);
      await context.presence.heartbeat(userId);
    }),
  );
}
