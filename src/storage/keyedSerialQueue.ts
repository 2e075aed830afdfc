/**
 * Runs tasks one at a time per key (a conversation), in the order they were queued; tasks for different keys run
 * concurrently. A failed task does not stop the ones after it. Only this process's tasks are ordered: correctness
 * across processes comes from the store (see `ConversationLog.append`), this only avoids needless contention.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Tasks queued or running, over all keys (a key counts once). */
  get pendingKeys(): number {
    return this.tails.size;
  }

  /** Resolves once every task queued so far (and any they queue) has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
