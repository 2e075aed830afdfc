/**
 * Runs tasks one at a time, in the order they were queued. The embedded store runs each collection's writes
 * through one queue, which is what makes a read-modify-write (an update, an upsert) atomic.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(task: () => Promise<R>): Promise<R> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  drain(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
