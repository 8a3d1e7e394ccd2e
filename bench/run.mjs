// Load scenarios against a real `mina-auth serve` + sandbox, on SQLite and (when reachable) MariaDB.
// Figures are reported as ratios to a floor measured in the same run: the gateway's cheapest answer
// (a 404 that touches neither the store nor WeChat). Writes bench/results/latest.json. Run: npm run bench
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const LOGINS = Number(process.env.BENCH_LOGINS ?? 2000);
const agent = new Agent({ connections: CONCURRENCY * 2 });
const children = [];
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_')));

function start(args, env, until) {
  const proc = spawn(process.execPath, ['dist/cli.cjs', ...args], { env: { ...cleanEnv, ...env } });
  children.push(proc);
  let out = '';
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      if (out !== null) out += d;
      const m = out?.match(until);
      if (m) { out = null; resolve(m[1]); }
    });
    proc.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}`)));
  });
}

const run = (args, env, input) => {
  const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { env: { ...cleanEnv, ...env }, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

async function post(url, body) {
  const res = await request(url, { method: 'POST', body, dispatcher: agent });
  return { status: res.statusCode, json: JSON.parse(await res.body.text()) };
}

/** Runs `once` from CONCURRENCY loops until `total` calls or SECONDS elapse; returns rate and latency. */
async function load(once, total = Infinity) {
  const times = [];
  let issued = 0;
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (issued < total && (total !== Infinity || performance.now() < end)) {
      const i = issued++;
      const t = performance.now();
      await once(i);
      times.push(performance.now() - t);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p) => Math.round(times[Math.floor((times.length - 1) * p)] * 100) / 100;
  return { calls: times.length, perSecond: Math.round(times.length / elapsed), p50ms: pct(0.5), p99ms: pct(0.99) };
}

async function mysqlUrl() {
  const { createConnection } = await import('mysql2/promise');
  try {
    const c = await createConnection({ host: '127.0.0.1', user: 'root', connectTimeout: 2000 });
    await c.query('DROP DATABASE IF EXISTS mina_bench');
    await c.query('CREATE DATABASE mina_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
    await c.end();
    return 'mysql://root@127.0.0.1:3306/mina_bench';
  } catch {
    return null;
  }
}

async function benchDialect(name, databaseUrl, sandboxUrl) {
  const appid = 'wx' + randomBytes(8).toString('hex');
  const secret = randomBytes(16).toString('hex');
  const env = { MINA_AUTH_DATABASE_URL: databaseUrl, MINA_AUTH_MASTER_KEY: randomBytes(32).toString('base64'), MINA_AUTH_WECHAT_BASE_URL: sandboxUrl, MINA_AUTH_LOG_LEVEL: 'info' };
  run(['migrate'], env);
  run(['app', 'add', appid, '--secret', '-'], env, secret);
  await post(`${sandboxUrl}/__sandbox/apps`, JSON.stringify({ appid, secret }));
  const key = run(['key', 'create', '--name', 'bench', '--scope', 'qcloud.mimi.*:*'], env);
  const port = await start(['serve', '--port', '0', '--host', '127.0.0.1'], env, /"listening".*"port":(\d+)/);
  const gw = `http://127.0.0.1:${port}`;
  const call = (interfaceName, para) => post(`${gw}/mina_auth`, JSON.stringify({ interface: { interfaceName, para } }));
  const callWithKey = async (interfaceName, para) => {
    const res = await request(`${gw}/mina_auth`, { method: 'POST', body: JSON.stringify({ interface: { interfaceName, para } }), headers: { authorization: `Bearer ${key}` }, dispatcher: agent });
    return { status: res.statusCode, json: JSON.parse(await res.body.text()) };
  };
  const expectCode = (code) => (r) => { if (r.json.returnCode !== code) throw new Error(`expected ${code}, got ${JSON.stringify(r.json)}`); };

  const codes = [];
  for (let i = 0; i < LOGINS; i++) codes.push((await post(`${sandboxUrl}/__sandbox/login`, JSON.stringify({ appid }))).json.code);
  const session = (await call('qcloud.cam.id_skey', { appid, code: (await post(`${sandboxUrl}/__sandbox/login`, JSON.stringify({ appid }))).json.code })).json.returnData;

  const floor = async () => { const r = await post(`${gw}/nope`, '{}'); if (r.status !== 404) throw new Error('floor'); };
  await load(floor); // warm-up: JIT and connections, not measured
  const results = {
    floor: await load(floor),
    envelope_error: await load(async () => expectCode(1009)(await post(`${gw}/mina_auth`, 'not json'))),
    auth: await load(async () => expectCode(0)(await call('qcloud.cam.auth', { id: session.id, skey: session.skey }))),
    auth_unknown_session: await load(async () => expectCode(60012)(await call('qcloud.cam.auth', { id: 'f'.repeat(32), skey: 'f'.repeat(32) }))),
    access_token: await load(async () => expectCode(0)(await callWithKey('qcloud.mimi.access_token', { appid }))),
    id_skey: await load(async (i) => expectCode(0)(await call('qcloud.cam.id_skey', { appid, code: codes[i] })), codes.length),
  };
  for (const r of Object.values(results)) r.ratioToFloor = Math.round((r.perSecond / results.floor.perSecond) * 1000) / 1000;
  return results;
}

try {
  const sandboxUrl = await start(['sandbox', '--port', '0'], {}, /listening on (\S+)/);
  const stores = { sqlite: `sqlite:${join(mkdtempSync(join(tmpdir(), 'mina-bench-')), 'mina-auth.db')}` };
  const mysql = await mysqlUrl();
  if (mysql) stores.mysql = mysql;
  const figures = { when: new Date().toISOString(), node: process.version, concurrency: CONCURRENCY, seconds: SECONDS, logins: LOGINS, dialects: {} };
  for (const [name, url] of Object.entries(stores)) {
    figures.dialects[name] = await benchDialect(name, url, sandboxUrl);
    for (const [scenario, r] of Object.entries(figures.dialects[name])) {
      console.log(`${name.padEnd(6)} ${scenario.padEnd(22)} ${String(r.perSecond).padStart(7)}/s  x${r.ratioToFloor.toFixed(3)} of floor  p50 ${r.p50ms} ms  p99 ${r.p99ms} ms`);
    }
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', JSON.stringify(figures, null, 2) + '\n');
  console.log('wrote bench/results/latest.json');
} finally {
  for (const c of children) c.kill();
  await agent.close();
}
