// Serves /__sandbox/*: route table, JSON body parsing, and the single place errors become {error}.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../body.js';
import { controlJson, send, type Answer } from '../reply.js';
import type { Ctx } from '../state.js';
import { postApps } from './apps.js';
import { postCorps } from './corps.js';
import { postEncrypt } from './encrypt.js';
import { postFaults } from './faults.js';
import { getStats, getUsers, postReset } from './inspect.js';
import { postLogin } from './login.js';
import { postPhoneCode } from './phoneCode.js';
import { getCheck, getTokens } from './tokens.js';
import type { ControlHandler } from './types.js';
import { ControlError } from './validate.js';

const controlRoutes: ReadonlyMap<string, Partial<Record<string, ControlHandler>>> = new Map([
  ['/__sandbox/apps', { POST: postApps }],
  ['/__sandbox/corps', { POST: postCorps }],
  ['/__sandbox/login', { POST: postLogin }],
  ['/__sandbox/encrypt', { POST: postEncrypt }],
  ['/__sandbox/phone_code', { POST: postPhoneCode }],
  ['/__sandbox/tokens', { GET: getTokens }],
  ['/__sandbox/check', { GET: getCheck }],
  ['/__sandbox/faults', { POST: postFaults }],
  ['/__sandbox/stats', { GET: getStats }],
  ['/__sandbox/users', { GET: getUsers }],
  ['/__sandbox/reset', { POST: postReset }],
]);

// Control calls are never delayed by latencyMs: tests set the world up, they don't measure it.
export async function serveControl(
  ctx: Ctx,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const methods = controlRoutes.get(path);
  if (methods === undefined) {
    send(res, controlJson(404, { error: `unknown sandbox endpoint ${path}` }));
    return;
  }
  const method = req.method ?? 'GET';
  const handler = methods[method];
  if (handler === undefined) {
    const allow = Object.keys(methods).join(', ');
    const answer = controlJson(405, { error: `use ${allow} for ${path}` });
    send(res, { ...answer, headers: { ...answer.headers, allow } });
    return;
  }
  let body: unknown;
  if (method === 'POST') {
    const read = await readBody(req);
    if (!read.ok) {
      if (read.reason === 'too_large') send(res, controlJson(413, { error: 'body larger than 64 KiB' }));
      return;
    }
    const parsed = parseBody(read.text);
    if (!parsed.ok) {
      send(res, parsed.answer);
      return;
    }
    body = parsed.value;
  }
  send(res, runHandler(ctx, handler, { query, body }));
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false; answer: Answer } {
  // An empty body is an empty object, so `POST /__sandbox/reset` works with a bare curl -X POST.
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, answer: controlJson(400, { error: 'body is not valid JSON' }) };
  }
}

function runHandler(ctx: Ctx, handler: ControlHandler, req: { query: URLSearchParams; body: unknown }): Answer {
  try {
    return handler(ctx, req);
  } catch (err) {
    if (err instanceof ControlError) return controlJson(err.status, { error: err.message });
    throw err;
  }
}
