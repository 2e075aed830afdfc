import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths that may hold a resident's words or personal data, or a secret. They are removed from every log line,
 * whatever the level, so a log can be shared with a supplier without a data-protection review.
 */
export const REDACTED_PATHS = [
  'text',
  '*.text',
  'message',
  'activity.text',
  'activity.value',
  'activity.from.name',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'password',
  '*.password',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'postcode',
  '*.postcode',
  'details',
  '*.details',
  'contact',
  '*.contact',
  'answers',
  '*.answers',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'council-assistant' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
