import { redactPersonalData } from './redactPersonalData';

/**
 * A request's path as it may be logged: at most 200 characters, with any personal data in it (an email address or
 * postcode typed into an address by mistake or on purpose) replaced by placeholders. Routes put only ids in paths,
 * but a log must not depend on who sent the request.
 */
export function loggablePath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: redacted as it came.
  }
  return redactPersonalData(decoded.slice(0, 200)).text;
}
