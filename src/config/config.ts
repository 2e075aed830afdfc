import { z } from 'zod';
import { parseOpeningHours } from '../contactCentre/openingHours';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A rate limit setting: requests per minute, from 1 to 100,000. */
const perMinute = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the server reads, with its default. `.env.example` lists the same variables;
 * a test keeps the two in step.
 */
const configShape = {
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  PUBLIC_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Behind a reverse proxy: take the client's address and scheme from X-Forwarded-For / X-Forwarded-Proto. */
  TRUST_PROXY: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((value) => value === 'true'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  KNOWLEDGE_DIR: z.string().trim().min(1).default('./knowledge'),
  MONGODB_URI: optionalText.pipe(
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
  ),
  MONGODB_DB: z.string().trim().min(1).default('councilbot'),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
  /** The most one resident's turn waits for the model (all its calls together) before the deterministic answer. */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),
  /** Consecutive model failures that open the circuit breaker, and how long it stays open. */
  OPENAI_CIRCUIT_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  OPENAI_CIRCUIT_COOLDOWN_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /** Least cosine similarity for an article to be found by meaning alone (depends on the embedding model). */
  OPENAI_MIN_SIMILARITY: z.coerce.number().min(0).max(1).default(0.5),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MicrosoftAppTenantId: optionalText,
  /**
   * Development only: without `MicrosoftAppId`, let `/api/messages` reply to a loopback service URL
   * (`http://localhost:<port>`, `127.0.0.1`, `[::1]`, as the Bot Framework Emulator sends). Off, unauthenticated
   * callers get their replies only in the HTTP response (`deliveryMode: "expectReplies"`).
   */
  ALLOW_EMULATOR_LOOPBACK: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((value) => value === 'true'),
  DIRECTLINE_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  CONTACT_CENTRE_HOURS: optionalText.pipe(
    z
      .string()
      .superRefine((value, ctx) => {
        const parsed = parseOpeningHours(value);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
      })
      .optional(),
  ),
  CONSOLE_ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  CONSOLE_ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
  /** Minutes without a request after which a CSA console session ends (sliding; at most 12 hours in all). */
  CONSOLE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(60),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** How long the public performance page (`/performance`) is served before its figures are computed again. */
  PERFORMANCE_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  HANDOFF_MODE: z.enum(['console', 'botframework']).default('console'),
  HANDOFF_MAX_WAIT_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
  /** The council's CRM: every service request is POSTed here as signed JSON (README: "CRM webhook"). */
  CRM_WEBHOOK_URL: optionalText.pipe(
    z
      .url()
      .refine((value) => /^https?:\/\//.test(value), 'must be an http(s) address')
      .optional(),
  ),
  CRM_WEBHOOK_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** Attempts per outbox message (emails, CRM deliveries) before it is dead-lettered. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(16),
  /** The first retry waits this long; each later one twice as long, up to an hour. */
  OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** The council's mail server for acknowledgement emails; unset keeps them in the outbox unsent. */
  SMTP_HOST: optionalText,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true for TLS from the start (usually port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((value) => value === 'true'),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  SMTP_FROM: optionalText,
  /**
   * Rate limits, each a number of requests per minute: a client may send that many at once, then as many again
   * spread over each minute. Beyond a limit the answer is 429 with `Retry-After`.
   */
  RATE_LIMIT_TOKENS_PER_ADDRESS: perMinute(120),
  RATE_LIMIT_TOKENS_PER_CONVERSATION: perMinute(30),
  RATE_LIMIT_MESSAGES_PER_ADDRESS: perMinute(1200),
  RATE_LIMIT_MESSAGES_PER_CONVERSATION: perMinute(60),
  RATE_LIMIT_UPLOADS_PER_ADDRESS: perMinute(60),
  RATE_LIMIT_UPLOADS_PER_CONVERSATION: perMinute(10),
  RATE_LIMIT_SIGN_INS_PER_ADDRESS: perMinute(10),
  /** Ordnance Survey Places API key: addresses from OS Places instead of the embedded gazetteer (ward, round kept). */
  OS_PLACES_API_KEY: optionalText,
  /** The back office's Open311 GeoReport v2 base address (`.../services.json` and `.../requests.json` under it). */
  OPEN311_ENDPOINT: optionalText.pipe(
    z
      .url()
      .refine((value) => /^https?:\/\//.test(value), 'must be an http(s) address')
      .optional(),
  ),
  OPEN311_API_KEY: optionalText,
  OPEN311_JURISDICTION_ID: optionalText,
  /** How often the status of requests passed over Open311 is read back. */
  OPEN311_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /** Bearer key for the staff API (`/api/requests/...`); unset turns the API off. */
  STAFF_API_KEY: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
};

/** The names of every variable the server reads. */
export const CONFIG_VARIABLES = Object.keys(configShape);

export const configSchema = z.object(configShape).superRefine((config, ctx) => {
  if (config.MicrosoftAppId && !config.MicrosoftAppPassword && config.MicrosoftAppType !== 'UserAssignedMSI') {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
  }
  if (config.CRM_WEBHOOK_URL && !config.CRM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['CRM_WEBHOOK_SECRET'], message: 'is required when CRM_WEBHOOK_URL is set' });
  }
  if (config.SMTP_HOST && !config.SMTP_FROM) {
    ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'is required when SMTP_HOST is set' });
  }
  if (config.SMTP_PASSWORD && !config.SMTP_USER) {
    ctx.addIssue({ code: 'custom', path: ['SMTP_USER'], message: 'is required when SMTP_PASSWORD is set' });
  }
  if (config.MicrosoftAppType === 'SingleTenant' && !config.MicrosoftAppTenantId) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for a SingleTenant app' });
  }
});

export type Config = z.infer<typeof configSchema>;

export type LoadConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads configuration from an environment; every problem names its variable, so start-up can list them all. */
export function loadConfig(env: Record<string, string | undefined>): LoadConfigResult {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    return `${variable}: ${issue.message}`;
  });
  return { ok: false, problems };
}
