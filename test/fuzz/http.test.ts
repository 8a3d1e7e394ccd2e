// Fuzzing the node:http front door (a world from startWorld): arbitrary bytes, JSON values, deep nesting, huge
// strings, prototype keys, wrong types in every para field of every interface, odd methods, paths and headers.
// Whatever comes in: no crash, never 1000, HTTP 200/404/405/413, a returnCode from CODES and a detail on errors.
// `npm test` runs a few cases per property; `npm run fuzz` (vitest.fuzz.config.ts) sets FUZZ_RUNS for many more.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../../src/dispatch/codes.js';
import { registry } from '../../src/dispatch/registry.js';
import { createKey } from '../../src/services/keys.js';
import { DIALECTS } from '../helpers/db.js';
import { recordSecret } from '../helpers/logs.js';
import { startWorld, type Reply, type World } from '../helpers/world.js';
import { check, FUZZ_RUNS } from './check.js';

declare module 'vitest' {
  interface TaskMeta { fuzzRuns?: number }
}

/**
 * Cases for one property: a few in `npm test`; under `npm run fuzz`, its share of FUZZ_RUNS (this file's shares
 * add up to one half, split between the store dialects; test/fuzz/scf.test.ts has the other half).
 */
const runs = (quick: number, share: number) => (FUZZ_RUNS > 0 ? Math.max(quick, Math.ceil((FUZZ_RUNS * share) / DIALECTS.length)) : quick);


const NAMES = Object.keys(registry);
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const ENVELOPE_KEYS = ['returnCode', 'returnMessage', 'returnData', 'version', 'componentName', 'requestId'];

/** The answer of any request to a protocol path: the invariants of PROTOCOL §1–§3. */
function expectProtocolAnswer(r: Reply, what: string): void {
  expect([200, 405, 413], what).toContain(r.status);
  expect(r.headers.get('content-type'), what).toBe('application/json; charset=utf-8');
  const env = r.json;
  expect(env, `${what}: ${r.text.slice(0, 200)}`).toBeTypeOf('object');
  const code = env.returnCode as number;
  expect(Object.keys(CODES).map(Number), what).toContain(code);
  expect(code, `${what}: ${env.detail}`).not.toBe(1000);
  expect(Object.keys(env), what).toEqual(code === 0 && env.detail === undefined ? ENVELOPE_KEYS : [...ENVELOPE_KEYS, 'detail']);
  if (code !== 0) {
    expect(env.returnMessage, what).toBe(CODES[code as keyof typeof CODES].message);
    expect(env.returnData, what).toBe('');
    expect(env.detail, what).toMatch(/\S/);
    expect(env.detail.length, `${what}: a detail of ${env.detail.length} characters`).toBeLessThanOrEqual(512);
    expect(env.detail, what).not.toMatch(/\n\s+at /);
  }
  if (r.status === 413) expect(code, what).toBe(2007);
  if (r.status === 405) expect(code, what).toBe(2008);
  if (r.status === 200) expect([2007, 2008], what).not.toContain(code);
}

// ---- generators ---------------------------------------------------------------------------------------------

const protoKey = fc.constantFrom(...PROTO_KEYS);
const hugeKey = fc.integer({ min: 100, max: 60_000 }).map((n) => 'k'.repeat(n));
const anyKey = fc.oneof(protoKey, fc.string({ maxLength: 12 }), fc.constantFrom('id', 'skey', 'appid', 'code', 'interface', 'para', 'interfaceName'), hugeKey);
/** Number tokens JSON.stringify never writes. */
const oddNumber = fc.constantFrom('1e400', '-1e400', '-0', '0.0000000000000000000001', '123456789012345678901234567890', '1E+2', '-0.0e-0');

/** JSON text (not values: object keys such as "__proto__" must survive as own keys on the wire). */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
    oddNumber,
    fc.array(tie('v'), { maxLength: 4 }).map((a) => `[${a.join(',')}]`),
    fc.array(fc.tuple(anyKey, tie('v')), { maxLength: 4 }).map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).v;

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number, key = 'a') => `{"${key}":`.repeat(n) + 'null' + '}'.repeat(n);
/** 10,000 levels and more, in the shapes that reach different code (arrays, objects, prototype keys). */
const deep = fc.oneof(
  fc.constant(deepArray(10_000)),
  fc.constant(deepObject(10_000)),
  fc.constant(deepObject(5_000, '__proto__')),
  fc.integer({ min: 1, max: 30_000 }).map(deepArray),
  fc.integer({ min: 1, max: 6_000 }).map((n) => deepObject(n, 'constructor')),
);

/** Strings up to (and past) the 64 KiB body limit, in characters that cost 1–4 bytes of UTF-8 each. */
const huge = fc.tuple(fc.constantFrom('x', 'é', '😀', '\u0000', '\\', '"', '\ud800'), fc.integer({ min: 1, max: 70_000 }))
  .map(([c, n]) => JSON.stringify(c.repeat(Math.ceil(n / c.length))));

const envelopeText = (name: string, para: string) => `{"version":1,"componentName":"MA","interface":{"interfaceName":${JSON.stringify(name)},"para":${para}}}`;
const name = fc.oneof(fc.constantFrom(...NAMES), protoKey, fc.string({ maxLength: 40 }));
/** A para with the interface's own keys (so the schema is passed more often), any values. */
const paraFor = (n: string) => {
  const keys = Object.keys(registry[n]?.schema.properties ?? {});
  const value = fc.oneof(jsonText, fc.string({ maxLength: 80 }).map((s) => JSON.stringify(s)), deep, huge);
  return keys.length === 0 ? jsonText : fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), anyKey), value), { maxLength: keys.length + 2 })
    .map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
};
const body = fc.oneof(
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
  jsonText,
  deep,
  huge,
  fc.tuple(name, jsonText).map(([n, p]) => envelopeText(n, p)),
  fc.tuple(name, deep).map(([n, p]) => envelopeText(n, p)),
  fc.constantFrom(...NAMES).chain((n) => paraFor(n).map((p) => envelopeText(n, p))),
);

/** A header value fetch can send: visible ASCII and spaces. */
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 }).map((s) => s.trim());
const clientIp = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('203.0.113.1', '203.0.113.2', '2001:db8::1', '2001:db8::2'), headerValue);

// ---- wrong types, walked from the registry's schemas --------------------------------------------------------

type Schema = { type?: string; properties?: Record<string, Schema>; oneOf?: Schema[]; required?: readonly string[] };
/** A valid COS profile, so fields inside mina.admin.app.put's `cos` can be walked one by one. */
const VALID_COS = { bucket: 'photos-1250000000', region: 'ap-guangzhou', secret_id: 'AKIDfuzzfuzzfuzz', secret_key: 'fuzz-secret-key-1234' };

/** Every field path of a schema: top-level properties, and those of nested object schemas (also inside oneOf). */
function fieldPaths(schema: Schema, prefix: string[] = []): { path: string[]; type: string | undefined }[] {
  const out: { path: string[]; type: string | undefined }[] = [];
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const objectBranch = sub.oneOf?.find((s) => s.type === 'object') ?? (sub.type === 'object' ? sub : undefined);
    out.push({ path: [...prefix, key], type: sub.type ?? (sub.oneOf ? 'oneOf' : undefined) });
    if (objectBranch) out.push(...fieldPaths(objectBranch, [...prefix, key]));
  }
  return out;
}

/** Values whose JSON type is not `type` (null excluded: it means "absent"). */
function wrongFor(type: string | undefined): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 20 }),
    number: fc.double({ noNaN: true, noDefaultInfinity: true }),
    integer: fc.integer(),
    fraction: fc.constantFrom(0.5, -1.25, 1e-9, 3.000001),
    boolean: fc.boolean(),
    array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    object: fc.dictionary(fc.oneof(protoKey, fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  };
  const exclude: Record<string, string[]> = {
    string: ['string'], boolean: ['boolean'], integer: ['integer', 'number'], number: ['integer', 'number', 'fraction'],
    array: ['array'], object: ['object'], oneOf: ['object'],
  };
  const keep = Object.keys(all).filter((k) => !(exclude[type ?? ''] ?? []).includes(k));
  // `cos: false` is valid, `cos: true` is not.
  if (type === 'oneOf') return fc.oneof(...keep.filter((k) => k !== 'boolean').map((k) => all[k]!), fc.constant(true));
  return fc.oneof(...keep.map((k) => all[k]!));
}

function setPath(para: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(para);
  let at = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = key === 'cos' ? { ...VALID_COS } : {};
    at = at[key] as Record<string, unknown>;
  }
  // defineProperty: a "__proto__" path segment would otherwise set the prototype.
  Object.defineProperty(at, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const WALK = Object.entries(registry)
  .filter(([, def]) => def.example !== undefined)
  .flatMap(([n, def]) => fieldPaths(def.schema as Schema).map(({ path, type }) => ({ name: n, def, path, type })));

// ---- the properties -----------------------------------------------------------------------------------------

describe.each(DIALECTS)('fuzzing the node:http front door on %s', (dialect) => {
  let w: World;
  /** A key holding every scope: privileged and admin calls get past 2001/2002 to their schema. */
  let key = '';
  // The walk and the calls with the key come from an exempt address; the rest from many addresses,
  // with limits small enough to trip and an address table small enough to evict.
  const EXEMPT = '192.0.2.10';

  beforeAll(async () => {
    w = await startWorld(dialect, {
      env: { TRUSTED_PROXIES: '127.0.0.1', RATE_EXEMPT: '192.0.2.0/24', RATE_LIMITS: 'auth_fail=20/60,login=20/60,key_fail=5/60,max_ips=64' },
    });
    await w.addApp();
    ({ key } = await createKey(w.deps.store.db, w.clock.now(), { name: 'fuzz', scopes: ['admin', '*:*'] }));
    recordSecret(key, key.split('_').slice(2).join('_'));
  });
  afterAll(async () => {
    if (!w) return;
    // Never a crash: nothing was logged as a bug, and the server still answers.
    const bugs = w.log.lines.filter((l) => /"level":"error"/.test(l));
    expect(bugs.slice(0, 3)).toEqual([]);
    expect((await w.request('/healthz', { method: 'GET' })).status).toBe(200);
    expect(w.deps.limits.tracked('auth_fail')).toBeLessThanOrEqual(64);
    await w.close();
  });

  const post = (text: string | Buffer, headers: Record<string, string> = {}, path = '/mina_auth') =>
    w.request(path, { body: text, headers: { 'x-forwarded-for': EXEMPT, ...headers } });

  it('survives arbitrary bodies: bytes, JSON, deep nesting, huge strings, prototype keys', async ({ task }) => {
    await check(task, fc.tuple(body, clientIp, fc.boolean()), runs(120, 0.2), async ([b, ip, withKey]) => {
      const r = await post(b, { 'x-forwarded-for': ip, ...(withKey ? { authorization: `Bearer ${key}` } : {}) });
      expectProtocolAnswer(r, `body ${String(b).slice(0, 80)}`);
      if (Buffer.byteLength(b) > 64 * 1024) expect(r.status).toBe(413);
    });
  });

  it('answers 10,000 levels of nesting in every para field of every interface', async ({ task }) => {
    // Each field gets one of the shapes in `npm test` (rotating), all of them under `npm run fuzz`.
    const shapes = [deepArray(10_000), deepObject(10_000), deepObject(3_000, '__proto__')];
    const cases = WALK.flatMap(({ name: n, def, path }, i) => (FUZZ_RUNS > 0 ? shapes : [shapes[i % shapes.length]!]).map((d) => ({ n, def, path, d })));
    let count = 0;
    for (const { n, def, path, d } of cases) {
      // The example with one field replaced by a placeholder, then the placeholder by the nested text.
      const para = JSON.stringify(setPath(def.example!, path, '\u0000DEEP\u0000')).replace('"\\u0000DEEP\\u0000"', d);
      const r = await post(envelopeText(n, para), { authorization: `Bearer ${key}` });
      expectProtocolAnswer(r, `${n} ${path.join('.')}`);
      expect(r.json.returnCode, `${n} para.${path.join('.')}: ${r.json.detail}`).toBe(1003);
      count++;
    }
    task.meta.fuzzRuns = count;
  });

  it('answers 1003 to a wrong type in any para field of any interface (the registry walked)', async ({ task }) => {
    const arb = fc.constantFrom(...WALK).chain((c) => wrongFor(c.type).map((v) => ({ ...c, v })));
    await check(task, arb, runs(WALK.length, 0.1), async ({ name: n, def, path, v }) => {
      const r = await post(JSON.stringify({ interface: { interfaceName: n, para: setPath(def.example!, path, v) } }), { authorization: `Bearer ${key}` });
      expectProtocolAnswer(r, n);
      expect(r.json.returnCode, `${n} para.${path.join('.')}=${JSON.stringify(v)}: ${r.json.detail}`).toBe(1003);
      expect(r.json.detail).toContain('para.');
    });
  });

  it('names an unknown para key (prototype keys, huge keys) in a short detail, for every interface', async ({ task }) => {
    const withExample = NAMES.filter((n) => registry[n]!.example !== undefined);
    const arb = fc.tuple(fc.constantFrom(...withExample), fc.oneof(protoKey, hugeKey, fc.string({ minLength: 1, maxLength: 30 })), jsonText.filter((v) => v !== 'null'))
      .filter(([n, k]) => !Object.hasOwn(registry[n]!.schema.properties ?? {}, k));
    await check(task, arb, runs(60, 0.05), async ([n, k, v]) => {
      const example = JSON.stringify(registry[n]!.example);
      const para = example === '{}' ? `{${JSON.stringify(k)}:${v}}` : `${example.slice(0, -1)},${JSON.stringify(k)}:${v}}`;
      const text = envelopeText(n, para);
      const r = await post(text, { authorization: `Bearer ${key}` });
      expectProtocolAnswer(r, `${n} + ${k.slice(0, 20)}`);
      if (Buffer.byteLength(text) > 64 * 1024) {
        expect(r.json.returnCode).toBe(2007);
        return;
      }
      // A null value is an absent key (PROTOCOL §2), so only non-null values are sent.
      expect(r.json.returnCode, r.json.detail).toBe(1003);
      expect(r.json.detail).toContain(`unknown key "${JSON.parse(JSON.stringify(k)).slice(0, 20)}`);
    });
  });

  it('answers any method, path and caller-key header within 200/404/405/413', async ({ task }) => {
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
    const path = fc.oneof(
      fc.constantFrom('/mina_auth', '/mina_auth/', '/mina_auth/wx0123456789abcdef', '/mina_auth/a/b', '/', '/healthz/x', '/mina_auth?x=1', '/mina_auth/%00', '/mina_auth/..%2f'),
      fc.webPath().filter((p) => p !== '/healthz' && !p.startsWith('/healthz?')),
      fc.string({ unit: fc.constantFrom('a', '/', '%', '2', 'f', '.', '_', '?', '#'), maxLength: 20 }).map((s) => '/mina_auth/' + s),
    );
    const auth = fc.oneof(
      fc.constant({}),
      headerValue.map((v) => ({ authorization: v })),
      headerValue.map((v) => ({ authorization: `Bearer ${v}` })),
      headerValue.map((v) => ({ 'x-mina-key': v })),
      fc.constant({ authorization: `Bearer ${key.slice(0, -1)}x` }),
    );
    await check(task, fc.tuple(method, path, auth, fc.constantFrom(...NAMES), clientIp), runs(100, 0.15), async ([m, p, h, n, ip]) => {
      const r = await w.request(p.replace(/#.*/, ''), {
        method: m, headers: { 'x-forwarded-for': ip, ...h },
        body: m === 'GET' ? undefined : JSON.stringify({ interface: { interfaceName: n, para: registry[n]!.example ?? {} } }),
      });
      const what = `${m} ${p}`;
      expect([200, 404, 405, 413], what).toContain(r.status);
      if (r.status === 404) expect(r.json, what).toHaveProperty('error');
      else expectProtocolAnswer(r, what);
    });
  });
});
