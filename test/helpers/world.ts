// A test world: a real store (MariaDB or SQLite), the sandbox over HTTP, and the gateway over HTTP, on port 0.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { closeDeps, createDeps, type Deps } from '../../src/deps.js';
import type { Envelope } from '../../src/dispatch/envelope.js';
import { createGatewayServer, listen, socketOrTrustedProxy } from '../../src/http/server.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { putApp, type AppInput } from '../../src/services/apps.js';
import { createKey, type KeyInput } from '../../src/services/keys.js';
import { migrate } from '../../src/store/db.js';
import { createTestDatabase, type DialectName, type TestDatabase } from './db.js';
import { captureLogger, recordSecret } from './logs.js';

export interface ManualClock { now(): number; advance(seconds: number): void; set(t: number): void }

export function manualClock(start = Math.floor(Date.now() / 1000)): ManualClock {
  let t = start;
  return { now: () => t, advance: (s) => { t += s; }, set: (v) => { t = v; } };
}

export interface WorldOptions {
  /** MINA_AUTH_* settings (without the prefix) on top of the world's own. */
  env?: Record<string, string>;
  sandbox?: SandboxOptions;
  /** The sandbox runs on the world's clock too (token expiry tests move both at once). */
  sharedClock?: boolean;
}

export interface Reply { status: number; headers: Headers; text: string; json: any }

export const randomAppid = () => 'wx' + randomBytes(8).toString('hex');

export async function startWorld(dialect: DialectName, opts: WorldOptions = {}) {
  const database: TestDatabase = await createTestDatabase(dialect);
  const clock = manualClock();
  const sandbox: Sandbox = await startSandbox({ port: 0, keyRotationMs: 0, ...(opts.sharedClock ? { now: () => clock.now() * 1000 } : {}), ...opts.sandbox });
  const masterKey = randomBytes(32).toString('base64');
  const env: Record<string, string> = {
    MINA_AUTH_DATABASE_URL: database.url, MINA_AUTH_MASTER_KEY: masterKey,
    MINA_AUTH_WECHAT_BASE_URL: sandbox.url, MINA_AUTH_WECOM_BASE_URL: sandbox.url, MINA_AUTH_UPSTREAM_TIMEOUT_MS: '1000',
  };
  for (const [k, v] of Object.entries(opts.env ?? {})) env['MINA_AUTH_' + k] = v;
  const config = loadConfig(env);
  const log = captureLogger();
  // Small pools: many worlds share MariaDB's 151 connections.
  const deps: Deps = createDeps(config, { clock, log, connectionLimit: 4 });
  await migrate(deps.store);
  const server: Server = createGatewayServer(deps, socketOrTrustedProxy(config.trustedProxies));
  const port = await listen(server, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;

  async function request(path: string, init: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
    const res = await fetch(base + path, { method: init.method ?? 'POST', body: init.body, headers: init.headers });
    const text = await res.text();
    let json: unknown;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: res.status, headers: res.headers, text, json };
  }

  async function sandboxPost(path: string, body: unknown): Promise<any> {
    const res = await fetch(sandbox.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`sandbox ${path}: ${JSON.stringify(json)}`);
    return json;
  }

  const world = {
    dialect, deps, config, clock, log, base, sandbox, database,
    request,
    /** One protocol call; asserts the HTTP layer (200, JSON) and returns the envelope. */
    async call(name: string, para: unknown, path = '/mina_auth'): Promise<Envelope & { returnData: any }> {
      const reply = await request(path, { body: JSON.stringify({ version: 1, componentName: 'MA', interface: { interfaceName: name, para } }), headers: { 'content-type': 'application/json' } });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const env = reply.json;
      recordSecret(env?.returnData?.skey);
      return env;
    },
    /** A protocol call with a caller key. */
    async callWithKey(key: string, name: string, para: unknown): Promise<Envelope & { returnData: any }> {
      const reply = await request('/mina_auth', { body: JSON.stringify({ interface: { interfaceName: name, para } }), headers: { authorization: `Bearer ${key}` } });
      expect(reply.status).toBe(200);
      return reply.json;
    },
    async sandboxGet(path: string): Promise<any> {
      return (await fetch(sandbox.url + path)).json();
    },
    sandboxPost,
    /** Registers an app in the store and in the sandbox. */
    async addApp(input: Partial<AppInput> = {}): Promise<{ appid: string; secret: string }> {
      const appid = input.appid ?? randomAppid();
      const secret = input.secret ?? randomBytes(16).toString('hex');
      recordSecret(secret);
      await putApp(deps.store.db, deps.box, clock.now(), { type: 'miniprogram', ...input, appid, secret });
      await sandboxPost('/__sandbox/apps', { appid, secret, type: input.type ?? 'miniprogram' });
      return { appid, secret };
    },
    /** A caller key in the store, recorded for the log-redaction check (the whole key and its secret part). */
    async callerKey(name: string, scopes: string[], expires_at: KeyInput['expires_at'] = null): Promise<{ key_id: string; key: string }> {
      const created = await createKey(deps.store.db, clock.now(), { name, scopes, expires_at });
      recordSecret(created.key, created.key.split('_').slice(2).join('_'));
      return created;
    },
    /** A simulated wx.login: a fresh code for (appid, openid?). */
    async wxLogin(appid: string, user: { openid?: string; unionid?: string; session_key?: string } = {}): Promise<{ code: string; openid: string; session_key: string }> {
      const out = await sandboxPost('/__sandbox/login', { appid, ...user });
      recordSecret(out.code, out.session_key);
      return out;
    },
    /** wx.login + qcloud.cam.id_skey; asserts success. */
    async login(appid: string, user: { openid?: string; unionid?: string } = {}, extra: Record<string, unknown> = {}) {
      const { code, openid } = await world.wxLogin(appid, user);
      const env = await world.call('qcloud.cam.id_skey', { appid, code, ...extra });
      expect(env.returnCode, env.detail).toBe(0);
      expect(env.returnData.openid).toBe(openid);
      return env.returnData as { id: string; skey: string; appid: string; openid: string; unionid: string | null; user_info: any; duration: number; expires_at: number };
    },
    async encrypt(appid: string, openid: string, data: Record<string, unknown>): Promise<{ encrypt_data: string; iv: string }> {
      return sandboxPost('/__sandbox/encrypt', { appid, openid, data });
    },
    async fault(path: string, mode: string, extra: { errcode?: number; times?: number } = {}): Promise<void> {
      await sandboxPost('/__sandbox/faults', { path, mode, ...extra });
    },
    async stats(): Promise<{ calls: Record<string, Record<string, number>> }> {
      return (await fetch(sandbox.url + '/__sandbox/stats')).json() as Promise<{ calls: Record<string, Record<string, number>> }>;
    },
    async close(): Promise<void> {
      await new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); });
      await closeDeps(deps);
      await sandbox.close();
      await database.drop();
    },
  };
  return world;
}

export type World = Awaited<ReturnType<typeof startWorld>>;
