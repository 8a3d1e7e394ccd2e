// A real MySQL outage and recovery: the gateway runs on its own PRIVATE mariadbd (a temporary data directory,
// a free port, --skip-grant-tables; the machine's shared MariaDB on 3306 is never touched), under light load.
// The server is killed: every answer is 1001 STORE_UNAVAILABLE (never 60012) within the store's connect-timeout
// bound. It is started again: the same gateway process recovers on its own. The recovery time is reported.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { closeDeps, createDeps, type Deps } from '../../src/deps.js';
import { createGatewayServer, listen, socketOrTrustedProxy } from '../../src/http/server.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { putApp } from '../../src/services/apps.js';
import { migrate } from '../../src/store/db.js';
import { captureLogger, recordSecret } from '../helpers/logs.js';

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((p) => existsSync(p));
const present = existsSync(MARIADBD);
if (!present) {
  if (process.env.CI) throw new Error(`${MARIADBD} is missing: the store-outage test must run on CI (apt-get install mariadb-server)`);
  process.stderr.write(`warning: ${MARIADBD} is missing; the store-outage test is skipped\n`);
}

/** The mysql2 pool's connectTimeout in src/store/db.ts: the longest a store call waits to learn the store is gone. */
const STORE_CONNECT_TIMEOUT_MS = 5_000;
/** Headroom for the request around the store call (loopback HTTP, JSON, a busy CI machine). */
const MARGIN_MS = 1_000;
/** How long the gateway may take to serve again once the server accepts connections (asserted, generous). */
const RECOVERY_BOUND_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** A private mariadbd on `port` over `dir`; resolves once it accepts connections. */
async function startMariadb(dir: string, port: number): Promise<ChildProcess> {
  const args = ['--no-defaults', `--datadir=${dir}/data`, `--socket=${dir}/mysqld.sock`, `--pid-file=${dir}/mysqld.pid`, `--log-error=${dir}/error.log`,
    `--port=${port}`, '--bind-address=127.0.0.1', '--skip-grant-tables', '--skip-log-bin', '--innodb-buffer-pool-size=16M',
    '--max-connections=50', ...(process.getuid?.() === 0 ? ['--user=root'] : [])];
  const child = spawn(MARIADBD, args, { stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => { exited = true; });
  for (let i = 0; i < 400 && !exited; i++) {
    try {
      const c = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
      await c.end();
      return child;
    } catch { await sleep(50); }
  }
  child.kill('SIGKILL');
  const log = existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, 'utf8').split('\n').slice(-5).join(' | ') : '';
  throw new Error(`the private mariadbd did not start: ${log}`);
}

/** A fresh data directory; mariadb-install-db only when a bare directory does not start (it takes seconds). */
async function firstStart(dir: string, port: number): Promise<ChildProcess> {
  mkdirSync(join(dir, 'data'), { recursive: true });
  try {
    return await startMariadb(dir, port);
  } catch (err) {
    if (!INSTALL_DB) throw err;
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    const r = spawnSync(INSTALL_DB, ['--no-defaults', `--datadir=${dir}/data`, '--auth-root-authentication-method=normal', '--skip-test-db',
      ...(process.getuid?.() === 0 ? ['--user=root'] : [])], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`mariadb-install-db failed: ${r.stderr.slice(-300)}`);
    return startMariadb(dir, port);
  }
}

const stopped = (p: ChildProcess) => new Promise<void>((r) => { if (p.exitCode !== null || p.signalCode !== null) r(); else p.once('exit', () => r()); });

interface Answer { start: number; end: number; code: number | string }

describe.runIf(present)('a MySQL outage and recovery on a private mariadbd', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mina-mdb-'));
  let port = 0;
  let mariadb: ChildProcess;
  let deps: Deps;
  let server: Server;
  let sandbox: Sandbox;
  let base = '';
  let session = { id: '', skey: '' };

  beforeAll(async () => {
    port = await freePort();
    mariadb = await firstStart(dir, port);
    const c = await createConnection({ host: '127.0.0.1', port, user: 'root' });
    await c.query('CREATE DATABASE mina CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
    await c.end();
    sandbox = await startSandbox({ port: 0, keyRotationMs: 0 });
    const masterKey = randomBytes(32).toString('base64');
    recordSecret(masterKey);
    const config = loadConfig({
      MINA_AUTH_DATABASE_URL: `mysql://root@127.0.0.1:${port}/mina`, MINA_AUTH_MASTER_KEY: masterKey,
      MINA_AUTH_WECHAT_BASE_URL: sandbox.url, MINA_AUTH_UPSTREAM_TIMEOUT_MS: '1000',
    });
    deps = createDeps(config, { log: captureLogger(), connectionLimit: 4 });
    await migrate(deps.store);
    server = createGatewayServer(deps, socketOrTrustedProxy(config.trustedProxies));
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;

    const appid = 'wx' + randomBytes(8).toString('hex');
    const secret = randomBytes(16).toString('hex');
    recordSecret(secret);
    await putApp(deps.store.db, deps.box, deps.clock.now(), { appid, secret, type: 'miniprogram' });
    await fetch(sandbox.url + '/__sandbox/apps', { method: 'POST', body: JSON.stringify({ appid, secret, type: 'miniprogram' }) });
    const { code } = await (await fetch(sandbox.url + '/__sandbox/login', { method: 'POST', body: JSON.stringify({ appid }) })).json() as { code: string };
    recordSecret(code);
    const login = await call('qcloud.cam.id_skey', { appid, code });
    expect(login.returnCode, login.detail).toBe(0);
    session = { id: login.returnData.id, skey: login.returnData.skey };
    recordSecret(session.skey);
  }, 60_000);

  afterAll(async () => {
    if (server) await new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); });
    if (deps) await closeDeps(deps);
    await sandbox?.close();
    if (mariadb) { mariadb.kill('SIGKILL'); await stopped(mariadb); }
    rmSync(dir, { recursive: true, force: true });
  });

  async function call(interfaceName: string, para: unknown): Promise<any> {
    const res = await fetch(base + '/mina_auth', { method: 'POST', body: JSON.stringify({ interface: { interfaceName, para } }) });
    return res.json();
  }
  const health = async () => (await fetch(base + '/healthz')).status;

  it('answers 1001 (never 60012) within the store timeout while the server is down, and recovers when it is back', async () => {
    // Light load: 4 clients checking the session, 10 ms apart.
    const answers: Answer[] = [];
    let running = true;
    const clients = Array.from({ length: 4 }, async () => {
      while (running) {
        const start = Date.now();
        let code: number | string;
        try { code = (await call('qcloud.cam.auth', session)).returnCode; } catch (err) { code = String((err as Error).message); }
        answers.push({ start, end: Date.now(), code });
        await sleep(10);
      }
    });
    const waitFor = async (what: string, ok: () => boolean | Promise<boolean>, boundMs: number) => {
      const until = Date.now() + boundMs;
      while (!(await ok())) {
        if (Date.now() > until) throw new Error(`${what} did not happen within ${boundMs} ms`);
        await sleep(10);
      }
    };
    const since = (t: number) => answers.filter((a) => a.start >= t);

    try {
      await waitFor('20 answers before the outage', () => answers.length >= 20, 10_000);
      expect(new Set(answers.map((a) => a.code))).toEqual(new Set([0]));

      const killedAt = Date.now();
      mariadb.kill('SIGKILL');
      await stopped(mariadb);
      await waitFor('a 1001 after the kill', () => answers.some((a) => a.code === 1001), STORE_CONNECT_TIMEOUT_MS + MARGIN_MS);
      const firstOutage = answers.find((a) => a.code === 1001)!.end - killedAt;
      await waitFor('20 answers during the outage', () => since(killedAt + firstOutage).length >= 20, 10_000);
      expect(await health()).toBe(503);

      const restartAt = Date.now();
      mariadb = await startMariadb(dir, port);
      const readyAt = Date.now();
      await waitFor('a success after the restart', () => since(readyAt).some((a) => a.code === 0), RECOVERY_BOUND_MS);
      const recoveredAt = since(readyAt).find((a) => a.code === 0)!.end;
      await waitFor('20 answers after recovery', () => since(recoveredAt).length >= 20, 10_000);
      running = false;
      await Promise.all(clients);
      expect(await health()).toBe(200);

      // Never 60012, never anything but success or 1001, and no answer slower than the store's timeout bound.
      expect(answers.filter((a) => a.code !== 0 && a.code !== 1001)).toEqual([]);
      const outage = answers.filter((a) => a.start > killedAt + firstOutage && a.end < restartAt);
      expect(outage.length).toBeGreaterThanOrEqual(20);
      expect(outage.filter((a) => a.code !== 1001)).toEqual([]);
      expect(Math.max(...answers.filter((a) => a.start >= killedAt).map((a) => a.end - a.start))).toBeLessThanOrEqual(STORE_CONNECT_TIMEOUT_MS + MARGIN_MS);
      // Once recovered, it stays recovered.
      expect(since(recoveredAt).filter((a) => a.code !== 0)).toEqual([]);
      console.log(`store outage on a private mariadbd: first 1001 ${firstOutage} ms after the kill; mariadbd restarted in ${readyAt - restartAt} ms; `
        + `the gateway served again ${recoveredAt - readyAt} ms after mariadbd accepted connections (${recoveredAt - restartAt} ms after the restart began); `
        + `${answers.length} answers, ${outage.length} during the outage`);
    } finally {
      running = false;
      await Promise.all(clients);
    }
  }, 60_000);
});
