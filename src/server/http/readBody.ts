import type { IncomingMessage } from 'node:http';

export type BodyOutcome = { ok: true; body: Buffer } | { ok: false; reason: 'tooLarge' | 'aborted' };

/** Bodies this much over the limit are still read (and dropped) so the client sees the 413; beyond, it is cut off. */
const DRAIN_ALLOWANCE_BYTES = 1024 * 1024;

/**
 * Reads a request body of at most `maxBytes`. A larger one is `tooLarge`: its bytes are dropped as they arrive, and
 * a body far beyond the limit (declared or actual) is not read further, so memory stays bounded either way.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyOutcome> {
  // Already read by someone else: there is nothing left to wait for.
  if (req.readableEnded) return Promise.resolve({ ok: true, body: Buffer.alloc(0) });
  const hardLimit = maxBytes + DRAIN_ALLOWANCE_BYTES;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > hardLimit) {
    req.pause();
    return Promise.resolve({ ok: false, reason: 'tooLarge' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > hardLimit) {
        req.pause();
        settle({ ok: false, reason: 'tooLarge' });
      } else if (size <= maxBytes) {
        chunks.push(chunk);
      }
    });
    req.on('end', () =>
      settle(size > maxBytes ? { ok: false, reason: 'tooLarge' } : { ok: true, body: Buffer.concat(chunks) }),
    );
    req.on('error', () => settle({ ok: false, reason: 'aborted' }));
    req.on('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}
