// Fuzzing the SCF event-function entry: main_handler (scf/index.ts) with the literal captured events of
// test/scf/fixtures/, their body, method, path, client address and headers replaced by arbitrary ones.
// Whatever comes in: no crash (no rejection), never 1000, HTTP 200/404/405/413, a returnCode from CODES and a
// detail on errors. `npm test` runs a few cases per property; `npm run fuzz` sets FUZZ_RUNS for many more.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CODES } from '../../src/dispatch/codes.js';
import { registry } from '../../src/dispatch/registry.js';
import type { ScfHttpEvent, ScfHttpResult } from '../../src/http/scf.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { putApp } from '../../src/services/apps.js';
import { createKey } from '../../src/services/keys.js';
import { createSecretBox } from '../../src/services/secretbox.js';
import { migrate, openStore } from '../../src/store/db.js';
import { recordLogLines, recordSecret } from '../helpers/logs.js';
import { fixture, scfContext } from '../scf/helpers.js';
import { check, FUZZ_RUNS } from './check.js';

declare module 'vitest' {
  interface TaskMeta { fuzzRuns?: number }
}

/** Cases for one property: a few in `npm test`; under `npm run fuzz`, its share of FUZZ_RUNS (this file's: one half). */
const runs = (quick: number, share: number) => (FUZZ_RUNS > 0 ? Math.max(quick, Math.ceil(FUZZ_RUNS * share)) : quick);


const APPID = 'wx' + randomBytes(8).toString('hex');
const MASTER_KEY = randomBytes(32).toString('base64');
/** Calls with the key and the registry walk come from here: exempt from the (small) limits below. */
const EXEMPT_IP = '192.0.2.10';
const NAMES = Object.keys(registry);
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const ENVELOPE_KEYS = ['returnCode', 'returnMessage', 'returnData', 'version', 'componentName', 'requestId'];

let dir: string;
let sandbox: Sandbox;
let key = '';
let main_handler: typeof import('../../scf/index.js').main_handler;
const saved = { ...process.env };
const logLines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mina-auth-fuzz-scf-'));
  sandbox = await startSandbox({ port: 0 });
  for (const name of Object.keys(process.env)) if (name.startsWith('MINA_AUTH_')) delete process.env[name];
  Object.assign(process.env, {
    MINA_AUTH_DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    MINA_AUTH_MASTER_KEY: MASTER_KEY,
    MINA_AUTH_WECHAT_BASE_URL: sandbox.url,
    MINA_AUTH_WECOM_BASE_URL: sandbox.url,
    MINA_AUTH_LOG_LEVEL: 'debug',
    MINA_AUTH_RATE_LIMITS: 'auth_fail=20/60,login=20/60,key_fail=5/60,max_ips=64',
    MINA_AUTH_RATE_EXEMPT: '192.0.2.0/24',
  });
  const store = openStore(process.env.MINA_AUTH_DATABASE_URL!);
  await migrate(store);
  const secret = randomBytes(16).toString('hex');
  await putApp(store.db, createSecretBox(Buffer.from(MASTER_KEY, 'base64')), Math.floor(Date.now() / 1000), { appid: APPID, type: 'miniprogram', secret });
  ({ key } = await createKey(store.db, Math.floor(Date.now() / 1000), { name: 'fuzz', scopes: ['admin', '*:*'] }));
  await store.close();
  recordSecret(MASTER_KEY, secret, key, key.split('_').slice(2).join('_'));
  ({ main_handler } = await import('../../scf/index.js'));
});

afterAll(async () => {
  // Never a crash: nothing was logged as a bug.
  expect(logLines.filter((l) => /"level":"error"/.test(l)).slice(0, 3)).toEqual([]);
  await sandbox?.close();
  process.env = saved;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The gateway logs JSON lines to stdout: keep them out of the reporter and in the redaction check.
beforeEach(() => {
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    if (!text.startsWith('{"time":')) return write(chunk, ...rest);
    for (const line of text.split('\n')) if (line.includes('"level":"error"')) logLines.push(line);
    recordLogLines(text);
    return true;
  }) as typeof process.stdout.write);
});
afterEach(() => {
  vi.restoreAllMocks();
});

type Shape = 'apigw-event' | 'function-url-event';

interface EventInput {
  shape: Shape;
  body?: string | null;
  base64?: boolean;
  method?: string;
  path?: string;
  ip?: string;
  headers?: Record<string, string>;
}

/** A literal captured event, with the parts under test replaced. */
function eventOf(input: EventInput): ScfHttpEvent {
  const event = fixture(input.shape);
  if (input.body === undefined) delete event.body;
  else event.body = input.body;
  if (input.base64 !== undefined) event.isBase64Encoded = input.base64;
  if (input.method !== undefined) event.httpMethod = input.method;
  if (input.path !== undefined) event.path = input.path;
  const ip = input.ip ?? EXEMPT_IP;
  if (event.requestContext) event.requestContext.sourceIp = ip;
  else event.headers!['x-scf-remote-addr'] = ip;
  Object.assign(event.headers!, input.headers ?? {});
  if (typeof input.body === 'string') event.headers!['content-length'] = String(Buffer.byteLength(input.body));
  return event;
}

/** One invocation; the invariants of PROTOCOL §1–§3 on whatever comes back. */
async function invoke(input: EventInput): Promise<any> {
  const context = scfContext();
  const result = await main_handler(eventOf(input), context) as ScfHttpResult;
  const what = `${input.method ?? 'POST'} ${input.path ?? ''} ${String(input.body).slice(0, 60)}`;
  expect(context.callbackWaitsForEmptyEventLoop).toBe(false);
  expect(Object.keys(result).sort(), what).toEqual(['body', 'headers', 'isBase64Encoded', 'statusCode']);
  expect([200, 404, 405, 413], what).toContain(result.statusCode);
  const json = JSON.parse(result.body);
  if (result.statusCode === 404) {
    expect(json, what).toHaveProperty('error');
    return json;
  }
  expect(result.headers['content-type'], what).toBe('application/json; charset=utf-8');
  const code = json.returnCode as number;
  expect(Object.keys(CODES).map(Number), what).toContain(code);
  expect(code, `${what}: ${json.detail}`).not.toBe(1000);
  expect(Object.keys(json), what).toEqual(code === 0 && json.detail === undefined ? ENVELOPE_KEYS : [...ENVELOPE_KEYS, 'detail']);
  if (code !== 0) {
    expect(json.returnMessage, what).toBe(CODES[code as keyof typeof CODES].message);
    expect(json.returnData, what).toBe('');
    expect(json.detail, what).toMatch(/\S/);
    expect(json.detail.length, what).toBeLessThanOrEqual(512);
    expect(json.detail, what).not.toMatch(/\n\s+at /);
  }
  if (result.statusCode === 413) expect(code, what).toBe(2007);
  if (result.statusCode === 405) expect(code, what).toBe(2008);
  return json;
}

// ---- generators ---------------------------------------------------------------------------------------------

const protoKey = fc.constantFrom(...PROTO_KEYS);
const anyKey = fc.oneof(protoKey, fc.string({ maxLength: 12 }), fc.constantFrom('id', 'skey', 'appid', 'code', 'interface', 'para'));
const jsonText: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
    fc.constantFrom('1e400', '-0', '123456789012345678901234567890'),
    fc.array(tie('v'), { maxLength: 4 }).map((a) => `[${a.join(',')}]`),
    fc.array(fc.tuple(anyKey, tie('v')), { maxLength: 4 }).map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).v;
const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number, k = 'a') => `{"${k}":`.repeat(n) + 'null' + '}'.repeat(n);
const deep = fc.oneof(
  fc.constant(deepArray(10_000)), fc.constant(deepObject(10_000)), fc.constant(deepObject(5_000, '__proto__')),
  fc.integer({ min: 1, max: 30_000 }).map(deepArray),
);
const huge = fc.tuple(fc.constantFrom('x', 'é', '😀', '\u0000', '"'), fc.integer({ min: 1, max: 70_000 }))
  .map(([c, n]) => JSON.stringify(c.repeat(Math.ceil(n / c.length))));
const envelopeText = (name: string, para: string) => `{"version":1,"componentName":"MA","interface":{"interfaceName":${JSON.stringify(name)},"para":${para}}}`;
const name = fc.oneof(fc.constantFrom(...NAMES), protoKey, fc.string({ maxLength: 40 }));
const paraFor = (n: string) => {
  const keys = Object.keys(registry[n]?.schema.properties ?? {});
  const value = fc.oneof(jsonText, fc.string({ maxLength: 80 }).map((s) => JSON.stringify(s)), deep);
  return keys.length === 0 ? jsonText : fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), anyKey), value), { maxLength: keys.length + 2 })
    .map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
};
/** Body text: anything a platform can hand over as a string. */
const bodyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  jsonText, deep, huge,
  fc.tuple(name, jsonText).map(([n, p]) => envelopeText(n, p)),
  fc.tuple(name, deep).map(([n, p]) => envelopeText(n, p)),
  fc.constantFrom(...NAMES).chain((n) => paraFor(n).map((p) => envelopeText(n, p))),
);
/** The body as the event carries it: plain, base64 of arbitrary bytes or of text, not base64 at all, or none. */
const bodyField = fc.oneof(
  bodyText.map((b) => ({ body: b as string | null | undefined, base64: false })),
  fc.uint8Array({ maxLength: 600 }).map((b) => ({ body: Buffer.from(b).toString('base64') as string | null | undefined, base64: true })),
  bodyText.map((b) => ({ body: Buffer.from(b).toString('base64') as string | null | undefined, base64: true })),
  fc.string({ maxLength: 200 }).map((b) => ({ body: b as string | null | undefined, base64: true })),
  fc.constantFrom({ body: null, base64: false }, { body: undefined, base64: false }, { body: '', base64: true }),
);
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 });
const ip = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('203.0.113.7', '2001:db8::7', '', ' ', '::ffff:203.0.113.8'), headerValue);
const method = fc.oneof(fc.constantFrom('POST', 'post', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'ANY'), fc.string({ maxLength: 8 }), fc.string({ minLength: 300, maxLength: 2000 }));
const path = fc.oneof(
  fc.constantFrom('/mina_auth', '/mina_auth/', `/mina_auth/${APPID}`, `/release/mina_auth/${APPID}`, '/release/mina_auth', '/release', '/', '', '/mina_auth/a/b', '/mina_auth/%00', '/mina_auth?x=1'),
  fc.webPath().filter((p) => !p.includes('healthz')),
  fc.string({ maxLength: 40 }).filter((p) => !p.includes('healthz')).map((p) => '/mina_auth/' + p),
);
const headers = fc.oneof(
  fc.constant({}),
  headerValue.map((v) => ({ authorization: v })),
  headerValue.map((v) => ({ authorization: `Bearer ${v}` })),
  headerValue.map((v) => ({ 'x-mina-key': v, 'X-Mina-Key': v })),
  fc.dictionary(fc.oneof(fc.constantFrom('Authorization', 'X-SCF-REMOTE-ADDR', 'x-forwarded-for', 'Content-Type'), fc.string({ maxLength: 10 })), headerValue, { maxKeys: 4 }),
);

// ---- wrong types, walked from the registry's schemas --------------------------------------------------------

type Schema = { type?: string; properties?: Record<string, Schema>; oneOf?: Schema[] };
const VALID_COS = { bucket: 'photos-1250000000', region: 'ap-guangzhou', secret_id: 'AKIDfuzzfuzzfuzz', secret_key: 'fuzz-secret-key-1234' };
function fieldPaths(schema: Schema, prefix: string[] = []): { path: string[]; type: string | undefined }[] {
  return Object.entries(schema.properties ?? {}).flatMap(([k, sub]) => {
    const objectBranch = sub.oneOf?.find((s) => s.type === 'object') ?? (sub.type === 'object' ? sub : undefined);
    const here = { path: [...prefix, k], type: sub.type ?? (sub.oneOf ? 'oneOf' : undefined) };
    return objectBranch ? [here, ...fieldPaths(objectBranch, [...prefix, k])] : [here];
  });
}
function wrongFor(type: string | undefined): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 20 }), number: fc.double({ noNaN: true, noDefaultInfinity: true }), integer: fc.integer(),
    fraction: fc.constantFrom(0.5, -1.25, 3.000001), boolean: fc.boolean(),
    array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    object: fc.dictionary(fc.oneof(protoKey, fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  };
  const exclude: Record<string, string[]> = {
    string: ['string'], boolean: ['boolean'], integer: ['integer', 'number'], number: ['integer', 'number', 'fraction'],
    array: ['array'], object: ['object'], oneOf: ['object', 'boolean'],
  };
  const keep = Object.keys(all).filter((k) => !(exclude[type ?? ''] ?? []).includes(k)).map((k) => all[k]!);
  return type === 'oneOf' ? fc.oneof(...keep, fc.constant(true)) : fc.oneof(...keep);
}
function setPath(para: Record<string, unknown>, at: string[], value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(para);
  let node = copy;
  for (const k of at.slice(0, -1)) {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = k === 'cos' ? { ...VALID_COS } : {};
    node = node[k] as Record<string, unknown>;
  }
  Object.defineProperty(node, at.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
const WALK = Object.entries(registry).filter(([, def]) => def.example !== undefined)
  .flatMap(([n, def]) => fieldPaths(def.schema as Schema).map(({ path: p, type }) => ({ name: n, example: def.example!, path: p, type })));

// ---- the properties -----------------------------------------------------------------------------------------

describe('fuzzing main_handler (SCF event function)', () => {
  it('survives arbitrary bodies, base64 flags, methods, paths, client addresses and headers', async ({ task }) => {
    const arb = fc.record({ shape: fc.constantFrom<Shape>('apigw-event', 'function-url-event'), b: bodyField, method, path, ip, headers, withKey: fc.boolean() });
    await check(task, arb, runs(150, 0.2), async ({ shape, b, method: m, path: p, ip: addr, headers: h, withKey }) => {
      await invoke({ shape, body: b.body, base64: b.base64, method: m, path: p, ip: addr, headers: withKey ? { ...h, authorization: `Bearer ${key}` } : h });
    });
  });

  it('survives arbitrary bodies on the protocol path', async ({ task }) => {
    const arb = fc.record({ shape: fc.constantFrom<Shape>('apigw-event', 'function-url-event'), b: bodyText, ip, withKey: fc.boolean() });
    await check(task, arb, runs(100, 0.2), async ({ shape, b, ip: addr, withKey }) => {
      const json = await invoke({ shape, body: b, ip: addr, headers: withKey ? { authorization: `Bearer ${key}` } : {} });
      // The limit holds on the decoded body, exactly: over it 413/2007 before parsing, at or under it never.
      if (Buffer.byteLength(b) > 64 * 1024) expect(json.returnCode).toBe(2007);
      else expect(json.returnCode).not.toBe(2007);
    });
  });

  it('answers 1003 to 10,000 levels of nesting in every para field of every interface', async ({ task }) => {
    let count = 0;
    for (const { name: n, example, path: p } of WALK) {
      for (const d of FUZZ_RUNS > 0 ? [deepArray(10_000), deepObject(10_000)] : [count % 2 ? deepArray(10_000) : deepObject(10_000)]) {
        const para = JSON.stringify(setPath(example, p, '\u0000DEEP\u0000')).replace('"\\u0000DEEP\\u0000"', d);
        const json = await invoke({ shape: count % 2 ? 'apigw-event' : 'function-url-event', body: envelopeText(n, para), headers: { authorization: `Bearer ${key}` } });
        expect(json.returnCode, `${n} para.${p.join('.')}: ${json.detail}`).toBe(1003);
        count++;
      }
    }
    task.meta.fuzzRuns = count;
  });

  it('answers 1003 to a wrong type in any para field of any interface (the registry walked)', async ({ task }) => {
    const arb = fc.tuple(fc.constantFrom(...WALK).chain((c) => wrongFor(c.type).map((v) => ({ ...c, v }))), fc.constantFrom<Shape>('apigw-event', 'function-url-event'));
    await check(task, arb, runs(WALK.length * 2, 0.1), async ([{ name: n, example, path: p, v }, shape]) => {
      const json = await invoke({ shape, body: JSON.stringify({ interface: { interfaceName: n, para: setPath(example, p, v) } }), headers: { authorization: `Bearer ${key}` } });
      expect(json.returnCode, `${n} para.${p.join('.')}=${JSON.stringify(v)}: ${json.detail}`).toBe(1003);
    });
  });
});
