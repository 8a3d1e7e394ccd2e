// The SCF event-function adapter: API Gateway / Function URL events ⇄ HttpRequest / HttpResponse. Pure, no I/O.
import { MAX_BODY, type HttpRequest, type HttpResponse } from './handle.js';

// Our own types (SCF.md §2.4): no runtime typing package exists (`@tencentcloud/serverless-nodejs` is E404).
export type ScfQueryValue = string | boolean | string[];

/** The common shape: the Function URL event is the API Gateway event minus requestContext & co. */
export interface ScfHttpEvent {
  httpMethod: string;
  /** The full request path; behind an API Gateway default domain it may start with `/<stage>`. */
  path: string;
  /** Lowercased in practice; read case-insensitively anyway. */
  headers?: Record<string, string | string[] | undefined>;
  queryString?: Record<string, ScfQueryValue>;
  /** Absent for GET. */
  body?: string | null;
  /** API Gateway only. */
  isBase64Encoded?: boolean;
  /** API Gateway only; `requestId` is often missing in captured events. */
  requestContext?: {
    serviceId?: string; path?: string; httpMethod?: string; requestId?: string;
    identity?: { secretId?: string | null }; sourceIp?: string; stage?: string;
  };
  pathParameters?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  headerParameters?: Record<string, string>;
  stageVariables?: Record<string, string>;
}

/** The integration response (集成响应): what API Gateway (isIntegratedResponse) and Function URL expect back. */
export interface ScfHttpResult {
  isBase64Encoded: boolean;
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** The timer trigger's event, e.g. `{"Type":"Timer","TriggerName":"sweep","Time":"2026-11-22T14:30:00Z","Message":""}`. */
export interface ScfTimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
  Message?: string;
}

export interface ScfContext {
  callbackWaitsForEmptyEventLoop: boolean;
  memory_limit_in_mb?: number; time_limit_in_ms?: number; request_id?: string;
  function_name?: string; function_version?: string; namespace?: string;
  tencentcloud_region?: string; tencentcloud_appid?: string; tencentcloud_uin?: string;
  environment?: unknown; environ?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isHttpEvent(event: unknown): event is ScfHttpEvent {
  return isObject(event) && typeof event.httpMethod === 'string' && typeof event.path === 'string';
}

export function isTimerEvent(event: unknown): event is ScfTimerEvent {
  return isObject(event) && event.Type === 'Timer' && typeof event.TriggerName === 'string';
}

/** Header names in lower case, each with its first non-empty value (a repeated header gives its first value). */
function lowerCaseHeaders(event: ScfHttpEvent): Record<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    const name = key.toLowerCase();
    const first = Array.isArray(value) ? value[0] : value;
    if (!found.has(name) && typeof first === 'string' && first.trim()) found.set(name, first.trim());
  }
  return Object.fromEntries(found);
}

const plainIp = (ip: string) => ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** Behind an API Gateway default domain the path can carry the stage: `/release/mina_auth` → `/mina_auth`. */
function stripStage(path: string, stage: string | undefined): string {
  if (!stage) return path;
  const prefix = '/' + stage;
  if (path === prefix) return '/';
  return path.startsWith(prefix + '/') ? path.slice(prefix.length) : path;
}

export function fromScfEvent(event: ScfHttpEvent, context?: Partial<ScfContext>): HttpRequest {
  const ctx = event.requestContext;
  const raw = event.body;
  // The platform should always hand us a string; a parsed object is re-serialised rather than lost.
  const text = raw === undefined || raw === null ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw);
  const body = event.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  const tooLarge = body.length > MAX_BODY;
  const requestId = context?.request_id || ctx?.requestId || undefined;
  const headers = lowerCaseHeaders(event);
  return {
    method: event.httpMethod.toUpperCase(),
    path: stripStage(event.path || '/', ctx?.stage),
    body: tooLarge ? Buffer.alloc(0) : body,
    tooLarge,
    ip: plainIp(ctx?.sourceIp?.trim() || headers['x-scf-remote-addr'] || ''),
    requestId,
    headers,
  };
}

export function toScfResult(res: HttpResponse): ScfHttpResult {
  return { isBase64Encoded: false, statusCode: res.status, headers: { ...res.headers }, body: res.body };
}
