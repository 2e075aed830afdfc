import type { IncomingHttpHeaders } from 'node:http';
import { WebSocket } from 'ws';

export type UpgradeOutcome = { socket: WebSocket } | { status: number; headers: IncomingHttpHeaders };

/** Opens a WebSocket to `url`: the open socket, or the HTTP status and headers its upgrade was refused with. */
export function openWebSocket(url: string): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => resolve({ socket }));
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    socket.on('error', reject);
  });
}

/** `'open'` (and closes it again), or the HTTP status the upgrade was refused with. */
export async function upgradeStatus(url: string): Promise<number | 'open'> {
  const outcome = await openWebSocket(url);
  if ('status' in outcome) return outcome.status;
  outcome.socket.close();
  return 'open';
}
