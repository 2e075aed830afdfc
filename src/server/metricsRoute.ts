import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { ServiceMetrics } from '../metrics/serviceMetrics';

/**
 * `GET /metrics` in Prometheus's text format. With `METRICS_TOKEN` set, scrapers must send it as a bearer token;
 * the figures hold no personal data, but a council may not want them public.
 */
export function addMetricsRoute(server: Server, metrics: ServiceMetrics, token: string | undefined): void {
  server.get('/metrics', async (req: Request, res: Response) => {
    if (token && !bearerMatches(req.headers.authorization, token)) {
      res.send(401, { error: 'unauthorized', message: 'Send the metrics token as "Authorization: Bearer <token>".' });
      return;
    }
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
  });
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
