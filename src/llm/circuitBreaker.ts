export type CircuitState = 'closed' | 'open' | 'halfOpen';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  coolDownMs: number;
  /** Milliseconds since the epoch; tests pass their own. */
  now?: () => number;
}

/**
 * Stops calling a service that keeps failing, so residents get the deterministic answer at once instead of waiting
 * for a timeout on every turn. Closed: calls go through, and `failureThreshold` failures in a row open it. Open:
 * calls are refused until `coolDownMs` has passed, then one trial call is let through (half open); its success
 * closes the circuit, its failure opens it for another cool-down. Other calls are refused while the trial runs.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A new breaker with the same settings, for another kind of call that must fail or recover on its own. */
  sibling(): CircuitBreaker {
    return new CircuitBreaker(this.options);
  }

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.coolDownMs ? 'halfOpen' : 'open';
  }

  /** Whether a call may go ahead now; when it returns true the caller must report the call's result. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.failures++;
    if (this.trialInFlight || this.failures >= this.options.failureThreshold) this.openedAt = this.now();
    this.trialInFlight = false;
  }
}
