/** The headers a browser sends that say where a request came from. */
export interface SiteHeaders {
  origin?: string;
  secFetchSite?: string;
  /** The Host header the request was sent to. */
  host?: string;
}

export type SiteCheck = { ok: true } | { ok: false; problem: string };

/**
 * Refuses state-changing requests a browser sent from another site: `Sec-Fetch-Site` must be `same-origin` (or
 * `none`, typed by the user) when present, and `Origin`, when present, must be this server (the configured public
 * address, or the host the request was sent to). Requests with neither header (older browsers, scripts) still need
 * the session's CSRF token, which is checked separately.
 */
export function checkRequestSite(headers: SiteHeaders, publicOrigin: string | undefined): SiteCheck {
  const site = headers.secFetchSite?.toLowerCase();
  if (site && site !== 'same-origin' && site !== 'none') {
    return { ok: false, problem: `Sec-Fetch-Site is ${site}` };
  }
  if (headers.origin === undefined) return { ok: true };
  if (publicOrigin && headers.origin === publicOrigin) return { ok: true };
  let originHost: string;
  try {
    originHost = new URL(headers.origin).host;
  } catch {
    return { ok: false, problem: 'Origin is not a URL' };
  }
  if (headers.host && originHost.toLowerCase() === headers.host.toLowerCase()) return { ok: true };
  return { ok: false, problem: 'Origin is another site' };
}

/** The origin (`https://host`) of a configured public URL. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
