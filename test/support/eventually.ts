/** How long `eventually` waits, and what its failure says it waited for. */
export interface EventuallyOptions {
  /** 5 s unless told. */
  timeoutMs?: number;
  /** Named in the failure: `timed out after 5000 ms waiting for the delivery marked sent`. */
  what?: string;
  /** How often `check` is asked again: 20 ms unless told. */
  everyMs?: number;
}

/**
 * Asks `check` again and again until it holds, then resolves with the milliseconds that took; rejects once
 * `timeoutMs` has passed. The one way tests wait for something that happens soon after an action (a stream
 * subscribing, a turn ending, a file being watched): never a fixed sleep, which is either too short on a busy machine
 * or needlessly long, and which lets one test lean on what the one before it left behind.
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 5_000, what = 'the condition', everyMs = 20 }: EventuallyOptions = {},
): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return Date.now() - started;
}
