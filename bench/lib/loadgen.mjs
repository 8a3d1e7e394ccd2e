// The load generator: a separate process (forked by bench/run.mjs) so its CPU is never the gateway's.
// Jobs arrive over IPC, one at a time; each answers { ok, result } or { ok: false, error }.
//   { kind: 'http', url, path, headers, bodies | bodiesFile, connections, seconds | amount, expect, warmupSeconds }
//       autocannon (programmatic API); bodies are sent in turn (amount: each once); `expect` is a substring every
//       answer must contain (e.g. "returnCode":0) — answers without it are counted as mismatches.
//   { kind: 'mysql', uri, connectionLimit, concurrency, seconds, warmupSeconds, ids }
//       the DB floor: raw mysql2 primary-key selects from `connections` loops over a pool of `connectionLimit`.
//   { kind: 'sqlite', path, seconds, ids }
//       the same select through better-sqlite3 (synchronous: concurrency does not apply).
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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

const files = new Map();
/** A bodies file is read once (the auth bodies serve every level and the HTTP floor). */
const bodiesOf = (file) => { if (!files.has(file)) files.set(file, JSON.parse(readFileSync(file, 'utf8'))); return files.get(file); };

function cannon(job, seconds, amount) {
  const bodies = job.bodies ?? (job.bodiesFile ? bodiesOf(job.bodiesFile) : [job.body ?? '']);
  let next = 0;
  const lat = sampler();
  let mismatches = 0;
  const expect = job.expect ?? null;
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
        setupRequest: (req) => { req.body = bodies[next++ % bodies.length]; return req; },
      }],
    }, (err, result) => {
      if (err) return reject(err);
      // From the start to the last answer: autocannon's own duration runs on to its next tick.
      const seconds = lat.count ? (lastAt - startedAt) / 1000 : result.duration;
      const s = summarise(lat.samples, lat.count, seconds);
      resolve({
        ...s,
        // Successful answers per second: mismatches, errors and non-2xx are not throughput.
        perSecond: Math.round(Math.max(0, lat.count - mismatches) / seconds),
        sent: result.requests.sent ?? null,
        errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches,
        bodiesUsed: Math.min(next, bodies.length),
      });
    });
    const startedAt = performance.now();
    let lastAt = startedAt;
    instance.on('response', (_client, status, _bytes, ms) => { lat.add(ms); lastAt = performance.now(); });
    instance.on('mismatch', () => mismatches++);
  });
}

async function http(job) {
  const warm = job.warmupSeconds ? await cannon({ ...job, expect: null }, job.warmupSeconds) : null;
  return { ...(await cannon(job, job.seconds, job.amount)), warmupRequests: warm?.requests ?? 0 };
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

process.on('message', async (job) => {
  try {
    const result = job.kind === 'http' ? await http(job) : job.kind === 'mysql' ? await mysqlFloor(job) : sqliteFloor(job);
    process.send({ ok: true, result });
  } catch (err) {
    process.send({ ok: false, error: err instanceof Error ? err.stack : String(err) });
  }
});
process.on('disconnect', () => process.exit(0));
