// Shared helpers for the sandbox tests: start servers on port 0 and talk to them with global fetch.
import { afterEach } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

const open: Sandbox[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
});

export async function sandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const sb = await startSandbox({ port: 0, ...opts });
  open.push(sb);
  return sb;
}

export const APPID = 'wx4f4bc4dec97d474b';
export const SECRET = 'secret-of-the-demo-app';

export interface JsonReply {
  status: number;
  contentType: string | null;
  text: string;
  json: any;
}

async function reply(res: Response): Promise<JsonReply> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, json };
}

export async function post(sb: Sandbox, path: string, body: unknown): Promise<JsonReply> {
  const init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return reply(await fetch(sb.url + path, init));
}

export async function get(sb: Sandbox, path: string, init?: RequestInit): Promise<JsonReply> {
  return reply(await fetch(sb.url + path, init));
}

/** Registers APPID and mints a code for a (possibly new) user. */
export async function login(
  sb: Sandbox,
  body: Record<string, unknown> = {},
): Promise<{ code: string; openid: string; session_key: string }> {
  const r = await post(sb, '/__sandbox/login', { appid: APPID, ...body });
  if (r.status !== 200) throw new Error(`login failed: ${r.text}`);
  return r.json;
}

export async function registerApp(sb: Sandbox, appid = APPID, secret = SECRET): Promise<void> {
  const r = await post(sb, '/__sandbox/apps', { appid, secret, type: 'miniprogram' });
  if (r.status !== 200) throw new Error(`register failed: ${r.text}`);
}

export function code2sessionPath(params: Record<string, string | undefined>): string {
  return query('/sns/jscode2session', params);
}

export async function code2session(sb: Sandbox, code: string, appid = APPID, secret = SECRET): Promise<JsonReply> {
  return get(sb, code2sessionPath({ appid, secret, js_code: code, grant_type: 'authorization_code' }));
}

export interface ManualClock {
  now: () => number;
  advance: (ms: number) => void;
}

/** A manual clock for expiry and quota-minute tests. */
export function manualClock(start = Date.UTC(2024, 0, 1, 12, 0, 0)): ManualClock {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** A sandbox on a manual clock (starting at `start`, manualClock's default if omitted) with APPID registered. */
export async function appSandbox({
  start,
  ...opts
}: Omit<SandboxOptions, 'now'> & { start?: number } = {}): Promise<{ sb: Sandbox; clock: ManualClock }> {
  const clock = manualClock(start);
  const sb = await sandbox({ ...opts, now: clock.now });
  await registerApp(sb);
  return { sb, clock };
}

export const RID = /, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

export function query(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  return `${path}?${q}`;
}

/** GET /cgi-bin/token with the right grant_type unless overridden. */
export async function classicToken(sb: Sandbox, params: Record<string, string | undefined> = {}): Promise<JsonReply> {
  return get(sb, query('/cgi-bin/token', { grant_type: 'client_credential', appid: APPID, secret: SECRET, ...params }));
}

/** POST /cgi-bin/stable_token with the right grant_type unless overridden. */
export async function stableToken(sb: Sandbox, body: Record<string, unknown> = {}): Promise<JsonReply> {
  return post(sb, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET, ...body });
}

/**
 * GET /__sandbox/tokens?appid=: {stable, stable_honoured, classic, jsapi_ticket}, the app's tokens and
 * ticket honoured right now (see src/sandbox/control/tokens.ts).
 */
export async function tokensOf(sb: Sandbox, appid = APPID): Promise<any> {
  const r = await get(sb, query('/__sandbox/tokens', { appid }));
  if (r.status !== 200) throw new Error(`tokens failed: ${r.text}`);
  return r.json;
}

/** Mints a getPhoneNumber code via POST /__sandbox/phone_code (the user must have logged in). */
export async function phoneCode(sb: Sandbox, openid: string, phone = '13800138000', appid = APPID): Promise<string> {
  const r = await post(sb, '/__sandbox/phone_code', { appid, openid, phone });
  if (r.status !== 200) throw new Error(`phone_code failed: ${r.text}`);
  return r.json.code;
}

/** What a real API would answer for this token, via GET /__sandbox/check. */
export async function check(sb: Sandbox, token: string, api?: 'wechat' | 'wecom'): Promise<{ valid: boolean; errcode?: number }> {
  const r = await get(sb, query('/__sandbox/check', { access_token: token, api }));
  if (r.status !== 200) throw new Error(`check failed: ${r.text}`);
  return r.json;
}

export const CORPID = 'ww1234567890abcdef';
export const AGENT_SECRET = 'agent-secret-1000002';

export async function registerAgent(
  sb: Sandbox,
  body: Record<string, unknown> = {},
): Promise<void> {
  const r = await post(sb, '/__sandbox/corps', { corpid: CORPID, agentid: 1000002, secret: AGENT_SECRET, ...body });
  if (r.status !== 200) throw new Error(`corp registration failed: ${r.text}`);
}

export async function wecomToken(sb: Sandbox, params: Record<string, string | undefined> = {}): Promise<JsonReply> {
  return get(sb, query('/cgi-bin/gettoken', { corpid: CORPID, corpsecret: AGENT_SECRET, ...params }));
}

/** 86 chars of [A-Za-z0-9_-]. */
export const OPAQUE = /^[A-Za-z0-9_-]{86}$/;
export const SECOND = 1_000;
