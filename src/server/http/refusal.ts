import type { Request } from 'restify';

/** A request the server refuses before (or instead of) its route: what went wrong, for the caller. */
export interface Refusal {
  status: number;
  /** A stable, machine-readable code (`too_large`, `bad_request`, ...). */
  code: string;
  /** Written for the caller; never quotes what they sent. */
  message: string;
  /** Extra headers (`Retry-After`, `Allow`). */
  headers?: Record<string, string>;
}

/** A refusal as it goes on the wire, in the error shape of the route that was asked. */
export interface RefusalResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Renders a refusal the way the requested part of the server answers errors (JSON APIs, console pages). */
export type RenderRefusal = (req: Request, refusal: Refusal) => RefusalResponse;

/**
 * The JSON APIs' error shape (`/api/webchat/token`, `/api/messages`, the staff API, health and metrics):
 * `{ "error": code, "message": text }`.
 */
export function apiRefusal(refusal: Refusal): RefusalResponse {
  return {
    status: refusal.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...refusal.headers,
    },
    body: JSON.stringify({ error: refusal.code, message: refusal.message }),
  };
}
