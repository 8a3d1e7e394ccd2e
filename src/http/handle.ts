// The one HTTP handler behind all three front doors (serve, the Web function, the SCF event adapter).
import { randomUUID } from 'node:crypto';
import { APPID_PATTERN } from '../config.js';
import type { Deps } from '../deps.js';
import { dispatch, type Dispatched } from '../dispatch/dispatch.js';
import { failure } from '../dispatch/envelope.js';
import { keyFromHeaders } from '../services/keys.js';

export const MAX_BODY = 64 * 1024;

export interface HttpRequest {
  method: string;
  /** The request path; a query string is ignored. */
  path: string;
  body: Buffer;
  /** True when the body was longer than MAX_BODY (the front door stops reading there). */
  tooLarge?: boolean;
  ip: string;
  /** The platform's request id (SCF), if any. */
  requestId?: string;
  /** Header names in lower case: node:http's `req.headers` as they are, or the SCF event's (one value each). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const ALLOW_POST = { ...JSON_TYPE, allow: 'POST' };
const PROTOCOL_PATH = /^\/mina_auth(?:\/([^/]*))?\/?$/;
const APPID = new RegExp(APPID_PATTERN);

export async function handleHttp(deps: Deps, req: HttpRequest): Promise<HttpResponse> {
  const started = performance.now();
  const requestId = req.requestId || randomUUID();
  const path = req.path.split('?')[0] ?? '';
  if (path === '/healthz') return health(deps);
  const match = PROTOCOL_PATH.exec(path);
  if (!match) {
    return { status: 404, headers: JSON_TYPE, body: JSON.stringify({ error: 'not found; the gateway answers POST /mina_auth and /mina_auth/<appid>' }) };
  }
  const bound = match[1] || null;
  const out: Dispatched & { status?: number } = refusal(req, requestId, bound)
    ?? await dispatch(deps, { body: req.body, requestId, ip: req.ip, boundAppid: bound, callerKey: keyFromHeaders(req.headers) });
  if (out.bug) deps.log.error('bug', { requestId, interfaceName: out.interfaceName, stack: out.bug instanceof Error ? out.bug.stack : String(out.bug) });
  if (out.outage) deps.log.warn('store unavailable', { requestId, interfaceName: out.interfaceName, error: out.outage });
  const status = out.status ?? 200;
  deps.log.info('request', {
    requestId, interfaceName: out.interfaceName, returnCode: out.envelope.returnCode, status,
    ms: Math.round(performance.now() - started), appid: out.appid, ip: req.ip, limited: out.limited,
  });
  return { status, headers: status === 405 ? ALLOW_POST : JSON_TYPE, body: JSON.stringify(out.envelope) };
}

/** A request refused before dispatch (method, size, the path's appid), with its HTTP status if not 200; else null. */
function refusal(req: HttpRequest, requestId: string, bound: string | null): (Dispatched & { status?: number }) | null {
  if (req.method !== 'POST') {
    // The SCF event carries the method as any string: only a plausible one is quoted back.
    const method = /^[A-Za-z-]{1,16}$/.test(req.method) ? req.method : 'this method';
    return { status: 405, envelope: failure(2008, `${method} is not allowed; use POST`, requestId), interfaceName: null, appid: bound };
  }
  if (req.tooLarge || req.body.length > MAX_BODY) {
    return { status: 413, envelope: failure(2007, `the body exceeds ${MAX_BODY} bytes`, requestId), interfaceName: null, appid: bound };
  }
  if (bound !== null && !APPID.test(bound)) {
    return { envelope: failure(1003, 'the appid in the path /mina_auth/<appid> has an invalid format', requestId), interfaceName: null, appid: null };
  }
  return null;
}

async function health(deps: Deps): Promise<HttpResponse> {
  try {
    // A real table, not `select 1`: a pooled connection answers that even when the database is gone.
    await deps.store.db.selectFrom('apps').select('appid').limit(1).execute();
    return { status: 200, headers: JSON_TYPE, body: '{"ok":true}' };
  } catch {
    return { status: 503, headers: JSON_TYPE, body: '{"ok":false}' };
  }
}
