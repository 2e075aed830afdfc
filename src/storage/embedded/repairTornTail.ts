import { open } from 'node:fs/promises';

const CHUNK = 64 * 1024;

/**
 * Cuts an unfinished last line off an embedded data file. Every complete write ends with a newline, so bytes after
 * the last newline belong to a write that was interrupted (the process was killed while appending) and was never
 * acknowledged. Without this, nedb counts the torn line as corruption and, in a small file, refuses to load.
 * Returns how many bytes were cut (0 when the file is whole or missing).
 */
export async function repairTornTail(file: string): Promise<number> {
  const handle = await open(file, 'r+').catch((error: unknown) => {
    if (isMissingFile(error)) return undefined;
    throw error;
  });
  if (!handle) return 0;
  try {
    const { size } = await handle.stat();
    const keep = await endOfLastLine(handle, size);
    if (keep === size) return 0;
    await handle.truncate(keep);
    await handle.sync();
    return size - keep;
  } finally {
    await handle.close();
  }
}

async function endOfLastLine(handle: Awaited<ReturnType<typeof open>>, size: number): Promise<number> {
  const buffer = Buffer.alloc(CHUNK);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const newline = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline !== -1) return start + newline + 1;
    end = start;
  }
  return 0;
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
