// Response shapes: WeChat-style answers (HTTP 200, text/plain JSON, `rid:` suffix), WeCom-style answers
// (HTTP 200, application/json, always errcode, `hint/from ip/more info` suffix) and control-API JSON.
import type { ServerResponse } from 'node:http';
import { randomHint, randomRid } from './random.js';

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

/**
 * Some real errmsgs have no comma before `rid:` (40164's `..., not in whitelist rid: ...`, the long
 * 45009 text); this keeps their exact shape for clients that log or match them.
 */
export function wxErrorNoComma(errcode: number, errmsg: string): Answer {
  return wxJson({ errcode, errmsg: `${errmsg} rid: ${randomRid()}` });
}

/** WeCom labels its JSON honestly and always carries errcode/errmsg, "ok" on success. */
export function wecomJson(payload: object): Answer {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errcode: 0, errmsg: 'ok', ...payload }),
  };
}

/** `<text>, hint: [<digits>], from ip: <ip>, more info at ...?e=<code>`, as qyapi writes it. */
export function wecomError(errcode: number, text: string, ip: string, nowMs: number): Answer {
  const errmsg =
    `${text}, hint: [${randomHint(nowMs)}], from ip: ${ip}, ` +
    `more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
  return wecomJson({ errcode, errmsg });
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
