import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { StoreUnavailableError } from '../storageErrors';

/**
 * Claims a data folder for this process with a `.lock` file holding its pid. nedb keeps each collection in memory
 * and rewrites its file when compacting, so a second process on the same folder would silently undo the first
 * one's writes (an erasure, say). A lock left by a process that no longer runs (killed, crashed) is taken over.
 * Returns the function that releases it.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = path.resolve(dataDir, '.lock');
  if (heldHere.has(lockFile)) throw new StoreUnavailableError(`${dataDir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(lockFile);
      return () => {
        heldHere.delete(lockFile);
        release(lockFile);
      };
    } catch (error) {
      if (!hasCode(error, 'EEXIST')) throw error;
      const holder = Number(readLock(lockFile));
      if (isRunning(holder)) {
        throw new StoreUnavailableError(
          `${dataDir} is in use by process ${holder}: the embedded store serves one process at a time; ` +
            `stop that process first (or delete ${lockFile} if it is not a council assistant)`,
        );
      }
      release(lockFile);
    }
  }
  throw new StoreUnavailableError(`could not lock ${dataDir}`);
}

const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  // Our own pid in a lock we do not hold is a previous process's, its pid since reused (as after a container restart).
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return hasCode(error, 'EPERM');
  }
}

function readLock(lockFile: string): string {
  try {
    return readFileSync(lockFile, 'utf8').trim();
  } catch {
    return '';
  }
}

function release(lockFile: string): void {
  try {
    unlinkSync(lockFile);
  } catch (error) {
    if (!hasCode(error, 'ENOENT')) throw error;
  }
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
