// Where the time of one qcloud.cam.auth goes, in-process and without HTTP: run by bench/run.mjs as
//   tsx bench/lib/breakdown.ts <job.json>
// against a store bench/run.mjs has seeded. Each layer runs at the same concurrency for a few seconds and is
// measured in CPU µs per call (process.cpuUsage) and calls per second:
//   driver      the SQL findLiveSession compiles to, straight through mysql2 / better-sqlite3
//   kysely      the same query built and run through kysely
//   kyselyPrecompiled  the SQL compiled once, run through kysely's driver (connection handling included)
//   storeRead   the SQL compiled once, run through store.read for one id (findLiveSession runs it once per
//               event-loop turn for every id asked for in it: src/store/lookup.ts)
//   session     findLiveSession (+ the skey hash and its comparison), the lookups of a turn batched
//   dispatch    dispatch() of the auth request body (parse, validate, limits, handler, envelope)
//   handleHttp  handleHttp() with the request log line written to a file, as serve does (minus the socket)
//   appRow      one primary-key read through kysely (findApp: what requireApp and, with caller_keys,
//               authenticateCaller cost each warm access_token call)
// Layers run in turn, `rounds` times; each keeps its best round (the least disturbed by whatever else the machine
// runs). Prints one JSON object.
import { readFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CompiledQuery } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { closeDeps, createDeps } from '../../src/deps.js';
import { dispatch } from '../../src/dispatch/dispatch.js';
import { handleHttp } from '../../src/http/handle.js';
import { createLogger } from '../../src/log.js';
import { findApp } from '../../src/services/apps.js';
import { findLiveSession, liveSessionQuery } from '../../src/services/sessions.js';

interface Job { databaseUrl: string; masterKey: string; appid: string; sessions: { id: string; skey: string }[]; seconds: number; rounds: number; concurrency: number; logFile: string }
const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Job;
const require = createRequire(import.meta.url);

// src/store/db.ts loads better-sqlite3 through createRequire(__filename), which the CJS bundle has and tsx's ESM lacks.
(globalThis as { __filename?: string }).__filename ??= fileURLToPath(import.meta.url);
const logFd = openSync(job.logFile, 'a');
const config = loadConfig({}, { DATABASE_URL: job.databaseUrl, MASTER_KEY: job.masterKey, RATE_EXEMPT: '127.0.0.1' });
const deps = createDeps(config, { log: createLogger('info', (line) => { writeSync(logFd, line + '\n'); }) });
const sessions = job.sessions;
const body = (s: { id: string; skey: string }) => Buffer.from(JSON.stringify({ interface: { interfaceName: 'qcloud.cam.auth', para: s } }));
const bodies = sessions.map(body);

/** Runs `once(i)` from `concurrency` loops for `seconds`; CPU µs per call and calls per second. */
async function measure(once: (i: number) => Promise<unknown>, seconds = job.seconds) {
  let i = 0;
  const warmEnd = performance.now() + 300;
  await Promise.all(Array.from({ length: job.concurrency }, async () => { while (performance.now() < warmEnd) await once(i++); }));
  let calls = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(Array.from({ length: job.concurrency }, async () => {
    while (performance.now() < end) { await once(i++); calls++; }
  }));
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { calls, perSecond: Math.round(calls / wall), cpuUsPerCall: Math.round((used.user + used.system) / calls * 10) / 10 };
}

const pick = (i: number) => sessions[i % sessions.length]!;
const query = liveSessionQuery;
const compiled = query(deps.store.db, [sessions[0]!.id]).compile();

/** The driver alone: the compiled SQL with each session's id. */
async function driverLayer() {
  if (deps.store.dialect === 'mysql') {
    const { createPool } = require('mysql2') as typeof import('mysql2');
    const uri = new URL(job.databaseUrl);
    const limit = Number(uri.searchParams.get('connectionLimit') ?? 10);
    uri.searchParams.delete('connectionLimit');
    const pool = createPool({ uri: uri.toString(), connectionLimit: limit, maxIdle: limit, charset: 'utf8mb4_bin' });
    try {
      return await measure((i) => new Promise<void>((resolve, reject) => pool.query(compiled.sql, [pick(i).id], (err) => (err ? reject(err) : resolve()))));
    } finally {
      await new Promise((r) => pool.end(r));
    }
  }
  const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Sqlite(job.databaseUrl.slice('sqlite:'.length), { readonly: true });
  const stmt = db.prepare(compiled.sql);
  try {
    return await measure(async (i) => stmt.get(pick(i).id));
  } finally {
    db.close();
  }
}

const ok = (code: number) => (r: { envelope: { returnCode: number } }) => { if (r.envelope.returnCode !== code) throw new Error(`auth answered ${JSON.stringify(r.envelope)}`); };
const input = (i: number) => ({ body: bodies[i % bodies.length]!, requestId: '00000000-0000-4000-8000-000000000000', ip: '127.0.0.1', boundAppid: null, callerKey: null });
type Result = Awaited<ReturnType<typeof measure>>;
const layers: Record<string, () => Promise<Result>> = {
  driver: driverLayer,
  kysely: () => measure((i) => query(deps.store.db, [pick(i).id]).executeTakeFirst()),
  // The same SQL compiled once, run through kysely's driver: building it costs the rest.
  kyselyPrecompiled: () => measure((i) => deps.store.db.executeQuery(CompiledQuery.raw(compiled.sql, [pick(i).id]))),
  // The same, run as findLiveSession does (src/store/db.ts: a prepared statement on MySQL, past kysely's mutex on SQLite).
  storeRead: () => measure((i) => deps.store.read(compiled.sql, [pick(i).id])),
  session: () => measure(async (i) => { const s = pick(i); if ('miss' in await findLiveSession(deps, s.id, s.skey, null)) throw new Error('miss'); }),
  dispatch: () => measure(async (i) => ok(0)(await dispatch(deps, input(i)))),
  handleHttp: () => measure(async (i) => {
    const r = await handleHttp(deps, { method: 'POST', path: '/mina_auth', body: bodies[i % bodies.length]!, ip: '127.0.0.1', headers: {} });
    if (!r.body.includes('"returnCode":0,')) throw new Error(r.body);
  }),
  appRow: () => measure(async () => { if (!(await findApp(deps.store.db, job.appid))) throw new Error('no app'); }),
};
const out: Record<string, unknown> = { dialect: deps.store.dialect, concurrency: job.concurrency, seconds: job.seconds, rounds: job.rounds };
try {
  const best: Record<string, Result> = {};
  for (let round = 0; round < job.rounds; round++) {
    for (const [name, run] of Object.entries(layers)) {
      const r = await run();
      const b = best[name];
      if (!b || r.cpuUsPerCall < b.cpuUsPerCall) best[name] = r;
    }
  }
  Object.assign(out, best);
} finally {
  await closeDeps(deps);
  closeSync(logFd);
}
process.stdout.write(JSON.stringify(out) + '\n');
