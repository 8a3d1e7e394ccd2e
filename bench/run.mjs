// The benchmark suite (bench/README.md): `npm run bench` (about 6 minutes) or `npm run bench -- --quick` (about 1).
// Starts the WeChat sandbox and `mina-auth serve` on SQLite and MariaDB, drives them from a load generator in its
// own process (autocannon, bench/lib/loadgen.mjs), and measures, in the same run, the floors every figure is a
// ratio of: a bare node:http server under the same load, raw mysql2 primary-key selects at the same concurrency and
// pool size, and `node -e 0`. Writes bench/results/<time>.json and latest.json, and (full runs) docs/benchmarks.md.
import { fork, spawn, spawnSync } from 'node:child_process';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { eventFunctionNodeArgs, serveNodeArgs } from '../scripts/deployed-node-args.mjs';
import { median, residentMb, rssMb } from './lib/proc.mjs';
import { mb, pct, r1, ratioOf, renderDocs } from './lib/report.mjs';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    dialects: { type: 'string' },
    docs: { type: 'boolean' },
    cli: { type: 'string' },
    scf: { type: 'string' },
    'node-args': { type: 'string' },
    'no-docs': { type: 'boolean' },
    keep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help) {
  const usage = readFileSync(new URL('README.md', import.meta.url), 'utf8').split('\n## ').find((s) => s.startsWith('Usage'));
  console.log(/```\n([\s\S]*?)\n```/.exec(usage ?? '')?.[1] ?? 'see bench/README.md');
  process.exit(0);
}

const QUICK = flags.quick === true;
const P = {
  mode: QUICK ? 'quick' : 'full',
  /** Seconds of load per point, and as much for its HTTP floor, both split into `rounds` slices run in turn. */
  seconds: Number(flags.seconds ?? (QUICK ? 1.25 : 8)),
  rounds: Number(flags.rounds ?? (QUICK ? 3 : 5)),
  warmup: QUICK ? 0.5 : 3,
  levels: [16, 64, 256],
  /** Concurrency of the single-level scenarios (access_token, id_skey, the 404). */
  at: 64,
  sessions: 10_000,
  users: 500,
  /** Logins per id_skey run, by sandbox latency: each a fresh code, used once. */
  logins: QUICK ? { 0: 150, 50: 150 } : { 0: 4000, 50: 3000 },
  processRuns: QUICK ? 5 : 10,
  coldRuns: QUICK ? 3 : 12,
  /** Seconds of auth events through one SCF instance's main_handler, one at a time. */
  scfSeconds: QUICK ? 3 : 30,
  dispatchSeconds: QUICK ? 0.2 : 1.5,
  /** The in-process breakdown of one auth (bench/lib/breakdown.ts): full runs only. */
  breakdown: QUICK ? null : { seconds: 1, rounds: 3 },
  /** µs of pure CPU added per answer to the HTTP floor, to show what a fixed cost does to the ratio (at `at`). */
  workUs: [10, 20, 40],
  /** The gateway's pool, and the DB floor's: the same size (serve's default is 10). */
  pool: 10,
};
const DIALECTS = (flags.dialects ?? 'sqlite,mysql').split(',').map((s) => s.trim()).filter(Boolean);
/** A run of another build (--cli/--scf) never replaces latest.json or the docs. */
const VARIANT = flags.cli !== undefined || flags.scf !== undefined || flags['node-args'] !== undefined;
const WRITE_DOCS = !VARIANT && (flags['no-docs'] ? false : flags.docs ? true : !QUICK);
const NODE = process.execPath;
/** The builds under test: the ones scripts/build.mjs wrote, unless --cli / --scf name others (a candidate change built elsewhere). */
const CLI = flags.cli ?? 'dist/cli.cjs';
const SCF = flags.scf ?? './dist/scf/index.js';
/**
 * Node options as deployed: `serve` gets those of `npm start` (also in scf_bootstrap and the systemd unit of
 * docs/deploy.md), the SCF event function those of NODE_OPTIONS in serverless.yml. --node-args="…" replaces both
 * (e.g. --cpu-prof, or a setting to price).
 */
const customArgs = flags['node-args'] === undefined ? null : flags['node-args'].split(/\s+/).filter(Boolean);
const GATEWAY_NODE_ARGS = customArgs ?? serveNodeArgs();
const EVENT_FUNCTION_NODE_ARGS = customArgs ?? eventFunctionNodeArgs();
const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'mina-bench-'));
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_')));
const children = new Set();
const cleanups = [];
const agent = new Agent({ connections: 64 });
const note = (line) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}\n`);

// ---------------------------------------------------------------- processes

/** A child we started; killed (by its own pid) at the end whatever happens. */
function track(proc) {
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  return proc;
}

async function stop(proc, ms = 3000) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `node <args>` and resolves with the first match of `until` on its stdout. With `logFile`, stdout and
 * stderr go to that file (as a production log would; nothing of ours reads a pipe during the load) and the file is
 * polled for the match.
 */
function startNode(args, { env = {}, until, logFile = null, timeoutMs = 15000 }) {
  const fd = logFile ? openSync(logFile, 'a') : null;
  const proc = track(spawn(NODE, args, { env: { ...cleanEnv, ...env }, stdio: fd === null ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd] }));
  if (fd !== null) closeSync(fd);
  let text = '';
  return new Promise((resolve, reject) => {
    let poll = null;
    const done = (err, m) => {
      if (text === null) return;
      text = null;
      clearTimeout(timer);
      clearInterval(poll);
      if (err) reject(err); else resolve({ proc, match: m });
    };
    const timer = setTimeout(() => done(new Error(`${args.join(' ')}: no ${until} within ${timeoutMs} ms:\n${logFile ? readFileSync(logFile, 'utf8') : text}`)), timeoutMs);
    if (logFile) {
      poll = setInterval(() => { const m = readFileSync(logFile, 'utf8').match(until); if (m) done(null, m); }, 25);
    } else {
      proc.stdout.on('data', (d) => { if (text === null) return; text += d; const m = text.match(until); if (m) done(null, m); });
      proc.stderr.on('data', (d) => { if (text !== null) text += d; });
    }
    proc.once('exit', (code) => done(new Error(`${args.join(' ')} exited ${code}:\n${logFile ? readFileSync(logFile, 'utf8') : text}`)));
  });
}

function cli(args, env, input) {
  const r = spawnSync(NODE, [CLI, ...args], { env: { ...cleanEnv, ...env }, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mina-auth ${args[0]} ${args[1] ?? ''}: ${r.stderr || r.stdout}`);
  return r.stdout.trim();
}

const loadavg = () => { try { return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]); } catch { return null; } };

/** Samples VmRSS of `pid` every 200 ms until stopped; returns {peak, the file-backed part of it, mean, samples}. */
function rssSampler(pid) {
  const values = [];
  let peak = { rss: -1, file: NaN };
  const timer = setInterval(() => {
    const m = residentMb(pid);
    if (!Number.isFinite(m.rss)) return;
    values.push(m.rss);
    if (m.rss > peak.rss) peak = m;
  }, 200);
  return () => {
    clearInterval(timer);
    return { peakMb: values.length ? peak.rss : null, peakFileMb: values.length ? peak.file : null, meanMb: values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length * 10) / 10 : null, samples: values.length };
  };
}

// ---------------------------------------------------------------- the load generator (its own process)

const loadgen = track(fork(new URL('./lib/loadgen.mjs', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
let loadQueue = Promise.resolve();
/** Sends one job to the load generator (bench/lib/loadgen.mjs), after the one before it; its result. */
function load(job) {
  const run = () => new Promise((resolve, reject) => {
    loadgen.once('message', (m) => (m.ok ? resolve(m.result) : reject(new Error(`load generator: ${m.error}`))));
    loadgen.send(job);
  });
  const p = loadQueue.then(run);
  loadQueue = p.catch(() => {});
  return p;
}

// ---------------------------------------------------------------- HTTP helpers (setup only, never measured)

async function post(url, body, headers = {}) {
  const res = await request(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers }, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? JSON.parse(text) : null };
}

const envelope = (interfaceName, para) => JSON.stringify({ interface: { interfaceName, para } });

async function expectCode(gw, body, code, headers) {
  const r = await post(`${gw}/mina_auth`, body, headers);
  if (r.json?.returnCode !== code) throw new Error(`expected returnCode ${code}, got ${JSON.stringify(r.json)}`);
  return r.json;
}

/** Mints `n` fresh wx.login codes at a sandbox (each a new user), 32 at a time. */
async function mintCodes(sandboxUrl, appid, n) {
  const codes = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < n) {
      const i = next++;
      codes[i] = (await post(`${sandboxUrl}/__sandbox/login`, { appid })).json.code;
    }
  }));
  return codes;
}

// ---------------------------------------------------------------- the store, seeded directly

/** The gateway's sealing format (src/services/secretbox.ts): v1.<key id>.<base64url(iv ‖ ciphertext ‖ tag)>. */
function seal(masterKey, plain, context) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1.${createHash('sha256').update(masterKey).digest('hex').slice(0, 8)}.${Buffer.concat([iv, body]).toString('base64url')}`;
}
const sha256Hex = (s) => createHash('sha256').update(s).digest('hex');

/**
 * 10,000 live sessions of 500 users (20 each: the default max_sessions), with skeys we know: users rows as a
 * login writes them (session_key sealed under the master key), sessions rows with skey_hash = sha256 hex of the
 * skey (src/services/sessions.ts). The same sessions go into every store.
 */
function makeSeed(appid, masterKey) {
  const now = Math.floor(Date.now() / 1000);
  const users = Array.from({ length: P.users }, () => {
    const openid = 'o' + randomBytes(20).toString('base64url').slice(0, 27);
    return { appid, openid, unionid: null, session_key_sealed: seal(masterKey, randomBytes(16).toString('base64'), `users.session_key:${appid}:${openid}`), user_info: null, created_at: now, updated_at: now };
  });
  const sessions = Array.from({ length: P.sessions }, (_, i) => {
    const skey = randomBytes(16).toString('hex');
    return { id: randomBytes(16).toString('hex'), skey, appid, openid: users[i % users.length].openid, skey_hash: sha256Hex(skey), created_at: now, last_visit_at: now };
  });
  return { users, sessions };
}

const USER_COLS = ['appid', 'openid', 'unionid', 'session_key_sealed', 'user_info', 'created_at', 'updated_at'];
const SESSION_COLS = ['id', 'appid', 'openid', 'skey_hash', 'created_at', 'last_visit_at'];

async function seedMysql(uri, seed) {
  const { createConnection } = await import('mysql2/promise');
  const c = await createConnection({ uri, charset: 'utf8mb4_bin' });
  try {
    await c.query(`INSERT INTO users (${USER_COLS.join(',')}) VALUES ?`, [seed.users.map((u) => USER_COLS.map((k) => u[k]))]);
    for (let i = 0; i < seed.sessions.length; i += 1000) {
      await c.query(`INSERT INTO sessions (${SESSION_COLS.join(',')}) VALUES ?`, [seed.sessions.slice(i, i + 1000).map((s) => SESSION_COLS.map((k) => s[k]))]);
    }
    await c.query('ANALYZE TABLE sessions, users, apps');
  } finally {
    await c.end();
  }
}

async function seedSqlite(path, seed) {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(path);
  try {
    const u = db.prepare(`INSERT INTO users (${USER_COLS.join(',')}) VALUES (${USER_COLS.map(() => '?').join(',')})`);
    const s = db.prepare(`INSERT INTO sessions (${SESSION_COLS.join(',')}) VALUES (${SESSION_COLS.map(() => '?').join(',')})`);
    db.transaction(() => {
      for (const r of seed.users) u.run(USER_COLS.map((k) => r[k]));
      for (const r of seed.sessions) s.run(SESSION_COLS.map((k) => r[k]));
    })();
    // No ANALYZE here, unlike MariaDB: the gateway never runs it on SQLite, and with sqlite_stat4 present SQLite
    // plans a statement again on every execution whose bound value might change the plan (the auth join: 5 → 22 µs).
  } finally {
    db.close();
  }
}

/** Marks every session visited now, so the sliding-expiry write (once a minute per session) stays out of a measurement. */
async function touchSessions(dialect, url) {
  const now = Math.floor(Date.now() / 1000);
  if (dialect === 'mysql') {
    const { createConnection } = await import('mysql2/promise');
    const c = await createConnection({ uri: url.split('?')[0] });
    await c.query('UPDATE sessions SET last_visit_at = ?', [now]);
    await c.end();
  } else {
    const { default: Sqlite } = await import('better-sqlite3');
    const db = new Sqlite(url.slice('sqlite:'.length));
    db.prepare('UPDATE sessions SET last_visit_at = ?').run(now);
    db.close();
  }
}

/** A throwaway MariaDB database, or null when none is reachable. */
async function createMysqlDatabase() {
  const { createConnection } = await import('mysql2/promise');
  let c;
  try {
    c = await createConnection({ host: '127.0.0.1', port: 3306, user: 'root', connectTimeout: 2000 });
  } catch (err) {
    note(`MariaDB not reachable on 127.0.0.1:3306 (${err.code ?? err.message}): skipping the MySQL store`);
    return null;
  }
  const name = `mina_bench_${process.pid}_${Date.now().toString(36)}`;
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const [[{ version }]] = await c.query('SELECT VERSION() AS version');
  await c.end();
  cleanups.push(async () => {
    const d = await createConnection({ host: '127.0.0.1', port: 3306, user: 'root', connectTimeout: 2000 });
    await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await d.end();
  });
  return { url: `mysql://root@127.0.0.1:3306/${name}`, version };
}

// ---------------------------------------------------------------- scenarios

/** A uniform shuffle (Fisher–Yates) of a copy. */
function shuffled(xs) {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const pctOf = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] : null; };

/** Wall time of a fresh `node <args>` from spawn to exit, n times, one after another. */
async function timeProcess(args, n, env = {}) {
  const walls = [];
  const inner = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await new Promise((resolve, reject) => {
      const p = track(spawn(NODE, args, { env: { ...cleanEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => { out += d; });
      p.stderr.on('data', (d) => { err += d; });
      p.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`node ${args[0]} … exited ${code}: ${err || out}`))));
    });
    walls.push(performance.now() - t);
    const line = r.split('\n').find((l) => l.startsWith('BENCH '));
    if (line) inner.push(JSON.parse(line.slice(6)));
  }
  return { runs: n, medianMs: r1(median(walls)), p90Ms: r1(pctOf(walls, 0.9)), minMs: r1(Math.min(...walls)), inner };
}

/** A fresh process requires the SCF bundle and answers one Function URL event: the cold start of an instance. */
const COLD_SCRIPT = `
const t0 = performance.now();
let codeCache = null;
globalThis[Symbol.for('mina-auth.scf-script')] = (s) => { codeCache = s.cachedDataRejected === false ? 'taken' : 'not taken'; };
const m = require(process.argv[1]);
const t1 = performance.now();
m.main_handler(JSON.parse(process.argv[2]), { callbackWaitsForEmptyEventLoop: true, request_id: 'bench-cold' }).then((res) => {
  const t2 = performance.now();
  process.stdout.write('\\nBENCH ' + JSON.stringify({ bootMs: t0, requireMs: t1 - t0, firstCallMs: t2 - t1, codeCache, status: res.statusCode, body: String(res.body).slice(0, 200) }) + '\\n');
  process.exit(0);
}, (err) => { console.error(err); process.exit(1); });`;

/**
 * One SCF event-function instance under auth load: SCF hands an instance one request at a time, so this process
 * calls main_handler with one auth event after another (the seeded sessions, in turn) and samples its RSS.
 */
const SCF_LOAD_SCRIPT = `
const { main_handler } = require(process.argv[1]);
const bodies = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
const template = JSON.parse(process.argv[3]);
const end = performance.now() + Number(process.argv[4]) * 1000;
(async () => {
  let calls = 0, ok = 0, peak = 0;
  const started = performance.now();
  const bySecond = [];
  while (performance.now() < end) {
    if (performance.now() - started >= (bySecond.length + 1) * 1000) bySecond.push(Math.round(process.memoryUsage().rss / 1e5) / 10);
    const body = bodies[calls % bodies.length];
    const res = await main_handler({ ...template, body, headers: { ...template.headers, 'content-length': String(Buffer.byteLength(body)) } }, { request_id: 'bench-' + calls });
    if (res.body.includes('"returnCode":0,')) ok++;
    if (++calls % 25 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const wall = (performance.now() - started) / 1000;
  process.stderr.write('\\nBENCH ' + JSON.stringify({ calls, ok, perSecond: Math.round(calls / wall), peakRssMb: Math.round(peak / 1e5) / 10, rssMbBySecond: bySecond, endRssMb: Math.round(process.memoryUsage().rss / 1e5) / 10 }) + '\\n');
  process.exit(0);
})();`;

function scfInstanceLoad(env, bodiesFile) {
  const template = functionUrlEvent('POST', '/mina_auth', '');
  const r = spawnSync(NODE, [...EVENT_FUNCTION_NODE_ARGS, '-e', SCF_LOAD_SCRIPT, SCF, bodiesFile, JSON.stringify(template), String(P.scfSeconds)], {
    env: { ...cleanEnv, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: (P.scfSeconds + 60) * 1000,
  });
  const line = (r.stderr ?? '').split('\n').find((l) => l.startsWith('BENCH '));
  if (r.status !== 0 || !line) throw new Error(`SCF instance load exited ${r.status}: ${(r.stderr ?? '').slice(-500)}`);
  const out = JSON.parse(line.slice(6));
  if (out.ok !== out.calls) throw new Error(`SCF instance load: ${out.calls - out.ok} of ${out.calls} auth events did not answer 0`);
  return { ...out, seconds: P.scfSeconds, nodeArgs: EVENT_FUNCTION_NODE_ARGS };
}

/** A literal Function URL event (as test/scf/fixtures/function-url-event.json), with the path and body varied. */
const functionUrlEvent = (method, path, body) => ({
  headers: {
    accept: '*/*', 'content-length': String(Buffer.byteLength(body ?? '')), 'content-type': 'application/json',
    host: '1250000000-abcd1234ef.ap-guangzhou.tencentscf.com',
    'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.47 NetType/WIFI',
    'x-forwarded-proto': 'https', 'x-scf-remote-addr': '198.51.100.23',
  },
  body, path, queryString: {}, httpMethod: method,
});

/**
 * Cold starts, round-robin: each round runs every (build, event) case once and `node -e 0` once, so a burst of
 * other work on the machine weighs on all of them alike; all under serverless.yml's NODE_OPTIONS, as deployed
 * (the bundle's code cache is made under them). Returns { process, variants: {variant: {event: …}} }.
 */
async function coldStarts(cases, env, runs) {
  const samples = new Map(cases.map((c) => [c, []]));
  const floor = [];
  for (let r = 0; r < runs; r++) {
    floor.push((await timeProcess([...EVENT_FUNCTION_NODE_ARGS, '-e', '0'], 1)).medianMs);
    for (const c of cases) {
      const t = await timeProcess([...EVENT_FUNCTION_NODE_ARGS, '-e', COLD_SCRIPT, c.bundle, JSON.stringify(c.event)], 1, env);
      const inner = t.inner[0];
      if (!inner || !c.expect(inner)) throw new Error(`cold start ${c.variant} ${c.name}: unexpected answer ${JSON.stringify(inner)}`);
      samples.get(c).push({ wall: t.medianMs, ...inner });
    }
  }
  const variants = {};
  for (const [c, xs] of samples) {
    (variants[c.variant] ??= {})[c.name] = {
      runs, medianMs: r1(median(xs.map((x) => x.wall))), p90Ms: r1(pctOf(xs.map((x) => x.wall), 0.9)),
      bootMs: r1(median(xs.map((x) => x.bootMs))), requireMs: r1(median(xs.map((x) => x.requireMs))), firstCallMs: r1(median(xs.map((x) => x.firstCallMs))),
      codeCache: [...new Set(xs.map((x) => x.codeCache))].join(' / '), nodeArgs: EVENT_FUNCTION_NODE_ARGS,
    };
  }
  return { process: { runs, medianMs: r1(median(floor)), p90Ms: r1(pctOf(floor, 0.9)), minMs: r1(Math.min(...floor)) }, variants };
}

/**
 * Sizes of the shipped SCF bundle (scripts/build.mjs minifies it into bundle.js, which index.js loads with its
 * code cache, and puts the COS SDK in cos-sdk.js), and what weighs in it.
 */
function bundleSizes() {
  const dir = dirname(SCF);
  const index = Buffer.concat([readFileSync(SCF), readFileSync(join(dir, 'bundle.js'))]);
  const cosSdk = join(dir, 'cos-sdk.js');
  const cache = join(dir, 'bundle.js.cache');
  // The build's metafile (dist/meta/scf.json beside dist/scf) says what each package adds to bundle.js.
  const metaFile = join(dir, '..', 'meta', 'scf.json');
  let topPackages = null;
  if (existsSync(metaFile)) {
    const inputs = JSON.parse(readFileSync(metaFile, 'utf8')).outputs[join(dir, 'bundle.js').replace(/^\.\//, '')]?.inputs ?? {};
    const byPackage = {};
    for (const [file, info] of Object.entries(inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = m ? m[1] : file.startsWith('src/') || file.startsWith('scf/') ? '(gateway source)' : '(other)';
      byPackage[key] = (byPackage[key] ?? 0) + info.bytesInOutput;
    }
    topPackages = Object.entries(byPackage).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, bytes]) => ({ name, bytes }));
  }
  return {
    bytes: index.length, gzipBytes: gzipSync(index).length,
    cosSdkBytes: existsSync(cosSdk) ? statSync(cosSdk).size : null,
    codeCacheBytes: existsSync(cache) ? statSync(cache).size : null,
    topPackages,
  };
}

/** Everything one store gets: sessions seeded, the gateway started, the load scenarios run. */
async function benchStore(dialect, databaseUrl, ctx) {
  const { sandbox0, sandbox50, seed, appid, secret, masterKey, bodiesFile, sessionIds, rateExempt } = ctx;
  const env = {
    MINA_AUTH_DATABASE_URL: databaseUrl, MINA_AUTH_MASTER_KEY: masterKey.toString('base64'),
    MINA_AUTH_WECHAT_BASE_URL: sandbox0, MINA_AUTH_LOG_LEVEL: 'info',
    // The load comes from one address: exempt it from the per-address abuse limits, as a relaying server would be.
    ...(rateExempt ? { MINA_AUTH_RATE_EXEMPT: '127.0.0.1,::1' } : {}),
  };
  note(`${dialect}: migrate, app add, key create, seed ${P.sessions} sessions`);
  cli(['migrate'], env);
  cli(['app', 'add', appid, '--secret', '-'], env, secret);
  const key = cli(['key', 'create', '--name', 'bench', '--scope', 'qcloud.mimi.*:*'], env);
  const t = performance.now();
  if (dialect === 'mysql') await seedMysql(databaseUrl.split('?')[0], seed);
  else await seedSqlite(databaseUrl.slice('sqlite:'.length), seed);
  const seedMs = Math.round(performance.now() - t);

  const out = { seedMs, scenarios: {} };
  // The DB floor, before the gateway runs: the same select by primary key, the same pool and concurrency.
  out.dbFloor = {};
  if (dialect === 'mysql') {
    for (const c of P.levels) {
      note(`${dialect}: DB floor at ${c}`);
      out.dbFloor[c] = await load({ kind: 'mysql', uri: databaseUrl.split('?')[0], connectionLimit: P.pool, concurrency: c, seconds: P.seconds, warmupSeconds: c === P.levels[0] ? P.warmup : 0, ids: sessionIds });
    }
  } else {
    note(`${dialect}: DB floor (synchronous)`);
    const r = await load({ kind: 'sqlite', path: databaseUrl.slice('sqlite:'.length), seconds: Math.min(P.seconds, 3), ids: sessionIds });
    for (const c of P.levels) out.dbFloor[c] = r;
  }

  const logFiles = [];
  const started = [];
  try {
    return await runStore();
  } finally {
    await Promise.all(started.map((p) => stop(p)));
  }

  /** The gateway and the load scenarios; its serve processes are stopped by the caller, whatever happens. */
  async function runStore() {
    const serve = async (wechat, name) => {
      const logFile = join(tmp, `serve-${dialect}-${logFiles.length}.log`);
      logFiles.push(logFile);
      const { proc, match } = await startNode([...GATEWAY_NODE_ARGS, CLI, 'serve', '--port', '0', '--host', '127.0.0.1'], { env: { ...env, MINA_AUTH_WECHAT_BASE_URL: wechat }, until: /"listening".*?"port":(\d+)/, logFile });
      started.push(proc);
      const gw = `http://127.0.0.1:${match[1]}`;
      note(`${dialect}: ${name} listening at ${gw} (pid ${proc.pid})`);
      return { proc, gw };
    };
    const main = await serve(sandbox0, 'serve');
    const pid = main.proc.pid;
    const idle = residentMb(pid);
    out.idleRssMb = idle.rss;
    out.idleRssFileMb = idle.file;
    const http = (extra) => ({ kind: 'http', url: main.gw, path: '/mina_auth', connections: P.at, seconds: P.seconds, serverPid: pid, ...extra });

    // Checks the seeded rows and the caller key once, before any load.
    await expectCode(main.gw, envelope('qcloud.cam.auth', { id: seed.sessions[0].id, skey: seed.sessions[0].skey }), 0);
    await expectCode(main.gw, envelope('qcloud.mimi.access_token', { appid }), 0, { authorization: `Bearer ${key}` });

    // Each point runs in turn with its HTTP floor at the same concurrency, a slice of each at a time: whatever
    // else the machine is doing then weighs on both alike.
    const floorJob = (c, warmupSeconds = 0) => ({ kind: 'http', url: ctx.floorUrl, path: '/mina_auth', bodiesFile, connections: c, seconds: P.seconds, warmupSeconds, expect: '"returnCode":0,', serverPid: ctx.floorPid });
    const withFloor = (scenario, floor = floorJob(scenario.connections)) => load({ kind: 'alternate', rounds: P.rounds, floor, scenario });

    note(`${dialect}: auth over ${P.sessions} sessions at ${P.levels.join('/')} (each in turn with its HTTP floor)`);
    await touchSessions(dialect, databaseUrl);
    out.scenarios.auth = {};
    const rssPoints = [];
    for (const c of P.levels) {
      const warmupSeconds = c === P.levels[0] ? P.warmup : 0;
      const rss = rssSampler(pid);
      out.scenarios.auth[c] = await withFloor(http({ bodiesFile, connections: c, expect: '"returnCode":0,', warmupSeconds }), floorJob(c, warmupSeconds));
      rssPoints.push(rss());
    }
    const peak = rssPoints.reduce((a, r) => ((r.peakMb ?? 0) > (a.peakMb ?? 0) ? r : a));
    out.authRss = {
      peakMb: peak.peakMb,
      peakFileMb: peak.peakFileMb,
      meanMb: r1(rssPoints.reduce((a, r) => a + (r.meanMb ?? 0) * r.samples, 0) / Math.max(1, rssPoints.reduce((a, r) => a + r.samples, 0))),
      samples: rssPoints.reduce((a, r) => a + r.samples, 0),
      peakMbByConcurrency: Object.fromEntries(P.levels.map((c, i) => [c, rssPoints[i].peakMb])),
    };

    note(`${dialect}: access_token (warm) at ${P.at}, in turn with its HTTP floor`);
    out.scenarios.access_token = { [P.at]: await withFloor(http({ body: envelope('qcloud.mimi.access_token', { appid }), headers: { authorization: `Bearer ${key}` }, expect: '"returnCode":0,', warmupSeconds: 1 })) };

    note(`${dialect}: 404 (the gateway's cheapest answer) at ${P.at}, in turn with its HTTP floor`);
    out.scenarios.gateway_404 = { [P.at]: await withFloor(http({ path: '/nope', body: '{}', expect: 'not found' })) };
    // id_skey runs a fixed number of logins, not for a time: compared with the floor of the 404.
    const lateFloor = out.scenarios.gateway_404[P.at].httpFloor;

    const login = async (gw, sandbox, latency, serverPid) => {
      const n = P.logins[latency];
      note(`${dialect}: id_skey, sandbox latency ${latency} ms: minting ${n} codes`);
      const codes = await mintCodes(sandbox, appid, n + P.at + 16);
      const file = join(tmp, `codes-${dialect}-${latency}.json`);
      writeFileSync(file, JSON.stringify(codes.map((code) => envelope('qcloud.cam.id_skey', { appid, code }))));
      return { ...(await load({ kind: 'http', url: gw, path: '/mina_auth', connections: P.at, amount: n, bodiesFile: file, expect: '"returnCode":0,', serverPid })), httpFloor: lateFloor };
    };
    out.scenarios.id_skey_latency0 = { [P.at]: await login(main.gw, sandbox0, 0, pid) };
    out.endRssMb = rssMb(pid);
    await stop(main.proc);

    const slow = await serve(sandbox50, 'serve (sandbox latency 50 ms)');
    await expectCode(slow.gw, envelope('qcloud.cam.initdata', {}), 2006);
    out.scenarios.id_skey_latency50 = { [P.at]: await login(slow.gw, sandbox50, 50, slow.proc.pid) };
    await stop(slow.proc);

    // The log: every request is one line; anything at error is a bug the figures must not hide.
    const logText = logFiles.map((f) => readFileSync(f, 'utf8')).join('');
    out.logLines = logText.split('\n').filter(Boolean).length;
    out.logErrors = logText.split('\n').filter((l) => l.includes('"level":"error"')).length;
    out.logLimited = logText.split('\n').filter((l) => l.includes('"limited"')).length;

    if (P.breakdown) {
      note(`${dialect}: where an auth's time goes, in-process (tsx bench/lib/breakdown.ts)`);
      await touchSessions(dialect, databaseUrl);
      const jobFile = join(tmp, `breakdown-${dialect}.json`);
      writeFileSync(jobFile, JSON.stringify({ databaseUrl, masterKey: masterKey.toString('base64'), appid, sessions: seed.sessions.map(({ id, skey }) => ({ id, skey })), concurrency: P.at, logFile: join(tmp, `breakdown-${dialect}.log`), ...P.breakdown }));
      const b = spawnSync('node_modules/.bin/tsx', ['bench/lib/breakdown.ts', jobFile], { encoding: 'utf8', env: cleanEnv });
      // A failure here costs this section, not the run.
      if (b.status === 0) out.breakdown = JSON.parse(b.stdout.trim().split('\n').at(-1));
      else { out.breakdownError = b.stderr.slice(-2000); note(`${dialect}: breakdown failed: ${b.stderr.trim().split('\n').at(-1)}`); }
    }
    return out;
  }
}

/**
 * What a fixed cost per answer is worth on this machine: the same server as the HTTP floor, busy `workUs` µs before
 * each answer, each level run in turn with the plain floor (slices of each), at the single-level concurrency.
 * Whatever the gateway does on top of node:http is such a cost, so the ratios the targets ask for translate into
 * µs per answer.
 */
async function workFloors(ctx) {
  note(`the HTTP floor with ${P.workUs.join(' / ')} µs of work per answer, at ${P.at} (each in turn with the plain floor)`);
  const job = { kind: 'http', path: '/mina_auth', bodiesFile: ctx.bodiesFile, connections: P.at, seconds: P.seconds, expect: '"returnCode":0,' };
  const out = {};
  for (const us of P.workUs) {
    const { proc, match } = await startNode([new URL('./lib/http-floor.mjs', import.meta.url).pathname, String(us)], { until: /listening (\d+)/ });
    try {
      const r = await load({ kind: 'alternate', rounds: P.rounds, floor: { ...job, url: ctx.floorUrl, serverPid: ctx.floorPid }, scenario: { ...job, url: `http://127.0.0.1:${match[1]}`, warmupSeconds: Math.min(P.warmup, 1), serverPid: proc.pid } });
      out[us] = { perSecond: r.perSecond, floor: r.httpFloor.perSecond, ratio: r.httpFloorRatio, rounds: r.rounds, serverCpuUsPerReq: r.serverCpuUsPerReq, p99ms: r.p99ms };
    } finally {
      await stop(proc);
    }
  }
  return out;
}

// ---------------------------------------------------------------- verdicts, table

function verdicts(fig) {
  const v = [];
  const at = P.at;
  for (const [dialect, d] of Object.entries(fig.stores)) {
    const auth = d.scenarios.auth[at];
    const db = d.dbFloor[at];
    const ratio = ratioOf('auth', auth, db);
    const which = ratio === auth.perSecond / db.perSecond ? 'DB' : 'HTTP';
    v.push({ target: `auth (${dialect}) ≥ 50% of min(HTTP floor, DB floor) at ${at}, p99 ≤ 10 ms`, holds: ratio >= 0.5 && auth.p99ms <= 10, figure: `${auth.perSecond}/s, ${pct(ratio)} of the ${which} floor (${which === 'HTTP' ? auth.httpFloor.perSecond : db.perSecond}/s); p99 ${r1(auth.p99ms)} ms${auth.serverWaitPct === undefined ? '' : `; the gateway's main thread waited for a core ${auth.serverWaitPct} % of the time`}` });
    const tok = d.scenarios.access_token[at];
    const tr = ratioOf('access_token', tok);
    v.push({ target: `warm access_token (${dialect}) ≥ 70% of the HTTP floor`, holds: tr >= 0.7, figure: `${tok.perSecond}/s, ${pct(tr)} of the HTTP floor (${tok.httpFloor.perSecond}/s); p99 ${r1(tok.p99ms)} ms` });
    v.push({ target: `RSS (${dialect}) ≤ 100 MB under the auth load`, holds: d.authRss.peakMb !== null && d.authRss.peakMb <= 100, figure: `peak ${d.authRss.peakMb} MB (${Object.entries(d.authRss.peakMbByConcurrency ?? {}).map(([c, mb]) => `${mb} at ${c}`).join(', ')}; idle ${d.idleRssMb} MB${d.authRss.peakFileMb ? `; at the peak ${d.authRss.peakFileMb} MB of it mapped from files, node's own code the most` : ''})` });
  }
  if (fig.dispatch) {
    for (const name of ['auth_invalid_1003', 'initdata_2006']) {
      const p50 = fig.dispatch[name].dispatch.p50us;
      v.push({ target: `dispatch overhead (${name}) ≤ 20 µs p50`, holds: p50 <= 20, figure: `${p50} µs p50 (p99 ${fig.dispatch[name].dispatch.p99us} µs)` });
    }
  }
  if (fig.coldStart) {
    for (const [name, c] of Object.entries(fig.coldStart.shipped)) {
      const above = c.medianMs - fig.floors.process.medianMs;
      v.push({ target: `cold start (${name}) ≤ 100 ms above the process floor`, holds: above <= 100, figure: `${r1(above)} ms above (${c.medianMs} ms vs ${fig.floors.process.medianMs} ms for node -e 0)` });
    }
  }
  if (fig.bundle) {
    v.push({ target: 'SCF bundle ≤ 1.5 MB minified without the COS SDK', holds: fig.bundle.bytes <= 1.5e6, figure: `${mb(fig.bundle.bytes)} as shipped (gzip ${mb(fig.bundle.gzipBytes)}; the COS SDK apart in cos-sdk.js: ${mb(fig.bundle.cosSdkBytes)}; the V8 code cache beside it: ${mb(fig.bundle.codeCacheBytes)})` });
  }
  if (fig.scfInstance) {
    const i = fig.scfInstance;
    v.push({ target: 'RSS (one SCF event-function instance, mysql) ≤ 100 MB under the auth load', holds: i.peakRssMb <= 100, figure: `peak ${i.peakRssMb} MB over ${i.calls} auth events in ${i.seconds} s (${i.perSecond}/s, one at a time)` });
  }
  return v;
}

function printTable(fig) {
  const rows = [['store', 'scenario', 'conc', 'answers/s', 'HTTP floor/s', 'ratio', 'p50 ms', 'p99 ms', 'srv CPU µs/ans', 'srv wait %', 'other CPU %', 'failed']];
  for (const [dialect, d] of Object.entries(fig.stores)) {
    for (const c of dialect === 'sqlite' ? [P.levels[0]] : P.levels) { const f = d.dbFloor[c]; rows.push([dialect, 'DB floor (PK select)', dialect === 'sqlite' ? 'sync' : c, f.perSecond, '', '', f.p50ms, f.p99ms, '', '', '', '']); }
    for (const [name, byLevel] of Object.entries(d.scenarios)) {
      for (const [c, r] of Object.entries(byLevel)) {
        rows.push([dialect, name, c, r.perSecond, r.httpFloor.perSecond, ratioOf(name, r, d.dbFloor[c] ?? d.dbFloor[P.at]).toFixed(2), r1(r.p50ms), r1(r.p99ms), r.serverCpuUsPerReq, r.serverWaitPct, r.otherCpuPct, r.errors + r.mismatches + r.timeouts]);
      }
    }
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  console.log('');
  for (const r of rows) console.log(r.map((x, i) => (i < 2 ? String(x ?? '').padEnd(w[i]) : String(x ?? '').padStart(w[i]))).join('  '));
  console.log(`(HTTP floor: run in turn with the point, ${P.rounds} slices of each, same concurrency; ratio: the median of the rounds' ratios (auth: to min(HTTP floor, DB floor)); id_skey: to the 404's floor;`);
  console.log(' srv wait: the time the gateway\'s main thread was runnable but waiting for a core, in % of the wall time;');
  console.log(' other CPU: what neither the gateway nor the load generator used, in % of one core: MariaDB, the sandbox, anything else running)');
  const work = fig.floors.work;
  if (work) console.log(`\nHTTP floor with work per answer (at ${P.at}): ${Object.entries(work).map(([us, r]) => `+${us} µs ${r.perSecond}/s = ${pct(r.ratio)} of ${r.floor}/s`).join('; ')}`);
  const p = fig.floors.process;
  console.log(`\nprocess floor (node -e 0): ${p.medianMs} ms median`);
  if (fig.coldStart) for (const [variant, events] of Object.entries(fig.coldStart)) for (const [name, c] of Object.entries(events)) console.log(`cold start ${variant.padEnd(13)} ${name.padEnd(8)} ${String(c.medianMs).padStart(6)} ms (${r1(c.medianMs - p.medianMs)} above the floor; require ${c.requireMs} ms, first call ${c.firstCallMs} ms)`);
  if (fig.dispatch) for (const [name, d] of Object.entries(fig.dispatch)) console.log(`dispatch ${name.padEnd(24)} p50 ${d.dispatch.p50us} µs  p99 ${d.dispatch.p99us} µs   handleHttp+log p50 ${d.handleHttp.p50us} µs`);
  if (fig.bundle) console.log(`bundle ${SCF} ${mb(fig.bundle.bytes)} (gzip ${mb(fig.bundle.gzipBytes)}); cos-sdk.js ${mb(fig.bundle.cosSdkBytes)}`);
  if (fig.scfInstance) console.log(`SCF instance (mysql): ${fig.scfInstance.perSecond} auth/s one at a time, RSS peak ${fig.scfInstance.peakRssMb} MB, at the end ${fig.scfInstance.endRssMb} MB`);
  for (const [dialect, d] of Object.entries(fig.stores)) {
    const b = d.breakdown;
    if (b) console.log(`auth in-process ${dialect} (CPU µs per call): driver ${b.driver.cpuUsPerCall}, kysely ${b.kysely.cpuUsPerCall} (compiled once ${b.kyselyPrecompiled.cpuUsPerCall}, through store.read ${b.storeRead?.cpuUsPerCall ?? '–'}), findLiveSession ${b.session.cpuUsPerCall}, dispatch ${b.dispatch.cpuUsPerCall}, handleHttp ${b.handleHttp.cpuUsPerCall}; one PK read via kysely ${b.appRow.cpuUsPerCall}`);
  }
  for (const [dialect, d] of Object.entries(fig.stores)) console.log(`RSS ${dialect}: idle ${d.idleRssMb} MB, peak under auth ${d.authRss.peakMb} MB; log ${d.logLines} lines, ${d.logErrors} at error`);
  console.log('\ntargets:');
  for (const v of fig.verdicts) console.log(`  ${v.holds ? 'HOLDS ' : 'MISSES'}  ${v.target}: ${v.figure}`);
}

// ---------------------------------------------------------------- main

async function cleanup() {
  await Promise.allSettled([...children].map((c) => stop(c, 2000)));
  for (const c of cleanups.splice(0)) await c().catch((err) => note(`cleanup: ${err.message}`));
  await agent.close().catch(() => {});
  if (flags.keep) note(`kept ${tmp} (gateway logs, stores)`);
  else rmSync(tmp, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { note(`${sig}: stopping`); cleanup().finally(() => process.exit(130)); });

try {
  for (const f of [CLI, SCF]) if (!existsSync(f)) throw new Error(`${f} is missing: run node scripts/build.mjs (npm run bench does)`);
  // Builds that know per-address limits get the load generator's address exempted (an unknown setting is an error in older ones).
  const rateExempt = /['"]RATE_EXEMPT['"]/.test(readFileSync(CLI, 'utf8'));
  const fig = {
    when: new Date().toISOString(), mode: P.mode, node: process.version, cpu: cpus()[0]?.model ?? '?', cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30), commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || null,
    dirty: spawnSync('git', ['status', '--porcelain', '--', 'src', 'scf'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).length,
    params: { ...P }, rateExempt, build: { cli: CLI, scf: SCF, gatewayNodeArgs: GATEWAY_NODE_ARGS, eventFunctionNodeArgs: EVENT_FUNCTION_NODE_ARGS }, floors: {}, stores: {},
  };

  fig.loadavgStart = loadavg();
  note(`${P.mode} run; ${P.seconds} s per point; levels ${P.levels.join('/')}; load average ${fig.loadavgStart}; the process floor`);
  if (fig.loadavgStart > cpus().length / 2) note(`warning: the machine is already busy (load average ${fig.loadavgStart} on ${cpus().length} cores): figures will be low and noisy`);
  // A first look at the process floor (the cold starts measure it again, interleaved with themselves).
  fig.floors.processAtStart = await timeProcess(['-e', '0'], P.processRuns);
  delete fig.floors.processAtStart.inner;

  const { match: [, sandbox0] } = await startNode([CLI, 'sandbox', '--port', '0'], { until: /listening on (\S+)/ });
  const { match: [, sandbox50] } = await startNode([CLI, 'sandbox', '--port', '0', '--latency', '50'], { until: /listening on (\S+)/ });
  const appid = 'wx' + randomBytes(8).toString('hex');
  const secret = randomBytes(16).toString('hex');
  for (const s of [sandbox0, sandbox50]) await post(`${s}/__sandbox/apps`, { appid, secret });
  const masterKey = randomBytes(32);
  const seed = makeSeed(appid, masterKey);
  // Shuffled, so neither the pages of the store nor the floor are read in insertion order.
  const order = shuffled(seed.sessions);
  const bodiesFile = join(tmp, 'auth-bodies.json');
  writeFileSync(bodiesFile, JSON.stringify(order.map((s) => envelope('qcloud.cam.auth', { id: s.id, skey: s.skey }))));
  const sessionIds = order.map((s) => s.id);

  // The HTTP floor server runs (idle) all along; each load point runs in turn with it (slices of each).
  const floor = await startNode([new URL('./lib/http-floor.mjs', import.meta.url).pathname], { until: /listening (\d+)/ });

  const ctx = { sandbox0, sandbox50, seed, appid, secret, masterKey, bodiesFile, sessionIds, rateExempt, floorUrl: `http://127.0.0.1:${floor.match[1]}`, floorPid: floor.proc.pid };
  let mysql = null;
  for (const dialect of DIALECTS) {
    try {
      if (dialect === 'sqlite') {
        fig.stores.sqlite = await benchStore('sqlite', `sqlite:${join(tmp, 'sqlite', 'mina-auth.db')}`, ctx);
      } else if (dialect === 'mysql') {
        mysql = await createMysqlDatabase();
        if (!mysql) continue;
        fig.mysqlVersion = mysql.version;
        fig.stores.mysql = await benchStore('mysql', `${mysql.url}?connectionLimit=${P.pool}`, ctx);
      } else throw new Error(`unknown dialect ${dialect} (sqlite, mysql)`);
    } catch (err) {
      // One store failing (a broken build, MariaDB going away) costs that store, not the run.
      (fig.storeErrors ??= {})[dialect] = String(err.stack ?? err).slice(0, 2000);
      note(`${dialect}: failed: ${err.message.split('\n')[0]}`);
    }
  }
  if (!Object.keys(fig.stores).length) throw new Error(`no store could be measured: ${JSON.stringify(fig.storeErrors)}`);

  fig.floors.httpRssMb = rssMb(floor.proc.pid);
  fig.floors.work = await workFloors(ctx);
  await stop(floor.proc);

  note(`cold start of ${SCF} (${P.coldRuns} rounds: each event once, and node -e 0, in turn)`);
  // The SCF bundle speaks MySQL only; without MariaDB the 1003 event still works (the pool connects lazily).
  const coldEnv = { MINA_AUTH_DATABASE_URL: mysql?.url ?? 'mysql://root@127.0.0.1:9/none', MINA_AUTH_MASTER_KEY: masterKey.toString('base64'), MINA_AUTH_LOG_LEVEL: 'info' };
  const events = {
    '1003': { event: functionUrlEvent('POST', '/mina_auth', envelope('qcloud.cam.auth', { id: 'not valid!', skey: 'x' })), expect: (i) => i.status === 200 && i.body.includes('"returnCode":1003') },
    ...(mysql ? { healthz: { event: functionUrlEvent('GET', '/healthz', null), expect: (i) => i.status === 200 && i.body.includes('"ok":true') } } : {}),
  };
  try {
    fig.bundle = bundleSizes();
    const cases = Object.entries(events).map(([name, e]) => ({ variant: 'shipped', name, bundle: SCF, ...e }));
    const cold = await coldStarts(cases, coldEnv, P.coldRuns);
    fig.floors.process = cold.process;
    fig.coldStart = cold.variants;
  } catch (err) {
    // A failure here costs this section, not the run.
    fig.coldStartError = String(err.stack ?? err).slice(0, 2000);
    note(`bundle / cold start failed: ${err.message.split('\n')[0]}`);
    if (!fig.coldStart) delete fig.coldStart;
  }
  fig.floors.process ??= fig.floors.processAtStart;

  if (mysql) {
    note(`one SCF instance: main_handler under auth events, one at a time, for ${P.scfSeconds} s`);
    try {
      fig.scfInstance = scfInstanceLoad(coldEnv, bodiesFile);
    } catch (err) {
      fig.scfInstanceError = String(err.stack ?? err).slice(0, 2000);
      note(`SCF instance load failed: ${err.message.split('\n')[0]}`);
    }
  }

  note('dispatch overhead in-process (tsx bench/lib/dispatch.ts)');
  const d = spawnSync('node_modules/.bin/tsx', ['bench/lib/dispatch.ts', String(P.dispatchSeconds)], { encoding: 'utf8', env: cleanEnv });
  if (d.status === 0) fig.dispatch = JSON.parse(d.stdout.trim().split('\n').at(-1));
  else { fig.dispatchError = d.stderr.slice(-2000); note(`dispatch overhead failed: ${d.stderr.trim().split('\n').at(-1)}`); }

  fig.loadavgEnd = loadavg();
  fig.verdicts = verdicts(fig);
  fig.seconds = Math.round((Date.now() - started) / 1000);
  printTable(fig);
  mkdirSync('bench/results', { recursive: true });
  const stamp = fig.when.replace(/[:.]/g, '-').replace(/-\d+Z$/, 'Z');
  const json = JSON.stringify(fig, null, 2) + '\n';
  const file = `bench/results/${stamp}${QUICK ? '-quick' : ''}${VARIANT ? '-variant' : ''}.json`;
  writeFileSync(file, json);
  if (!VARIANT) writeFileSync('bench/results/latest.json', json);
  console.log(`\nwrote ${file}${VARIANT ? '' : ' and bench/results/latest.json'}`);
  if (WRITE_DOCS) {
    const { markdown, svg } = renderDocs(fig);
    writeFileSync('docs/benchmarks.md', markdown);
    writeFileSync('docs/benchmarks.svg', svg);
    console.log('wrote docs/benchmarks.md and docs/benchmarks.svg');
  }
  console.log(`total ${fig.seconds} s`);
} catch (err) {
  process.exitCode = 1;
  console.error(err instanceof Error ? err.stack : err);
} finally {
  await cleanup();
}
