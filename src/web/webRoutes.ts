import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { WebchatSession } from '../channel/directline';
import { z } from 'zod';
import type { ContactCentre } from '../contactCentre/contactCentre';
import type { FiguresService } from '../figures/figuresService';
import type { KnowledgeSource } from '../knowledge/knowledgeService';
import { CachedValue } from './cachedValue';
import { DEMO_STYLES, renderDemoPage } from './demoPage';
import { renderEmbedScript } from './embedScript';
import { renderPerformancePage } from './performancePage';
import { sendStaticAsset } from '../server/http/staticAsset';
import { loadWebchatBundle, type StaticScript } from './webchatBundle';

export interface WebRoutesOptions {
  knowledge: KnowledgeSource;
  contactCentre: ContactCentre;
  /**
   * A token for the page's conversation (given the one the page holds, if any) or a new one; or, for a caller that
   * has asked too often, how long to wait.
   */
  issueSession: (
    req: Request,
    existingToken: string | undefined,
  ) => { ok: true; value: WebchatSession } | { ok: false; retryAfterSeconds: number };
  /** This server's WebSocket origin as the request reached it (`ws://host:port`, `wss://...`): the chat's stream. */
  streamOrigin: (req: Request) => string;
  /** The service's figures, for the public performance page. */
  figures: Pick<FiguresService, 'reports'>;
  /** How long the performance page is served before its figures are computed again. */
  performanceCacheSeconds: number;
  clock: () => Date;
  logger: Pick<Logger, 'error'>;
}

/** The public performance page's periods: recent months, and recent weeks below each table. */
const PERFORMANCE_MONTHS = 6;
const PERFORMANCE_WEEKS = 8;

const tokenRequestSchema = z.strictObject({ token: z.string().min(10).max(4096).optional() });

/**
 * The resident-facing pages' policy: scripts from this server only (no inline script, no eval). Styles may be inline
 * because Web Chat writes its styles into `<style>` elements as it renders. Connections go to this server only: its
 * own WebSocket origin (`streamOrigin`, e.g. `wss://chat.example.gov.uk`) for the channel's stream, named as well as
 * `'self'` because older browsers do not read `'self'` as covering `ws:`/`wss:`.
 */
function pageSecurityHeaders(streamOrigin: string | undefined): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      streamOrigin ? `connect-src 'self' ${streamOrigin}` : "connect-src 'self'",
      "font-src 'self' data:",
      "object-src 'none'",
      "frame-ancestors 'self'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; '),
    'x-frame-options': 'SAMEORIGIN',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  };
}

/**
 * The resident-facing web: the demo council page (`/`), the public performance page (`/performance`), the embed
 * script (`/embed.js`), Microsoft's Web Chat bundle served from `node_modules`, and `POST /api/webchat/token` for
 * pages served here.
 */
export function addWebRoutes(server: Server, options: WebRoutesOptions): void {
  const cacheSeconds = options.performanceCacheSeconds;
  const performancePage = new CachedValue(
    async () => {
      const [months, weeks] = await options.figures.reports([
        { granularity: 'month', count: PERFORMANCE_MONTHS },
        { granularity: 'week', count: PERFORMANCE_WEEKS },
      ]);
      if (!months || !weeks) throw new Error('the performance figures were not computed');
      return renderPerformancePage({
        profile: options.knowledge.current().knowledge.profile,
        months,
        weeks,
        refreshSeconds: cacheSeconds,
      });
    },
    cacheSeconds * 1000,
    options.clock,
  );

  server.get('/', async (req: Request, res: Response) => {
    const { profile } = options.knowledge.current().knowledge;
    sendText(
      res,
      200,
      'text/html; charset=utf-8',
      renderDemoPage(profile, options.contactCentre.describeHours(profile)),
      {
        ...pageSecurityHeaders(options.streamOrigin(req)),
        'cache-control': 'no-cache',
      },
    );
  });

  // Aggregate figures only, computed from the store: cached briefly, here and by browsers and proxies.
  server.get('/performance', async (_req: Request, res: Response) => {
    let page: string;
    try {
      page = await performancePage.get();
    } catch (error) {
      options.logger.error({ err: error }, 'performance page: figures not computed');
      sendText(
        res,
        503,
        'text/plain; charset=utf-8',
        'The figures are not available just now. Please try again later.',
        {
          'cache-control': 'no-store',
          'retry-after': '60',
        },
      );
      return;
    }
    sendText(res, 200, 'text/html; charset=utf-8', page, {
      // No chat on this page, and it is cached for everyone: no WebSocket origin.
      ...pageSecurityHeaders(undefined),
      'cache-control': `public, max-age=${cacheSeconds}`,
    });
  });

  server.get('/assets/demo.css', async (_req: Request, res: Response) => {
    sendText(res, 200, 'text/css; charset=utf-8', DEMO_STYLES, { 'cache-control': 'public, max-age=3600' });
  });

  server.get('/embed.js', async (_req: Request, res: Response) => {
    const { profile } = options.knowledge.current().knowledge;
    const bundle = await loadWebchatBundle();
    const script = renderEmbedScript({
      councilName: profile.name,
      brandColour: profile.brandColour,
      bundlePath: `/webchat/webchat-${bundle.version}.js`,
    });
    sendText(res, 200, 'application/javascript; charset=utf-8', script, {
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    });
  });

  server.get('/webchat/:file', async (req: Request, res: Response) => {
    const bundle = await loadWebchatBundle();
    if (req.params.file !== `webchat-${bundle.version}.js`) {
      res.send(404, { error: 'not_found', message: 'No such file.' });
      return;
    }
    sendScript(req, res, bundle);
  });

  server.post('/api/webchat/token', async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    const parsed = tokenRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.send(400, { error: 'bad_request', message: 'The body may only hold an optional "token".' });
      return;
    }
    const session = options.issueSession(req, parsed.data.token);
    if (!session.ok) {
      res.header('retry-after', String(session.retryAfterSeconds));
      res.send(429, {
        error: 'rate_limited',
        message: `Too many requests. Please wait ${session.retryAfterSeconds} seconds and try again.`,
      });
      return;
    }
    res.send(200, session.value);
  });
}

function sendText(res: Response, status: number, type: string, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function sendScript(req: Request, res: Response, script: StaticScript): void {
  sendStaticAsset(
    req,
    res,
    { ...script, type: 'application/javascript; charset=utf-8' },
    {
      'access-control-allow-origin': '*',
    },
  );
}
