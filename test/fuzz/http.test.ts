// Fuzzing the node:http front door (a world from startWorld): arbitrary bytes, JSON values, deep nesting, huge
// strings, prototype keys, wrong types in every para field of every interface, odd methods, paths and headers.
// Whatever comes in: no crash, never 1000, HTTP 200/404/405/413, a returnCode from CODES and a detail on errors.
// `npm test` runs a few cases per property; `npm run fuzz` (vitest.fuzz.config.ts) sets FUZZ_RUNS for many more.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/dispatch/registry.js';
import { DIALECTS } from '../helpers/db.js';
import { startWorld, type Reply, type World } from '../helpers/world.js';
import {
  check, deep, deepArray, deepObject, envelopeText, expectProtocolAnswer, FUZZ_RUNS, headerValue, huge, hugeKey,
  jsonText, name, NAMES, paraFor, protoKey, type ProtocolAnswer, setPath, WALK, wrongFor,
} from './check.js';

/**
 * Cases for one property: a few in `npm test`; under `npm run fuzz`, its share of FUZZ_RUNS (this file's shares
 * add up to one half, split between the store dialects; test/fuzz/scf.test.ts has the other half).
 */
const runs = (quick: number, share: number) => (FUZZ_RUNS > 0 ? Math.max(quick, Math.ceil((FUZZ_RUNS * share) / DIALECTS.length)) : quick);

/** A reply, as the protocol invariants (expectProtocolAnswer) take it. */
const answerOf = (r: Reply): ProtocolAnswer => ({ status: r.status, contentType: r.headers.get('content-type'), json: r.json, text: r.text });

// ---- generators ---------------------------------------------------------------------------------------------

const body = fc.oneof(
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
  jsonText,
  deep,
  huge,
  fc.tuple(name, jsonText).map(([n, p]) => envelopeText(n, p)),
  fc.tuple(name, deep).map(([n, p]) => envelopeText(n, p)),
  fc.constantFrom(...NAMES).chain((n) => paraFor(n).map((p) => envelopeText(n, p))),
);

/** A header value fetch can send: visible ASCII and spaces, none leading or trailing. */
const sentHeaderValue = headerValue.map((s) => s.trim());
const clientIp = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('203.0.113.1', '203.0.113.2', '2001:db8::1', '2001:db8::2'), sentHeaderValue);

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
    ({ key } = await w.callerKey('fuzz', ['admin', '*:*']));
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
      expectProtocolAnswer(answerOf(r), `body ${String(b).slice(0, 80)}`);
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
      expectProtocolAnswer(answerOf(r), `${n} ${path.join('.')}`);
      expect(r.json.returnCode, `${n} para.${path.join('.')}: ${r.json.detail}`).toBe(1003);
      count++;
    }
    task.meta.fuzzRuns = count;
  });

  it('answers 1003 to a wrong type in any para field of any interface (the registry walked)', async ({ task }) => {
    const arb = fc.constantFrom(...WALK).chain((c) => wrongFor(c.type).map((v) => ({ ...c, v })));
    await check(task, arb, runs(WALK.length, 0.1), async ({ name: n, def, path, v }) => {
      const r = await post(JSON.stringify({ interface: { interfaceName: n, para: setPath(def.example!, path, v) } }), { authorization: `Bearer ${key}` });
      expectProtocolAnswer(answerOf(r), n);
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
      expectProtocolAnswer(answerOf(r), `${n} + ${k.slice(0, 20)}`);
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
      sentHeaderValue.map((v) => ({ authorization: v })),
      sentHeaderValue.map((v) => ({ authorization: `Bearer ${v}` })),
      sentHeaderValue.map((v) => ({ 'x-mina-key': v })),
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
      else expectProtocolAnswer(answerOf(r), what);
    });
  });
});
