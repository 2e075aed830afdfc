import type { Server } from 'restify';

/** `/healthz` answers while the process serves; `/readyz` only once the store and knowledge base are loaded. */
export function addHealthRoutes(server: Server, isReady: () => Promise<boolean>): void {
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    if (await isReady()) res.send(200, { status: 'ready' });
    else res.send(503, { status: 'not ready' });
  });
}
