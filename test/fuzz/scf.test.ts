// Fuzzing the SCF event-function entry: main_handler (scf/index.ts) with the literal captured events of
// test/scf/fixtures/, their body, method, path, client address and headers replaced by arbitrary ones.
// Whatever comes in: no crash (no rejection), never 1000, HTTP 200/404/405/413, a returnCode from CODES and a
// detail on errors. `npm test` runs a few cases per property; `npm run fuzz` sets FUZZ_RUNS for many more.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScfHttpEvent, ScfHttpResult } from '../../src/http/scf.js';
import { createKey } from '../../src/services/keys.js';
import { recordSecret } from '../helpers/logs.js';
import { captureStdoutLogs, fixture, scfContext, startScfInstance, withBody, type ScfInstance } from '../scf/helpers.js';
import {
  check, deep, deepArray, deepObject, envelopeText, expectProtocolAnswer, FUZZ_RUNS, headerValue, huge, jsonText, name, NAMES,
  paraFor, setPath, WALK, wrongFor,
} from './check.js';

/** Cases for one property: a few in `npm test`; under `npm run fuzz`, its share of FUZZ_RUNS (this file's: one half). */
const runs = (quick: number, share: number) => (FUZZ_RUNS > 0 ? Math.max(quick, Math.ceil(FUZZ_RUNS * share)) : quick);


const APPID = 'wx' + randomBytes(8).toString('hex');
/** Calls with the key and the registry walk come from here: exempt from the (small) limits below. */
const EXEMPT_IP = '192.0.2.10';

let instance: ScfInstance;
let key = '';
const logLines: string[] = [];

beforeAll(async () => {
  instance = await startScfInstance({
    dirPrefix: 'mina-auth-fuzz-scf-',
    app: { appid: APPID, secret: randomBytes(16).toString('hex') },
    env: {
      MINA_AUTH_RATE_LIMITS: 'auth_fail=20/60,login=20/60,key_fail=5/60,max_ips=64',
      MINA_AUTH_RATE_EXEMPT: '192.0.2.0/24',
    },
    seed: async (store) => {
      ({ key } = await createKey(store.db, Math.floor(Date.now() / 1000), { name: 'fuzz', scopes: ['admin', '*:*'] }));
    },
  });
  recordSecret(key, key.split('_').slice(2).join('_'));
});

afterAll(async () => {
  // Never a crash: nothing was logged as a bug.
  expect(logLines.filter((l) => /"level":"error"/.test(l)).slice(0, 3)).toEqual([]);
  await instance?.close();
});

// The gateway logs JSON lines to stdout: keep them out of the reporter and in the redaction check.
captureStdoutLogs((line) => {
  if (line.includes('"level":"error"')) logLines.push(line);
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
  if (input.base64 !== undefined) event.isBase64Encoded = input.base64;
  if (input.method !== undefined) event.httpMethod = input.method;
  if (input.path !== undefined) event.path = input.path;
  const ip = input.ip ?? EXEMPT_IP;
  if (event.requestContext) event.requestContext.sourceIp = ip;
  else event.headers!['x-scf-remote-addr'] = ip;
  Object.assign(event.headers!, input.headers ?? {});
  return withBody(event, input.body);
}

/** One invocation; the invariants of PROTOCOL §1–§3 on whatever comes back. */
async function invoke(input: EventInput): Promise<any> {
  const context = scfContext();
  const result = await instance.main_handler(eventOf(input), context) as ScfHttpResult;
  const what = `${input.method ?? 'POST'} ${input.path ?? ''} ${String(input.body).slice(0, 60)}`;
  expect(context.callbackWaitsForEmptyEventLoop).toBe(false);
  expect(Object.keys(result).sort(), what).toEqual(['body', 'headers', 'isBase64Encoded', 'statusCode']);
  expect([200, 404, 405, 413], what).toContain(result.statusCode);
  const json = JSON.parse(result.body);
  if (result.statusCode === 404) {
    expect(json, what).toHaveProperty('error');
    return json;
  }
  expectProtocolAnswer({ status: result.statusCode, contentType: result.headers['content-type'], json, text: result.body }, what);
  return json;
}

// ---- generators ---------------------------------------------------------------------------------------------

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
    for (const { name: n, def, path: p } of WALK) {
      for (const d of FUZZ_RUNS > 0 ? [deepArray(10_000), deepObject(10_000)] : [count % 2 ? deepArray(10_000) : deepObject(10_000)]) {
        const para = JSON.stringify(setPath(def.example!, p, '\u0000DEEP\u0000')).replace('"\\u0000DEEP\\u0000"', d);
        const json = await invoke({ shape: count % 2 ? 'apigw-event' : 'function-url-event', body: envelopeText(n, para), headers: { authorization: `Bearer ${key}` } });
        expect(json.returnCode, `${n} para.${p.join('.')}: ${json.detail}`).toBe(1003);
        count++;
      }
    }
    task.meta.fuzzRuns = count;
  });

  it('answers 1003 to a wrong type in any para field of any interface (the registry walked)', async ({ task }) => {
    const arb = fc.tuple(fc.constantFrom(...WALK).chain((c) => wrongFor(c.type).map((v) => ({ ...c, v }))), fc.constantFrom<Shape>('apigw-event', 'function-url-event'));
    await check(task, arb, runs(WALK.length * 2, 0.1), async ([{ name: n, def, path: p, v }, shape]) => {
      const json = await invoke({ shape, body: JSON.stringify({ interface: { interfaceName: n, para: setPath(def.example!, p, v) } }), headers: { authorization: `Bearer ${key}` } });
      expect(json.returnCode, `${n} para.${p.join('.')}=${JSON.stringify(v)}: ${json.detail}`).toBe(1003);
    });
  });
});
