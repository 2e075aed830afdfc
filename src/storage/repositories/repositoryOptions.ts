/** What every repository is configured with. */
export interface RepositoryOptions {
  /** How long personal data is kept after it stops changing, in days (`RETENTION_DAYS`). */
  retentionDays: number;
  /** The time; tests pass a fixed clock. */
  clock?: () => Date;
}

export const DAY_MS = 86_400_000;

/** The instant before which data last changed is past retention. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export function systemClock(): Date {
  return new Date();
}

/** Email addresses are stored and looked up trimmed and lower-cased, so an export or erasure finds every copy. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
