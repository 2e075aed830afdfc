/**
 * Every route the server answers, as the bad-input suite sees it. A test checks this table against the routes the
 * server has registered, so a new route cannot miss the suite.
 *
 * `access` is what a caller must hold to get past the route's own checks:
 * - `public`: nothing;
 * - `directLineSecret`: the Direct Line secret (`tokens/generate`);
 * - `directLineToken`: a conversation's token (or the secret), for that conversation only;
 * - `directLineStream`: the stream URL, which answers only a WebSocket upgrade;
 * - `attachment`: a conversation's token, or the attachment token in the URL;
 * - `staffKey`, `metricsToken`: the bearer keys of the staff API and `/metrics`;
 * - `signInForm`: the console's sign-in cookie and its CSRF token;
 * - `csa`, `supervisor`: a console session (and for POST its CSRF token); `csaScript`: the same, JSON only;
 * - `councillor`: a councillor's console session (casework only).
 */
export type Access =
  | 'public'
  | 'directLineSecret'
  | 'directLineToken'
  | 'directLineStream'
  | 'attachment'
  | 'staffKey'
  | 'metricsToken'
  | 'signInForm'
  | 'csa'
  | 'supervisor'
  | 'councillor'
  | 'csaScript';

/** The shape a route's refusals come in (see `expectRefusal`). */
export type Area = 'api' | 'directLine' | 'console' | 'web';

export interface PublicRoute {
  method: 'GET' | 'POST';
  /** As registered with restify (`:name` for a parameter). */
  path: string;
  area: Area;
  access: Access;
  /** What a POST reads: JSON, a form, or files (multipart); a POST without one reads no body. */
  body?: 'json' | 'form' | 'multipart';
  /** What a GET answers with when all is well: an HTML page, or anything else. */
  page?: boolean;
  /**
   * The fields a console form reads. A form without fields acts on its address alone (accept, end, sign out,
   * disable), so tests never send it a body the server would accept.
   */
  fields?: string[];
  /** A query the route needs to reach its work. */
  query?: string;
}

const directLine = (method: 'GET' | 'POST', path: string, access: Access, body?: 'json' | 'multipart') =>
  ({ method, path: `/v3/directline/${path}`, area: 'directLine', access, body }) satisfies PublicRoute;
const consolePage = (path: string, access: Access = 'csa') =>
  ({ method: 'GET', path, area: 'console', access, page: true }) satisfies PublicRoute;
const consoleForm = (path: string, fields: string[], access: Access = 'csa') =>
  ({ method: 'POST', path, area: 'console', access, body: 'form', fields }) satisfies PublicRoute;

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  directLine('POST', 'tokens/generate', 'directLineSecret', 'json'),
  directLine('POST', 'tokens/refresh', 'directLineToken'),
  directLine('POST', 'conversations', 'directLineToken', 'json'),
  directLine('GET', 'conversations/:conversationId', 'directLineToken'),
  directLine('GET', 'conversations/:conversationId/stream', 'directLineStream'),
  directLine('GET', 'conversations/:conversationId/activities', 'directLineToken'),
  directLine('POST', 'conversations/:conversationId/activities', 'directLineToken', 'json'),
  directLine('POST', 'conversations/:conversationId/upload', 'directLineToken', 'multipart'),
  directLine('GET', 'attachments/:conversationId/:attachmentId', 'attachment'),

  { method: 'GET', path: '/healthz', area: 'api', access: 'public' },
  { method: 'GET', path: '/readyz', area: 'api', access: 'public' },
  { method: 'POST', path: '/api/messages', area: 'api', access: 'public', body: 'json' },
  { method: 'GET', path: '/metrics', area: 'api', access: 'metricsToken' },
  { method: 'GET', path: '/api/requests/:reference', area: 'api', access: 'staffKey' },
  { method: 'POST', path: '/api/requests/:reference/status', area: 'api', access: 'staffKey', body: 'json' },
  { method: 'GET', path: '/api/requests/:reference/photos/:photo', area: 'api', access: 'staffKey' },

  { method: 'GET', path: '/collections/:uprn/calendar.ics', area: 'api', access: 'public' },
  { method: 'GET', path: '/', area: 'web', access: 'public', page: true },
  { method: 'GET', path: '/performance', area: 'web', access: 'public', page: true },
  { method: 'GET', path: '/assets/demo.css', area: 'web', access: 'public' },
  { method: 'GET', path: '/embed.js', area: 'web', access: 'public' },
  { method: 'GET', path: '/webchat/:file', area: 'web', access: 'public' },
  { method: 'POST', path: '/api/webchat/token', area: 'api', access: 'public', body: 'json' },

  { method: 'GET', path: '/console/assets/*', area: 'console', access: 'public' },
  consolePage('/console/sign-in', 'public'),
  consoleForm('/console/sign-in', ['email', 'password'], 'signInForm'),
  consoleForm('/console/sign-out', []),
  consolePage('/console/password'),
  consoleForm('/console/password', ['currentPassword', 'newPassword', 'confirmPassword']),
  consolePage('/console'),
  { method: 'GET', path: '/console/queue', area: 'console', access: 'csaScript' },
  consoleForm('/console/availability', ['availability']),
  consolePage('/console/chats/:sessionId'),
  { method: 'GET', path: '/console/chats/:sessionId/lines', area: 'console', access: 'csaScript' },
  consoleForm('/console/chats/:sessionId/accept', []),
  consoleForm('/console/chats/:sessionId/messages', ['text']),
  consoleForm('/console/chats/:sessionId/articles', ['articleId']),
  consoleForm('/console/chats/:sessionId/notes', ['text']),
  consoleForm('/console/chats/:sessionId/requests', ['reference']),
  consoleForm('/console/chats/:sessionId/transfer', ['team']),
  consoleForm('/console/chats/:sessionId/end', []),
  { ...consolePage('/console/chats/:sessionId/new-request'), query: 'type=fly-tipping' },
  { ...consoleForm('/console/chats/:sessionId/new-request', ['formId', 'location']), query: 'type=fly-tipping' },
  consolePage('/console/users', 'supervisor'),
  consolePage('/console/users/new', 'supervisor'),
  consoleForm('/console/users', ['displayName', 'email', 'role'], 'supervisor'),
  consolePage('/console/users/:userId', 'supervisor'),
  consoleForm('/console/users/:userId/role', ['role'], 'supervisor'),
  consoleForm('/console/users/:userId/disable', [], 'supervisor'),
  consoleForm('/console/users/:userId/enable', [], 'supervisor'),
  consoleForm('/console/users/:userId/password', ['password'], 'supervisor'),
  consolePage('/console/data', 'supervisor'),
  consoleForm('/console/data/export', ['identifier'], 'supervisor'),
  consoleForm('/console/data/erase', ['identifier'], 'supervisor'),
  consolePage('/console/callbacks'),
  consoleForm('/console/callbacks/:reference/done', ['outcome']),
  consolePage('/console/requests'),
  consolePage('/console/requests/:reference'),
  consoleForm('/console/requests/:reference/status', ['status', 'note']),
  consolePage('/console/reports', 'supervisor'),
  { method: 'GET', path: '/console/reports/figures.csv', area: 'console', access: 'supervisor' },
  { method: 'GET', path: '/console/stream', area: 'console', access: 'csaScript' },
  consolePage('/console/casework', 'councillor'),
  consolePage('/console/casework/new', 'councillor'),
  consoleForm(
    '/console/casework',
    ['formId', 'constituentName', 'email', 'phone', 'address', 'serviceArea', 'problem', 'consent'],
    'councillor',
  ),
  consolePage('/console/casework/cases/:caseReference', 'councillor'),
  consoleForm('/console/casework/cases/:caseReference/updates', ['update'], 'councillor'),
  consolePage('/console/casework/ward', 'councillor'),
];

/** The routes with a parameter in their path. */
export function parameterNames(route: PublicRoute): string[] {
  return [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
}

/** A route's address with its parameters filled in (`*` too) and its query, if it needs one. */
export function fillPath(route: PublicRoute, values: Record<string, string>): string {
  const path = route.path
    .replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(values[name] ?? 'x'))
    .replace('*', values['*'] ?? 'x');
  return route.query ? `${path}?${route.query}` : path;
}

export const describeRoute = (route: PublicRoute): string => `${route.method} ${route.path}`;
