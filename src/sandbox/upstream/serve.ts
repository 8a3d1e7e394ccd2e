// Serves one non-/__sandbox request: stats, queued faults, latency, then the route's handler.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../body.js';
import { normalizeIp } from '../ip.js';
import { isRecord, parseLenient } from '../json.js';
import { notFound, send, wecomError, wxError, type Answer } from '../reply.js';
import type { Ctx, Fault, State } from '../state.js';
import { upstreamRoutes, type UpstreamRequest, type UpstreamRoute } from './routes.js';

export type Sleep = (ms: number) => Promise<void>;

export async function serveUpstream(
  ctx: Ctx,
  sleep: Sleep,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const route = upstreamRoutes.get(path);
  if (route === undefined) {
    await sleep(ctx.config.latencyMs);
    send(res, notFound());
    return;
  }
  const body = await readBody(req);
  if (!body.ok && body.reason === 'aborted') return;
  const text = body.ok ? body.text : '';
  const json = parseLenient(text);
  // remoteAddress is undefined only once the socket is gone, and then nobody reads the answer.
  const ip = normalizeIp(req.socket.remoteAddress ?? '0.0.0.0');

  // Counted on arrival so a test can see a call that is still in flight or held by a fault.
  countCall(ctx.state, path, statsKey(ctx.state, query, json));
  // An oversized body is refused (413) before any fault could fire, so it must not use one up.
  const fault = body.ok ? takeFault(ctx.state, path) : undefined;
  await sleep(ctx.config.latencyMs);

  if (!body.ok) {
    send(res, { status: 413, body: '' });
    return;
  }
  if (fault !== undefined && fault.mode !== 'timeout') {
    send(res, faultAnswer(fault, route, ip, ctx.config.now()));
    return;
  }
  const answer = answerRoute(ctx, route, { method: req.method ?? 'GET', query, json, text, ip });
  // A timeout fault still does the work (a code gets consumed, as with a real lost response);
  // the socket is simply never answered until the client gives up or close() destroys it.
  if (fault?.mode === 'timeout') return;
  send(res, answer);
}

function answerRoute(ctx: Ctx, route: UpstreamRoute, req: UpstreamRequest): Answer {
  const handler = route.methods[req.method] ?? route.otherMethod;
  return handler === undefined ? notFound() : handler(ctx, req);
}

function faultAnswer(fault: Fault, route: UpstreamRoute, ip: string, now: number): Answer {
  switch (fault.mode) {
    case 'http500':
      return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error' };
    case 'garbage':
      // What a broken proxy in front of WeChat returns: 200 with a body that is not JSON.
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>502 Bad Gateway</html>' };
    default:
      // -1 reads "system busy" on qyapi, "system error" on api.weixin.
      return route.api === 'wecom' ? wecomError(fault.errcode, 'system busy', ip, now) : wxError(fault.errcode, 'system error');
  }
}

function takeFault(state: State, path: string): Fault | undefined {
  const queue = state.faults.get(path);
  const head = queue?.[0];
  if (queue === undefined || head === undefined) return undefined;
  head.remaining -= 1;
  if (head.remaining <= 0) queue.shift();
  if (queue.length === 0) state.faults.delete(path);
  return head;
}

function countCall(state: State, path: string, key: string): void {
  let perApp = state.calls.get(path);
  if (perApp === undefined) {
    perApp = new Map();
    state.calls.set(path, perApp);
  }
  perApp.set(key, (perApp.get(key) ?? 0) + 1);
}

/**
 * Stats are keyed by the caller's appid (query first, then JSON body), corpid for WeCom, else the
 * owner of the `access_token` (even a dead one, as long as it is remembered), else "-".
 */
function statsKey(state: State, query: URLSearchParams, json: unknown): string {
  const fromBody = isRecord(json) && typeof json.appid === 'string' ? json.appid : '';
  const token = query.get('access_token');
  const owner = token ? state.tokens.get(token)?.owner : undefined;
  return query.get('appid') || fromBody || query.get('corpid') || owner || '-';
}
