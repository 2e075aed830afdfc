import type { z } from 'zod';
import {
  errorsSchema,
  postResponseSchema,
  requestsResponseSchema,
  servicesSchema,
  tokenResponseSchema,
} from './open311Schemas';

export interface Open311Settings {
  /** `OPEN311_ENDPOINT`: the base address under which `services.json` and `requests.json` live. */
  endpoint: string;
  /** `OPEN311_API_KEY`, sent as `api_key` with every POST (never stored in the outbox, never logged). */
  apiKey?: string;
  /** `OPEN311_JURISDICTION_ID`, sent with every call when set. */
  jurisdictionId?: string;
  timeoutMs?: number;
}

export type Open311Outcome<T> = { ok: true; value: T } | { ok: false; problem: string };

/** What the back office answered to a new request: its id, or a token for the id. */
export type Accepted = { serviceRequestId: string } | { token: string };

/** A request's status as the back office reports it. */
export interface RemoteStatus {
  serviceRequestId: string;
  status: string;
  notes?: string;
}

/**
 * A GeoReport v2 client (http://wiki.open311.org/GeoReport_v2): the service list, a new request (form-encoded
 * POST), a token's request id, and the status of requests by id. Every failure is an outcome with a short,
 * data-free problem (an HTTP status, the spec's error description, "timed out").
 */
export class Open311Client {
  constructor(private readonly settings: Open311Settings) {}

  /** The address of a resource under the endpoint (`requests.json`). */
  url(resource: string): string {
    return `${this.settings.endpoint.replace(/\/+$/, '')}/${resource}`;
  }

  async services(): Promise<Open311Outcome<string[]>> {
    const answer = await this.call(this.withJurisdiction(this.url('services.json')), { method: 'GET' }, servicesSchema);
    return answer.ok ? { ok: true, value: answer.value.map((service) => service.service_code) } : answer;
  }

  /** POSTs a new request's fields (`service_code`, `description`, `attribute[...]`, ...) to `requests.json`. */
  async postRequest(fields: Readonly<Record<string, string>>): Promise<Open311Outcome<Accepted>> {
    const form = new URLSearchParams();
    if (this.settings.jurisdictionId) form.set('jurisdiction_id', this.settings.jurisdictionId);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    if (this.settings.apiKey) form.set('api_key', this.settings.apiKey);
    const answer = await this.call(
      this.url('requests.json'),
      { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      postResponseSchema,
    );
    if (!answer.ok) return answer;
    const [first] = answer.value;
    if (first?.service_request_id) return { ok: true, value: { serviceRequestId: first.service_request_id } };
    if (first?.token) return { ok: true, value: { token: first.token } };
    return { ok: false, problem: 'the answer had neither service_request_id nor token' };
  }

  /** The request id a token has become, or undefined while the back office has not made one yet. */
  async idForToken(token: string): Promise<Open311Outcome<string | undefined>> {
    const url = this.withJurisdiction(this.url(`tokens/${encodeURIComponent(token)}.json`));
    const answer = await this.call(url, { method: 'GET' }, tokenResponseSchema);
    return answer.ok ? { ok: true, value: answer.value[0]?.service_request_id ?? undefined } : answer;
  }

  /** The status of each request (`GET requests.json?service_request_id=a,b`). */
  async statuses(ids: readonly string[]): Promise<Open311Outcome<RemoteStatus[]>> {
    const url = new URL(this.withJurisdiction(this.url('requests.json')));
    url.searchParams.set('service_request_id', ids.join(','));
    const answer = await this.call(url.toString(), { method: 'GET' }, requestsResponseSchema);
    if (!answer.ok) return answer;
    return {
      ok: true,
      value: answer.value.map((request) => ({
        serviceRequestId: request.service_request_id,
        status: request.status.toLowerCase(),
        notes: request.status_notes,
      })),
    };
  }

  private withJurisdiction(address: string): string {
    if (!this.settings.jurisdictionId) return address;
    const url = new URL(address);
    url.searchParams.set('jurisdiction_id', this.settings.jurisdictionId);
    return url.toString();
  }

  private async call<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<Open311Outcome<T>> {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers: { accept: 'application/json', 'user-agent': 'council-assistant', ...init.headers },
        redirect: 'error',
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const name = typeof error === 'object' && error !== null ? Reflect.get(error, 'name') : undefined;
      return { ok: false, problem: name === 'TimeoutError' ? 'timed out' : 'could not connect' };
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const errors = errorsSchema.safeParse(body);
      const description = errors.success ? errors.data[0]?.description.slice(0, 200) : undefined;
      return { ok: false, problem: `HTTP ${response.status}${description ? `: ${description}` : ''}` };
    }
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: 'unexpected answer shape' };
  }
}
