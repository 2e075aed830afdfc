import type { FileHandle } from 'node:fs/promises';

const CHUNK = 1024 * 1024;

/**
 * Calls `onLine` for every newline-terminated line of a file, in order, with where it starts and its length in bytes
 * (the newline excluded), reading a megabyte at a time so that a large file never sits in memory whole. Bytes after
 * the last newline (an unfinished write) are not a line. Returns the offset just past the last newline.
 */
export async function forEachLine(
  handle: FileHandle,
  onLine: (text: string, offset: number, length: number) => void,
): Promise<number> {
  let carried = Buffer.alloc(0);
  let carriedFrom = 0;
  let position = 0;
  const chunk = Buffer.alloc(CHUNK);
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, CHUNK, position);
    if (bytesRead === 0) return carriedFrom;
    position += bytesRead;
    const data =
      carried.length > 0 ? Buffer.concat([carried, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    let start = 0;
    for (let newline = data.indexOf(0x0a); newline !== -1; newline = data.indexOf(0x0a, start)) {
      onLine(data.toString('utf8', start, newline), carriedFrom + start, newline - start);
      start = newline + 1;
    }
    carried = Buffer.from(data.subarray(start));
    carriedFrom += start;
  }
}
