/**
 * A clock tests move by hand. It starts at the real time: the embedded store's TTL indexes compare stored dates
 * with the real clock, so dates far from it would expire (or not) for the wrong reason.
 */
export class TestClock {
  private current = new Date();

  readonly now = (): Date => new Date(this.current.getTime());

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  set(date: Date): void {
    this.current = new Date(date.getTime());
  }
}

export const MINUTE = 60_000;
export const DAY = 86_400_000;
