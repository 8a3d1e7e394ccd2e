// Graceful shutdown of `mina-auth serve` (the built bundle): on SIGTERM it stops accepting connections, lets a
// request in flight finish and answer, closes the pool and exits 0; past --grace it closes what is left.
// WeChat's answer is held by a small proxy in front of the sandbox until the test releases it, so "in flight
// when SIGTERM arrives" is a fact, not a race.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { recordLogOutput, recordSecret } from './helpers/logs.js';

const appid = 'wx' + randomBytes(8).toString('hex');
const secret = randomBytes(16).toString('hex');
const masterKey = randomBytes(32).toString('base64');
recordSecret(secret, masterKey);

let sandbox: Sandbox;
let proxy: Server;
let proxyUrl = '';
/** jscode2session answers wait here until the test releases them. */
let arrived: () => void = () => {};
let release: () => void = () => {};
let held: Promise<void> = Promise.resolve();
const data = mkdtempSync(join(tmpdir(), 'mina-auth-shutdown-'));
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_'))) as Record<string, string>,
  MINA_AUTH_MASTER_KEY: masterKey, MINA_AUTH_UPSTREAM_TIMEOUT_MS: '20000', MINA_AUTH_LOG_LEVEL: 'info',
};

function hold(): Promise<void> {
  held = new Promise<void>((r) => { release = r; });
  return new Promise<void>((r) => { arrived = r; });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  await fetch(sandbox.url + '/__sandbox/apps', { method: 'POST', body: JSON.stringify({ appid, secret, type: 'miniprogram' }) });
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const upstream = await fetch(sandbox.url + req.url, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, body: body.length ? body : undefined });
      const text = await upstream.text();
      if (req.url!.startsWith('/sns/jscode2session')) { arrived(); await held; }
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' }).end(text);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  for (const args of [['migrate'], ['app', 'add', appid, '--secret', secret]]) {
    const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args, '--data', data], { env, encoding: 'utf8', timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
  }
});
afterAll(async () => {
  release();
  proxy?.closeAllConnections();
  await new Promise((r) => proxy?.close(r));
  await sandbox?.close();
});

const running: ChildProcess[] = [];
afterEach(() => { for (const p of running.splice(0)) if (p.exitCode === null) p.kill('SIGKILL'); });

/** Starts `serve`; resolves with its port, a way to wait for a log message, and its exit. */
async function serve(grace: number) {
  const child = spawn(process.execPath, ['dist/cli.cjs', 'serve', '--port', '0', '--host', '127.0.0.1', '--grace', String(grace), '--data', data], { env: { ...env, MINA_AUTH_WECHAT_BASE_URL: proxyUrl } });
  running.push(child);
  let out = '';
  const waiters: { msg: string; resolve: () => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    recordLogOutput(d.toString());
    for (const w of waiters.splice(0)) if (out.includes(`"msg":"${w.msg}"`)) w.resolve(); else waiters.push(w);
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const logged = (msg: string) => new Promise<void>((resolve) => {
    if (out.includes(`"msg":"${msg}"`)) resolve(); else waiters.push({ msg, resolve });
  });
  await Promise.race([logged('listening'), exited.then(() => { throw new Error(`serve exited: ${err}`); })]);
  const port = Number(/"msg":"listening","port":(\d+)/.exec(out)![1]);
  return { child, port, logged, exited, output: () => out };
}

/** One request on a fresh connection (never a pooled keep-alive socket). */
function post(port: number, body: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/mina_auth', method: 'POST', agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => resolve(JSON.parse(text)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function loginCode(): Promise<string> {
  const out = await (await fetch(sandbox.url + '/__sandbox/login', { method: 'POST', body: JSON.stringify({ appid }) })).json() as { code: string; session_key: string };
  recordSecret(out.code, out.session_key);
  return out.code;
}

describe('mina-auth serve on SIGTERM', () => {
  it('stops accepting, lets the request in flight answer, closes the pool and exits 0', async () => {
    const s = await serve(10);
    const atWeChat = hold();
    const inFlight = post(s.port, { interface: { interfaceName: 'qcloud.cam.id_skey', para: { appid, code: await loginCode() } } });
    await atWeChat; // the login is now waiting on WeChat
    s.child.kill('SIGTERM');
    await s.logged('shutting down');
    // No new connections once shutdown has begun…
    await expect(post(s.port, { interface: { interfaceName: 'qcloud.cam.auth', para: { id: 'a', skey: 'b' } } })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // …but the one in flight still gets its answer.
    release();
    const answer = await inFlight;
    recordSecret(answer.returnData?.skey);
    expect(answer.returnCode, answer.detail).toBe(0);
    expect(answer.returnMessage).toBe('NEW_SESSION_SUCCESS');
    expect(await s.exited).toBe(0);
    expect(s.output()).toContain('"msg":"stopped"');
    // Log lines are written in batches, one per event-loop turn: none is lost at exit.
    expect(s.output()).toMatch(/"msg":"request".*"interfaceName":"qcloud.cam.id_skey","returnCode":0/);
    expect(s.output()).not.toContain('grace period over');
  });

  it('closes a request still in flight after --grace seconds, and still exits 0', async () => {
    const s = await serve(1);
    const atWeChat = hold();
    const inFlight = post(s.port, { interface: { interfaceName: 'qcloud.cam.id_skey', para: { appid, code: await loginCode() } } }).catch((err: unknown) => err);
    await atWeChat;
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(await inFlight).toMatchObject({ code: 'ECONNRESET' });
    expect(s.output()).toContain('"msg":"grace period over: closing the connections still in flight","graceMs":1000');
    release();
  });
});
