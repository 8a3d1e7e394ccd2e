// Response shapes: WeChat-style answers (HTTP 200, text/plain JSON, `rid:` suffix) and control-API JSON.
import type { ServerResponse } from 'node:http';
import { randomRid } from './random.js';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** WeChat labels its JSON as text/plain; clients must parse regardless, and this keeps them honest. */
export function wxJson(payload: object): Answer {
  return { status: 200, headers: { 'content-type': 'text/plain' }, body: JSON.stringify(payload) };
}

/** Errors are HTTP 200 too; only errcode tells them apart from a success. */
export function wxError(errcode: number, errmsg: string): Answer {
  return wxJson({ errcode, errmsg: `${errmsg}, rid: ${randomRid()}` });
}

/** Unknown upstream paths: 404 with an empty body, as api.weixin.qq.com does. */
export function notFound(): Answer {
  return { status: 404, body: '' };
}

export function controlJson(status: number, payload: unknown): Answer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
}

export function send(res: ServerResponse, answer: Answer): void {
  // The client may have gone (or close() destroyed the socket) while we slept for latency.
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(answer.body)),
  });
  res.end(answer.body);
}
