// Reads a request body with a hard cap, so no client can make the sandbox buffer unbounded data.
import type { IncomingMessage } from 'node:http';

export const BODY_LIMIT = 64 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'aborted' };

export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the cap keep draining instead of answering early: replying while the client is still
      // writing makes many clients report a reset instead of our 413.
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      settle(size > limit ? { ok: false, reason: 'too_large' } : { ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => settle({ ok: false, reason: 'aborted' }));
    req.on('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}
