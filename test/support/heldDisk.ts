import { fdatasync } from 'node:fs';
import type { SyncFile } from '../../src/storage/embedded/logSync';

/**
 * A disk for the embedded store's write-ahead log that syncs for real until `hold()`, then keeps every sync waiting
 * until the test finishes one (`finishOne`, which can fail it) or lets them all go (`release`).
 */
export class HeldDisk {
  readonly pending: Array<(error: NodeJS.ErrnoException | null) => void> = [];
  syncs = 0;
  private held: boolean;

  constructor(options: { held?: boolean } = {}) {
    this.held = options.held ?? true;
  }

  readonly sync: SyncFile = (fd, callback) => {
    this.syncs += 1;
    if (this.held) this.pending.push(callback);
    else fdatasync(fd, callback);
  };

  hold(): void {
    this.held = true;
  }

  finishOne(error: NodeJS.ErrnoException | null = null): void {
    const callback = this.pending.shift();
    if (!callback) throw new Error('no sync is running');
    callback(error);
  }

  /** Finishes the syncs waiting and syncs for real from now on. */
  release(): void {
    this.held = false;
    while (this.pending.length > 0) this.finishOne();
  }
}
