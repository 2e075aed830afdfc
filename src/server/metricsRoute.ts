import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { ServiceMetrics } from '../metrics/serviceMetrics';

/**
 * `GET /metrics` in Prometheus's text format, for scrapers that send `METRICS_TOKEN` as a bearer token
 * (`authorization: { credentials: ... }` in Prometheus's scrape config). Without `METRICS_TOKEN` it is off (503):
 * the figures hold no personal data, but they show how busy the service is and which parts fail, so they are not
 * public by default.
 */
export function addMetricsRoute(server: Server, metrics: ServiceMetrics, token: string | undefined): void {
  server.get('/metrics', async (req: Request, res: Response) => {
    if (!token) {
      res.send(503, { error: 'not_configured', message: '/metrics is off: set METRICS_TOKEN to use it.' });
      return;
    }
    if (!bearerMatches(req.headers.authorization, token)) {
      res.header('www-authenticate', 'Bearer');
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
