import { type IncomingMessage, STATUS_CODES, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { BASELINE_SECURITY_HEADERS } from '../../../server/http/securityHeaders';
import type { DirectLineChannel } from '../directLineChannel';
import { DirectLineError } from '../directLineError';
import { clientAddress, requestOrigin } from '../../../server/http/requestOrigin';
import { conversationParamsSchema, watermarkSchema } from '../routes/conversationSchemas';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

/**
 * Serves `streamUrl`s: WebSocket upgrades of `/v3/directline/conversations/{id}/stream?watermark=&t=` on the HTTP
 * server (restify's `server.server`). Upgrades of other paths are left to other listeners. A refused upgrade gets an
 * HTTP error response (401, 403, 404, 400, or 429 beyond the open streams allowed per conversation and per address)
 * before any WebSocket exists. Returns the function that detaches it.
 */
export function attachDirectLineStream(httpServer: HttpServer, channel: DirectLineChannel): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/v3/directline/')) return;
    socket.on('error', () => socket.destroy());
    upgrade(req, socket, head, url).catch((error: unknown) => {
      channel.logger.error({ err: error }, 'direct line stream upgrade failed');
      refuse(socket, new DirectLineError('ServiceError', 'The stream could not be opened; try again.'));
    });
  };

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL) => {
    const params = conversationParamsSchema.safeParse({ conversationId: STREAM_PATH.exec(url.pathname)?.[1] });
    if (!params.success) return refuse(socket, new DirectLineError('NotFound', 'There is no such stream.'));
    const watermark = watermarkSchema.safeParse(url.searchParams.get('watermark') ?? undefined);
    if (!watermark.success) return refuse(socket, new DirectLineError('BadArgument', 'The watermark is not valid.'));
    const authorized = await channel.authorizeStream(
      { authorization: req.headers.authorization, t: url.searchParams.get('t') ?? undefined },
      params.data.conversationId,
    );
    if (!authorized.ok) return refuse(socket, authorized.error);
    if (socket.destroyed) return;
    const reserved = channel.reserveStream(params.data.conversationId, clientAddress(req, channel.trustProxy));
    if (!reserved.ok) return refuse(socket, reserved.error);
    // The socket closes whether the upgrade fails or the stream ends later: either way its place is given back.
    socket.once('close', reserved.value.release);
    const origin = requestOrigin(req, channel.publicUrl, channel.trustProxy);
    sockets.handleUpgrade(req, socket, head, (ws) =>
      channel.openStream(ws, authorized.value, watermark.data, origin, reserved.value.release),
    );
  };

  httpServer.on('upgrade', onUpgrade);
  return () => {
    httpServer.off('upgrade', onUpgrade);
    sockets.close();
  };
}

function refuse(socket: Duplex, error: DirectLineError): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(error.toBody());
  socket.end(
    [
      `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}`,
      'Connection: close',
      ...(error.retryAfterSeconds === undefined ? [] : [`Retry-After: ${error.retryAfterSeconds}`]),
      ...Object.entries(BASELINE_SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n'),
  );
}
