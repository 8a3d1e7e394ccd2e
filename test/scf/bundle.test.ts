// The built deploy folder dist/scf (global setup runs scripts/build.mjs): main_handler in a fresh process,
// so its warm-instance cache starts empty — misconfigured environments, and the Web-function entry.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { eventFunctionNodeArgs } from '../../scripts/deployed-node-args.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putApp, updateApp } from '../../src/services/apps.js';
import { createSecretBox, sha256Hex } from '../../src/services/secretbox.js';
import { migrate, openStore } from '../../src/store/db.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/db.js';
import { recordLogLines, recordSecret } from '../helpers/logs.js';
import { envelope, fixture, scfContext, withBody } from './helpers.js';

const DEPLOY = resolve('dist/scf');
const MISCONFIGURED = 'the gateway is misconfigured; see the function log';

// Calls main_handler once per event, like the SCF runtime in one instance, and prints each outcome.
const RUNNER = `
globalThis[Symbol.for('mina-auth.scf-script')] = (s) => console.log('CACHE ' + (s.cachedDataRejected === false ? 'taken' : 'not taken'));
const { main_handler } = require(process.argv[1]);
(async () => {
  for (const event of JSON.parse(process.argv[2])) {
    const context = JSON.parse(process.argv[3]);
    try { console.log('RESULT ' + JSON.stringify(await main_handler(event, context))); }
    catch (err) { console.log('THROWN ' + err.message); }
  }
  // An instance keeps its MySQL pool open; this one ends once its log lines are out.
  setTimeout(() => process.exit(0), 100).unref();
})();`;

interface Run { results: any[]; thrown: string[]; logs: string[]; cache: string[] }

/** NODE_OPTIONS as serverless.yml sets them for the event function (its code cache is made under them). */
const DEPLOYED_NODE_OPTIONS = eventFunctionNodeArgs().join(' ');

async function runBundle(env: Record<string, string>, events: unknown[], deploy = DEPLOY): Promise<Run> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-e', RUNNER, join(deploy, 'index.js'), JSON.stringify(events), JSON.stringify(scfContext())], {
    // Only what SCF would give: no MINA_AUTH_* from the test process.
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env }, timeout: 20_000,
  });
  recordLogLines(stdout.split('\n').filter((l) => l.startsWith('{')).join('\n'));
  const lines = (stdout + stderr).split('\n').filter(Boolean);
  return {
    results: lines.filter((l) => l.startsWith('RESULT ')).map((l) => JSON.parse(l.slice(7))),
    thrown: lines.filter((l) => l.startsWith('THROWN ')).map((l) => l.slice(7)),
    cache: lines.filter((l) => l.startsWith('CACHE ')).map((l) => l.slice(6)),
    logs: lines.filter((l) => !/^(RESULT|THROWN|CACHE) /.test(l)),
  };
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'mina-auth-scf-bundle-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the deploy folder', () => {
  it('holds the handler, the Web entry and an executable LF scf_bootstrap', () => {
    for (const file of ['index.js', 'bundle.js', 'bundle.js.cache']) expect(statSync(join(DEPLOY, file)).isFile()).toBe(true);
    expect(statSync(join(DEPLOY, 'web.js')).isFile()).toBe(true);
    const bootstrap = join(DEPLOY, 'scf_bootstrap');
    expect(statSync(bootstrap).mode & 0o777).toBe(0o755);
    const text = readFileSync(bootstrap, 'utf8');
    expect(text.startsWith('#!/bin/bash\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text).toContain('exec /var/lang/node20/bin/node --max-semi-space-size=4 --heap-growing-percent=30 --no-parallel-scavenge --no-allocation-site-pretenuring web.js');
  });
});

describe('main_handler misconfigured', () => {
  const http = () => withBody(fixture('function-url-event'), envelope('qcloud.cam.auth', { id: 'a', skey: 'b' }));

  it('answers every HTTP event with 1000 and logs one clear line without the bad value', async () => {
    const badKey = 'not-base64-' + randomBytes(12).toString('hex');
    recordSecret(badKey);
    const run = await runBundle({ MINA_AUTH_DATABASE_URL: `sqlite:${join(dir, 'a.db')}`, MINA_AUTH_MASTER_KEY: badKey }, [http(), http()]);
    expect(run.results).toHaveLength(2);
    for (const result of run.results) {
      expect(result.statusCode).toBe(200);
      expect(result.isBase64Encoded).toBe(false);
      const body = JSON.parse(result.body);
      expect(body).toMatchObject({ returnCode: 1000, returnMessage: 'INTERNAL_ERROR', returnData: '', detail: MISCONFIGURED });
      expect(typeof body.requestId).toBe('string');
    }
    expect(run.logs).toHaveLength(2);
    for (const line of run.logs) {
      expect(JSON.parse(line)).toMatchObject({ level: 'error', msg: 'the gateway is misconfigured', reason: expect.stringContaining('MINA_AUTH_MASTER_KEY must be 32 bytes') });
    }
    expect(run.logs.join('\n')).not.toContain(badKey);
  });

  it('names a missing master key', async () => {
    const run = await runBundle({ MINA_AUTH_DATABASE_URL: `sqlite:${join(dir, 'b.db')}` }, [http()]);
    expect(JSON.parse(run.results[0].body)).toMatchObject({ returnCode: 1000, detail: MISCONFIGURED });
    expect(JSON.parse(run.logs[0]!).reason).toMatch(/no master key: set MINA_AUTH_MASTER_KEY/);
  });

  it('never logs a bad database URL (it holds a password)', async () => {
    const password = 'pw-' + randomBytes(12).toString('hex');
    recordSecret(password);
    const run = await runBundle({ MINA_AUTH_DATABASE_URL: `postgres://app:${password}@10.0.0.5/mina`, MINA_AUTH_MASTER_KEY: randomBytes(32).toString('base64') }, [http()]);
    expect(JSON.parse(run.results[0].body)).toMatchObject({ returnCode: 1000, detail: MISCONFIGURED });
    expect(JSON.parse(run.logs[0]!).reason).toMatch(/MINA_AUTH_DATABASE_URL must be/);
    expect(run.logs.join('\n')).not.toContain(password);
  });

  it('fails a timer invocation (so the console shows it) and names an unknown setting', async () => {
    const run = await runBundle({ MINA_AUTH_DATABSE_URL: 'sqlite:/tmp/x.db', MINA_AUTH_MASTER_KEY: randomBytes(32).toString('base64') }, [fixture('timer-event')]);
    expect(run.thrown).toEqual([MISCONFIGURED]);
    expect(JSON.parse(run.logs[0]!).reason).toMatch(/unknown setting MINA_AUTH_DATABSE_URL/);
  });
});

// On MariaDB through the bundle's own mysql2 (built without iconv-lite's double-byte tables), on SQLite through
// better-sqlite3, which the bundle loads lazily from outside it.
describe.each(DIALECTS)('main_handler configured on %s (the bundle)', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(dialect); });
  afterAll(() => db.drop());

  it('answers /healthz and runs the timer', async () => {
    const store = openStore(db.url);
    await migrate(store);
    await store.close();
    const health = withBody(fixture('apigw-event'), undefined);
    health.httpMethod = 'GET';
    health.path = '/release/healthz';
    const run = await runBundle({ MINA_AUTH_DATABASE_URL: db.url, MINA_AUTH_MASTER_KEY: randomBytes(32).toString('base64'), MINA_AUTH_LOG_LEVEL: 'silent' }, [health, fixture('timer-event')]);
    expect(run.thrown).toEqual([]);
    expect(run.results).toEqual([
      { isBase64Encoded: false, statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"ok":true}' },
      { ok: true, swept: { sessions: 0, claims: 0 }, refreshed: { due: 0, refreshed: 0, failed: 0 } },
    ]);
  });
});

describe('the code cache (index.js runs bundle.js with bundle.js.cache)', () => {
  const health = () => ({ ...withBody(fixture('function-url-event'), undefined), httpMethod: 'GET', path: '/healthz' });
  const healthy = { isBase64Encoded: false, statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"ok":true}' };
  let env: Record<string, string>;
  beforeAll(async () => {
    const url = `sqlite:${join(dir, 'cache.db')}`;
    const store = openStore(url);
    await migrate(store);
    await store.close();
    env = { MINA_AUTH_DATABASE_URL: url, MINA_AUTH_MASTER_KEY: randomBytes(32).toString('base64'), MINA_AUTH_LOG_LEVEL: 'silent' };
  });

  it('is taken by V8 under serverless.yml\'s NODE_OPTIONS', async () => {
    const run = await runBundle({ ...env, NODE_OPTIONS: DEPLOYED_NODE_OPTIONS }, [health()]);
    expect(run.cache).toEqual(['taken']);
    expect(run.results).toEqual([healthy]);
  });

  it('is only an optimisation: other flags, or no cache file, and the bundle compiles as usual', async () => {
    const other = await runBundle(env, [health()]);
    expect(other.cache).toEqual(['not taken']);
    expect(other.results).toEqual([healthy]);
    const bare = join(dir, 'deploy-without-cache');
    cpSync(DEPLOY, bare, { recursive: true });
    rmSync(join(bare, 'bundle.js.cache'));
    symlinkSync(resolve('node_modules'), join(bare, 'node_modules')); // better-sqlite3, outside the bundle
    const without = await runBundle({ ...env, NODE_OPTIONS: DEPLOYED_NODE_OPTIONS }, [health()], bare);
    expect(without.cache).toEqual(['not taken']);
    expect(without.results).toEqual([healthy]);
  });
});

describe('the COS SDK, in a file of its own (dist/scf/cos-sdk.js)', () => {
  it('is loaded by the first qcloud.cos.sign only, and signs', async () => {
    expect(readFileSync(join(DEPLOY, 'bundle.js'), 'utf8')).toContain('require("./cos-sdk.js")');
    const masterKey = randomBytes(32);
    const url = `sqlite:${join(dir, 'cos.db')}`;
    const store = openStore(url);
    await migrate(store);
    const box = createSecretBox(masterKey);
    const now = Math.floor(Date.now() / 1000);
    const [appid, openid, id, skey] = ['wx0123456789abcdef', 'oCosUser', randomBytes(16).toString('hex'), randomBytes(16).toString('hex')];
    const secretKey = randomBytes(24).toString('base64url');
    recordSecret(skey, secretKey);
    await putApp(store.db, box, now, { appid, type: 'miniprogram', secret: randomBytes(16).toString('hex') });
    await updateApp(store.db, box, now, { appid, cos: { bucket: 'photos-1250000000', region: 'ap-guangzhou', secret_id: 'AKID' + randomBytes(12).toString('hex'), secret_key: secretKey } });
    await store.db.insertInto('users').values({ appid, openid, unionid: null, session_key_sealed: box.seal('k', 'unused'), user_info: null, created_at: now, updated_at: now }).execute();
    await store.db.insertInto('sessions').values({ id, appid, openid, skey_hash: sha256Hex(skey), created_at: now, last_visit_at: now }).execute();
    await store.close();
    const event = withBody(fixture('function-url-event'), envelope('qcloud.cos.sign', { id, skey, key: `users/${openid}/a.jpg` }));
    const run = await runBundle({ MINA_AUTH_DATABASE_URL: url, MINA_AUTH_MASTER_KEY: masterKey.toString('base64'), MINA_AUTH_LOG_LEVEL: 'silent' }, [event]);
    const answer = JSON.parse(run.results[0]!.body);
    expect(answer.returnCode, answer.detail).toBe(0);
    expect(answer.returnData.authorization).toMatch(/^q-sign-algorithm=sha1&q-ak=AKID/);
  });
});

describe('the Web function entry (web.js)', () => {
  it('listens on 0.0.0.0 and serves the gateway', async () => {
    const url = `sqlite:${join(dir, 'web.db')}`;
    const store = openStore(url);
    await migrate(store);
    await store.close();
    const child = spawn(process.execPath, [join(DEPLOY, 'web.js')], {
      cwd: DEPLOY,
      env: { PATH: process.env.PATH ?? '', MINA_AUTH_DATABASE_URL: url, MINA_AUTH_MASTER_KEY: randomBytes(32).toString('base64'), MINA_AUTH_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const port = await new Promise<number>((ok, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk;
          const line = out.split('\n').find((l) => l.includes('"msg":"listening"'));
          if (line) ok(JSON.parse(line).port);
        });
        child.once('exit', (code) => fail(new Error(`web.js exited with ${code}`)));
      });
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const get = await fetch(`http://127.0.0.1:${port}/mina_auth`, { headers: { 'x-scf-remote-addr': '198.51.100.9' } });
      expect(get.status).toBe(405);
      expect((await get.json() as { returnCode: number }).returnCode).toBe(2008);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((ok) => (child.exitCode !== null ? ok(child.exitCode) : child.once('exit', ok)));
    expect(code).toBe(0);
  });

  it('exits 1 with one clear line when misconfigured', async () => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((ok) => {
      execFile(process.execPath, [join(DEPLOY, 'web.js')], { env: { PATH: process.env.PATH ?? '', MINA_AUTH_LOG_LEVEL: 'loud' } }, (err, _out, stderr) => ok({ code: err ? (err as any).code : 0, stderr }));
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^mina-auth: the gateway is misconfigured: MINA_AUTH_LOG_LEVEL must be one of/)]);
  });
});
