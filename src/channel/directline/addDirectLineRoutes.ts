import type { Request, Response, Server } from 'restify';
import type { DirectLineChannel } from './directLineChannel';
import { addActivityRoutes } from './routes/activityRoutes';
import { addAttachmentRoute } from './routes/attachmentRoute';
import { addConversationRoutes } from './routes/conversationRoutes';
import { addTokenRoutes } from './routes/tokenRoutes';
import { addUploadRoute } from './routes/uploadRoute';
import { attachDirectLineStream } from './stream/attachDirectLineStream';

/** Every Direct Line address starts with this. */
export const DIRECT_LINE_PREFIX = '/v3/directline/';

const CORS_HEADERS = {
  // Tokens travel in the Authorization header, never in cookies, so any website may call the channel.
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};

/**
 * Serves the Direct Line 3.0 API under `/v3/directline/` on a restify server, and its WebSocket streams on the
 * underlying HTTP server. Call it once, after `createDirectLineChannel`; `channel.close()` closes the streams.
 *
 * Direct Line requests read their own bodies (each route has its own limits, and uploads are far larger than the
 * app's JSON limit), so a `pre` handler marks them as read for restify's `bodyParser`, which then leaves them alone
 * whether or not the app installed it. The same handler answers CORS preflights, so Web Chat on a council's own
 * website can use a channel served from another origin.
 */
export function addDirectLineRoutes(server: Server, channel: DirectLineChannel): void {
  server.pre((req: Request, res: Response, next) => {
    if (!(req.url ?? '').startsWith(DIRECT_LINE_PREFIX)) return next();
    // restify's bodyReader and bodyParser skip requests carrying these flags (restify/lib/plugins/bodyReader.js).
    Reflect.set(req, '_readBody', true);
    Reflect.set(req, '_parsedBody', true);
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    if (req.method !== 'OPTIONS') return next();
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, x-ms-bot-agent, x-requested-with',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return next(false);
  });
  addTokenRoutes(server, channel);
  addConversationRoutes(server, channel);
  addActivityRoutes(server, channel);
  addUploadRoute(server, channel);
  addAttachmentRoute(server, channel);
  const detach = attachDirectLineStream(server.server, channel);
  channel.onClose(detach);
}
