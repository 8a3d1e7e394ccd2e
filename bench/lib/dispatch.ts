// In-process dispatch overhead, no I/O: run by bench/run.mjs as `tsx bench/lib/dispatch.ts [seconds]`.
// The store and the WeChat client are proxies that throw when touched, so a figure here can only be parse,
// caller check, validate, route and encode. Prints one JSON object: per case p50/p90/p99 µs and calls.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { closeDeps, createDeps, type Deps } from '../../src/deps.js';
import { dispatch } from '../../src/dispatch/dispatch.js';
import { handleHttp } from '../../src/http/handle.js';
import { createLogger } from '../../src/log.js';

const seconds = Number(process.argv[2] ?? 2);
const untouchable = (what: string) => new Proxy({}, { get(_t, prop) { throw new Error(`${what}.${String(prop)} touched: this case is not I/O-free`); } });
// A MySQL URL: its pool connects lazily, so nothing is opened; the benchmark client is exempt from abuse limits
// (an override the config ignores where it has no such setting).
const config = loadConfig({}, { DATABASE_URL: 'mysql://bench@127.0.0.1:9/never', MASTER_KEY: randomBytes(32).toString('base64'), RATE_EXEMPT: '127.0.0.1' });
/** The real deps of this version of the code, with the store and the WeChat client replaced by tripwires. */
function depsWith(log: Deps['log']): { deps: Deps; close: () => Promise<void> } {
  const real = createDeps(config, { log });
  const store = { dialect: real.store.dialect, db: untouchable('store.db'), close: async () => {} } as unknown as Deps['store'];
  return { deps: { ...real, store, wechat: untouchable('wechat') as Deps['wechat'] }, close: () => closeDeps(real) };
}
const silent = depsWith(createLogger('silent'));
// `serve` logs every request at info: the same line, written nowhere, to price the JSON of the log.
const logging = depsWith(createLogger('info', () => {}));

const body = (interfaceName: string, para: unknown) => Buffer.from(JSON.stringify({ interface: { interfaceName, para } }));
const cases: Record<string, { body: Buffer; code: number }> = {
  // A session interface whose para fails its schema: parse, route, validate, encode.
  'auth_invalid_1003': { body: body('qcloud.cam.auth', { id: '6d7bdfd009ea5a65a0ae3d68ae925004', skey: 'not a skey!' }), code: 1003 },
  // A public interface that answers without the store.
  'initdata_2006': { body: body('qcloud.cam.initdata', { anything: 1 }), code: 2006 },
  // A privileged interface called without a caller key: the caller check answers.
  'access_token_nokey_2001': { body: body('qcloud.mimi.access_token', { appid: 'wx0123456789abcdef' }), code: 2001 },
  'not_json_1009': { body: Buffer.from('{"interface":'), code: 1009 },
};

type Sample = Float64Array;
function pct(sorted: Sample, p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]! * 1000) / 1000;
}

async function measure(run: () => Promise<boolean>): Promise<{ calls: number; p50us: number; p90us: number; p99us: number; meanus: number }> {
  const warmEnd = performance.now() + Math.min(1000, seconds * 300);
  while (performance.now() < warmEnd) await run();
  const times: number[] = [];
  let wrong = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  for (;;) {
    const t = process.hrtime.bigint();
    if (!(await run())) wrong++;
    times.push(Number(process.hrtime.bigint() - t) / 1000);
    if (times.length % 64 === 0 && performance.now() > end) break;
  }
  const total = performance.now() - started;
  if (wrong) throw new Error(`${wrong} calls answered another code`);
  const sorted = Float64Array.from(times).sort();
  return { calls: times.length, p50us: pct(sorted, 0.5), p90us: pct(sorted, 0.9), p99us: pct(sorted, 0.99), meanus: Math.round((total * 1000 / times.length) * 1000) / 1000 };
}

const out: Record<string, unknown> = {};
for (const [name, c] of Object.entries(cases)) {
  const input = { body: c.body, requestId: '00000000-0000-4000-8000-000000000000', ip: '127.0.0.1', boundAppid: null, callerKey: null };
  const first = await dispatch(silent.deps, input);
  if (first.envelope.returnCode !== c.code) throw new Error(`${name}: expected ${c.code}, got ${JSON.stringify(first.envelope)}`);
  // dispatch + the envelope's JSON: what the brief calls parse, caller check, validate, route, encode.
  const expect = `"returnCode":${c.code},`;
  const core = await measure(async () => JSON.stringify((await dispatch(silent.deps, input)).envelope).startsWith(expect, 1));
  // The whole front-door-independent handler (request id, path match, log line at info): what serve adds around it.
  const req = { method: 'POST', path: '/mina_auth', body: c.body, ip: '127.0.0.1', headers: {} };
  const http = await measure(async () => (await handleHttp(logging.deps, req)).body.startsWith(expect, 1));
  out[name] = { dispatch: core, handleHttp: http };
}
await Promise.all([silent.close(), logging.close()]);
process.stdout.write(JSON.stringify(out) + '\n');
