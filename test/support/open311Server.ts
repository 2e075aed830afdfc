import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stand-in back office holds. */
export interface Open311Record {
  id: string;
  token: string;
  fields: URLSearchParams;
  status: 'open' | 'closed';
  notes?: string;
}

/**
 * A local back office speaking Open311 GeoReport v2 as the spec describes it (wiki.open311.org/GeoReport_v2):
 * `GET services.json`, `POST requests.json` (form-encoded; `service_code` must be a listed service, a location
 * must be given as `lat`+`long`, `address_string` or `address_id`, and `api_key` must match), `GET requests.json`
 * with `service_request_id` (comma-separated), and `GET tokens/{token}.json`. Errors are `[{code, description}]`.
 */
export class Open311Server {
  readonly posts: { contentType: string | undefined; fields: URLSearchParams }[] = [];
  readonly records: Open311Record[] = [];
  /** Answer new requests with a token instead of an id (the id appears on the token's first look-up). */
  answerWithToken = false;
  /** Fail this many POSTs with 503 first (to see the outbox retry). */
  failPosts = 0;
  private server: Server | undefined;
  private base = '';

  constructor(private readonly options: { apiKey: string; jurisdictionId: string; serviceCodes: readonly string[] }) {}

  get endpoint(): string {
    return `${this.base}/open311/v2`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Staff in the back office close a request, with notes for the resident. */
  closeRequest(id: string, notes: string): void {
    const record = this.records.find((candidate) => candidate.id === id);
    if (!record) throw new Error(`no request ${id}`);
    record.status = 'closed';
    record.notes = notes;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const path = url.pathname.replace(/^\/open311\/v2/, '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, description: string) => send(status, [{ code: status, description }]);
    if (req.method === 'GET' && path === '/services.json') {
      if (url.searchParams.get('jurisdiction_id') !== this.options.jurisdictionId)
        return error(404, 'jurisdiction_id not found');
      return send(
        200,
        this.options.serviceCodes.map((code) => ({
          service_code: code,
          service_name: code,
          description: '',
          metadata: false,
          type: 'realtime',
          keywords: '',
          group: 'street',
        })),
      );
    }
    if (req.method === 'POST' && path === '/requests.json') {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const fields = new URLSearchParams(body);
      this.posts.push({ contentType: req.headers['content-type'], fields });
      if (this.failPosts > 0) {
        this.failPosts--;
        return error(503, 'back office busy');
      }
      if (fields.get('api_key') !== this.options.apiKey) return error(403, 'api_key is not valid');
      if (fields.get('jurisdiction_id') !== this.options.jurisdictionId) return error(404, 'jurisdiction_id not found');
      if (!this.options.serviceCodes.includes(fields.get('service_code') ?? ''))
        return error(400, 'service_code not found');
      const located =
        (fields.has('lat') && fields.has('long')) || fields.has('address_string') || fields.has('address_id');
      if (!located) return error(400, 'a location is required: lat and long, address_string or address_id');
      const record: Open311Record = {
        id: String(1000 + this.records.length),
        token: `token-${this.records.length}`,
        fields,
        status: 'open',
      };
      this.records.push(record);
      if (this.answerWithToken) return send(200, [{ token: record.token, service_notice: '' }]);
      return send(200, [
        { service_request_id: record.id, service_notice: 'We aim to respond within 5 working days', account_id: null },
      ]);
    }
    const token = /^\/tokens\/([^/]+)\.json$/.exec(path)?.[1];
    if (req.method === 'GET' && token) {
      const record = this.records.find((candidate) => candidate.token === token);
      return record ? send(200, [{ service_request_id: record.id, token }]) : error(404, 'token not found');
    }
    if (req.method === 'GET' && path === '/requests.json') {
      const ids = (url.searchParams.get('service_request_id') ?? '').split(',');
      return send(
        200,
        this.records
          .filter((record) => ids.includes(record.id))
          .map((record) => ({
            service_request_id: record.id,
            status: record.status,
            status_notes: record.notes ?? null,
            service_name: record.fields.get('service_code'),
            service_code: record.fields.get('service_code'),
            description: record.fields.get('description'),
            requested_datetime: new Date().toISOString(),
            updated_datetime: new Date().toISOString(),
            address: record.fields.get('address_string') ?? '',
            address_id: record.fields.get('address_id') ?? '',
            lat: Number(record.fields.get('lat') ?? 0),
            long: Number(record.fields.get('long') ?? 0),
          })),
      );
    }
    return error(404, 'not found');
  }
}
