// The load generator: a separate process (forked by bench/run.mjs) so its CPU is never the gateway's.
// Jobs arrive over IPC, one at a time; each answers { ok, result } or { ok: false, error }.
//   { kind: 'http', url, path, headers, bodies | bodiesFile, connections, seconds | amount, expect, warmupSeconds, serverPid }
//       autocannon (programmatic API); bodies are sent in turn (amount: each once); `expect` is a substring every
//       answer must contain (e.g. "returnCode":0) — answers without it are counted as mismatches.
//   { kind: 'alternate', rounds, floor: <http job>, scenario: <http job> }
//       a point and its floor in turn, `rounds` times, each slice `seconds / rounds` long (each side's warm-up before
//       its first slice only): both live through the same moments of the machine. Each side's figures are over all
//       its slices; `rounds` holds each round's answers/s of both and their ratio, `httpFloorRatio` the median of those.
//   { kind: 'mysql', uri, connectionLimit, concurrency, seconds, warmupSeconds, ids }
//       the DB floor: raw mysql2 primary-key selects from `connections` loops over a pool of `connectionLimit`.
//   { kind: 'sqlite', path, seconds, ids }
//       the same select through better-sqlite3 (synchronous: concurrency does not apply).
// Every result carries the CPU it cost, from /proc: the server's (`serverPid`) per answer and in % of one core, the
// load generator's own, the whole machine's, and what neither used (`otherCpuPct`: MariaDB, the sandbox, the rest);
// and the server's main thread's wait for a core (`serverWaitPct`) and preemptions per 1,000 answers.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { CLK_TCK, cpuTicks, machineTicks, mainThreadSched, median } from './proc.mjs';

const require = createRequire(import.meta.url);

/** Exact percentiles from the raw samples (ms). */
function summarise(samples, count, seconds) {
  const sorted = Float64Array.from(samples.subarray(0, count)).sort();
  const pct = (p) => (count ? round(sorted[Math.min(count - 1, Math.floor((count - 1) * p))]) : null);
  return { requests: count, seconds: round(seconds), perSecond: Math.round(count / seconds), p50ms: pct(0.5), p90ms: pct(0.9), p99ms: pct(0.99), maxms: count ? round(sorted[count - 1]) : null };
}
const round = (x) => Math.round(x * 1000) / 1000;

/** A growable Float64Array of latency samples. */
function sampler() {
  let buf = new Float64Array(1 << 16);
  let n = 0;
  return {
    add(v) { if (n === buf.length) { const b = new Float64Array(buf.length * 2); b.set(buf); buf = b; } buf[n++] = v; },
    get samples() { return buf; },
    get count() { return n; },
  };
}

/**
 * Counts what a stretch of load cost, from now until the returned function is called: wall time, CPU ticks, and how
 * long the server's main thread waited for a core and how often it was preempted.
 */
function meter(serverPid) {
  const at = performance.now(), own = process.cpuUsage(), machine = machineTicks(), server = serverPid ? cpuTicks(serverPid) : NaN, s0 = mainThreadSched(serverPid);
  return () => {
    const m = machineTicks();
    const u = process.cpuUsage(own);
    const s1 = mainThreadSched(serverPid);
    return {
      wall: (performance.now() - at) / 1000, ownUs: u.user + u.system, busy: m.busy - machine.busy, total: m.total - machine.total,
      server: serverPid ? cpuTicks(serverPid) - server : NaN, serverWaitNs: s1.wait - s0.wait, serverPreempted: s1.preempted - s0.preempted,
    };
  };
}
const addUp = (a, b) => (a ? Object.fromEntries(Object.keys(a).map((k) => [k, a[k] + b[k]])) : b);

/** CPU figures from a meter's count: the server's per answer (warm-up answers included) and in % of one core, etc. */
function cpuFigures(m, answers) {
  const r = {};
  if (Number.isFinite(m.server)) {
    r.serverCpuUsPerReq = Math.round((m.server / CLK_TCK) * 1e6 / Math.max(1, answers));
    r.serverCpuPct = Math.round((m.server / CLK_TCK) / m.wall * 100);
  }
  if (Number.isFinite(m.serverWaitNs)) {
    // Runnable but not running: on two cores shared with the load generator (and MariaDB), what the server lost.
    r.serverWaitPct = Math.round(m.serverWaitNs / 1e9 / m.wall * 100);
    r.serverPreemptedPerK = Math.round(m.serverPreempted / Math.max(1, answers) * 1000);
  }
  r.loadgenCpuPct = Math.round(m.ownUs / 1e6 / m.wall * 100);
  // The whole machine, in % of one core (200 = both of two cores busy).
  r.machineCpuPct = Math.round(m.busy / m.total * cpus().length * 100);
  r.otherCpuPct = Math.max(0, r.machineCpuPct - (r.serverCpuPct ?? 0) - r.loadgenCpuPct);
  return r;
}

const files = new Map();
/** A bodies file is read once (the auth bodies serve every level and the HTTP floor). */
const bodiesOf = (file) => { if (!files.has(file)) files.set(file, JSON.parse(readFileSync(file, 'utf8'))); return files.get(file); };

/** One side of a load: its job, its place in its bodies, and every answer and failure over all its slices. */
function side(job) {
  return {
    job, bodies: job.bodies ?? (job.bodiesFile ? bodiesOf(job.bodiesFile) : [job.body ?? '']), next: 0,
    lat: sampler(), seconds: 0, mismatches: 0, errors: 0, timeouts: 0, non2xx: 0, sent: 0, warmed: !job.warmupSeconds, warmupRequests: 0, meter: null,
  };
}

/**
 * A slice of load on one side, for `seconds` or `amount` requests; its successful answers per second. A warm-up
 * slice checks no answer and keeps no figure but its count.
 */
function cannon(s, { seconds, amount, warmup = false }) {
  const { job, bodies } = s;
  const expect = warmup ? null : job.expect ?? null;
  let count = 0;
  let mismatches = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: job.url,
      connections: job.connections,
      pipelining: 1,
      timeout: 30,
      // autocannon notices the end (of a duration, or of `amount`) only on its sample tick: tick often.
      sampleInt: 100,
      ...(amount ? { amount } : { duration: seconds }),
      // Each answer is checked; a mismatch does not count as a success (its latency is kept out).
      ...(expect ? { verifyBody: (body) => body.includes(expect) } : {}),
      requests: [{
        method: job.method ?? 'POST',
        path: job.path,
        headers: { 'content-type': 'application/json', ...(job.headers ?? {}) },
        // One body per request, in turn: with `amount` and as many bodies, each is sent once.
        setupRequest: (req) => { req.body = bodies[s.next++ % bodies.length]; return req; },
      }],
    }, (err, result) => {
      if (err) return reject(err);
      // From the start to the last answer: autocannon's own duration runs on to its next tick.
      const elapsed = count ? (lastAt - startedAt) / 1000 : result.duration;
      if (warmup) { s.warmupRequests += count; return resolve(0); }
      Object.assign(s, {
        seconds: s.seconds + elapsed, mismatches: s.mismatches + mismatches, errors: s.errors + result.errors,
        timeouts: s.timeouts + result.timeouts, non2xx: s.non2xx + result.non2xx, sent: s.sent + (result.requests.sent ?? 0),
      });
      resolve(Math.max(0, count - mismatches) / elapsed);
    });
    const startedAt = performance.now();
    let lastAt = startedAt;
    instance.on('response', (_client, status, _bytes, ms) => { count++; if (!warmup) s.lat.add(ms); lastAt = performance.now(); });
    instance.on('mismatch', () => mismatches++);
  });
}

/** A slice on one side, its warm-up first if it has one left, its CPU counted in the side's meter. */
async function run(s, seconds) {
  const stop = meter(s.job.serverPid);
  if (!s.warmed) { await cannon(s, { seconds: s.job.warmupSeconds, warmup: true }); s.warmed = true; }
  const perSecond = await cannon(s, { seconds, amount: s.job.amount });
  s.meter = addUp(s.meter, stop());
  return perSecond;
}

/** A side's figures over all its slices. */
function result(s) {
  const { lat } = s;
  return {
    ...summarise(lat.samples, lat.count, s.seconds),
    // Successful answers per second: mismatches, errors and non-2xx are not throughput.
    perSecond: Math.round(Math.max(0, lat.count - s.mismatches) / s.seconds),
    sent: s.sent, errors: s.errors, timeouts: s.timeouts, non2xx: s.non2xx, mismatches: s.mismatches,
    bodiesUsed: Math.min(s.next, s.bodies.length), warmupRequests: s.warmupRequests,
    ...cpuFigures(s.meter, lat.count + s.warmupRequests),
  };
}

async function http(job) {
  const s = side(job);
  await run(s, job.seconds);
  return result(s);
}

async function alternate(job) {
  const floor = side(job.floor);
  const scenario = side(job.scenario);
  const rounds = [];
  for (let i = 0; i < job.rounds; i++) {
    const f = await run(floor, job.floor.seconds / job.rounds);
    const p = await run(scenario, job.scenario.seconds / job.rounds);
    rounds.push({ floor: Math.round(f), scenario: Math.round(p), ratio: round(p / f) });
  }
  return { ...result(scenario), httpFloor: result(floor), rounds, httpFloorRatio: median(rounds.map((r) => r.ratio)) };
}

async function mysqlFloor(job) {
  const { createPool } = require('mysql2');
  const pool = createPool({ uri: job.uri, connectionLimit: job.connectionLimit, maxIdle: job.connectionLimit, charset: 'utf8mb4_bin' });
  const ids = job.ids;
  const sql = 'SELECT id, appid, openid, skey_hash, created_at, last_visit_at FROM sessions WHERE id = ?';
  const one = (id) => new Promise((resolve, reject) => pool.query(sql, [id], (err, rows) => (err ? reject(err) : rows.length === 1 ? resolve() : reject(new Error(`no session ${id}`)))));
  const phase = async (seconds, lat) => {
    let i = 0;
    const end = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await one(ids[i++ % ids.length]);
        lat?.add(performance.now() - t);
      }
    }));
    return (performance.now() - started) / 1000;
  };
  try {
    if (job.warmupSeconds) await phase(job.warmupSeconds, null);
    const lat = sampler();
    const seconds = await phase(job.seconds, lat);
    return { ...summarise(lat.samples, lat.count, seconds), connectionLimit: job.connectionLimit, concurrency: job.concurrency };
  } finally {
    await new Promise((r) => pool.end(r));
  }
}

function sqliteFloor(job) {
  const Sqlite = require('better-sqlite3');
  const db = new Sqlite(job.path, { readonly: true });
  const stmt = db.prepare('SELECT id, appid, openid, skey_hash, created_at, last_visit_at FROM sessions WHERE id = ?');
  const ids = job.ids;
  const lat = sampler();
  let i = 0;
  const warmEnd = performance.now() + 300;
  while (performance.now() < warmEnd) stmt.get(ids[i++ % ids.length]);
  const started = performance.now();
  const end = started + job.seconds * 1000;
  for (let t = started; t < end;) {
    if (!stmt.get(ids[i++ % ids.length])) throw new Error('no session');
    const now = performance.now();
    lat.add(now - t);
    t = now;
  }
  db.close();
  return summarise(lat.samples, lat.count, (performance.now() - started) / 1000);
}

/** The DB floors: the load generator is the only process measured (and the machine). */
async function metered(job, fn) {
  const stop = meter(null);
  const r = await fn(job);
  return { ...r, ...cpuFigures(stop(), r.requests) };
}

const kinds = { http, alternate, mysql: (job) => metered(job, mysqlFloor), sqlite: (job) => metered(job, sqliteFloor) };
process.on('message', async (job) => {
  try {
    process.send({ ok: true, result: await kinds[job.kind](job) });
  } catch (err) {
    process.send({ ok: false, error: err instanceof Error ? err.stack : String(err) });
  }
});
process.on('disconnect', () => process.exit(0));
