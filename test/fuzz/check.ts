// What the fuzz suites share: the run budget from FUZZ_RUNS / FUZZ_SEED, a property runner that reports, the
// generators of request bodies, the registry walk (wrong types in every para field), and the protocol invariants.
import fc from 'fast-check';
import { expect } from 'vitest';
import { CODES } from '../../src/dispatch/codes.js';
import { registry } from '../../src/dispatch/registry.js';

declare module 'vitest' {
  interface TaskMeta { fuzzRuns?: number }
}

/** 0 in `npm test` (each property runs its few quick cases); set by `npm run fuzz`. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Runs a property, fails the test with fast-check's report (seed and counterexample), and records the count. */
export async function check<T>(task: { meta: { fuzzRuns?: number } }, arb: fc.Arbitrary<T>, numRuns: number, predicate: (v: T) => Promise<void>) {
  const out = await fc.check(fc.asyncProperty(arb, predicate), { numRuns, seed: SEED, endOnFailure: FUZZ_RUNS === 0 });
  task.meta.fuzzRuns = (task.meta.fuzzRuns ?? 0) + out.numRuns;
  if (out.failed) {
    // Short: counterexamples can be 64 KiB long.
    const example = JSON.stringify(out.counterexample)?.slice(0, 1500);
    const error = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
    throw new Error(`property failed after ${out.numRuns} case(s); seed ${out.seed}, path "${out.counterexamplePath}"\ncounterexample (cut): ${example}\n${error.slice(0, 3000)}`);
  }
}

export const NAMES = Object.keys(registry);
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const ENVELOPE_KEYS = ['returnCode', 'returnMessage', 'returnData', 'version', 'componentName', 'requestId'];

/** What came back to a request on a protocol path, whichever front door it went through. */
export interface ProtocolAnswer {
  status: number;
  /** The content-type header as received. */
  contentType: unknown;
  /** The body, parsed. */
  json: any;
  /** The body as sent. */
  text: string;
}

/** The answer of any request to a protocol path: the invariants of PROTOCOL §1–§3. */
export function expectProtocolAnswer({ status, contentType, json: env, text }: ProtocolAnswer, what: string): void {
  expect([200, 405, 413], what).toContain(status);
  expect(contentType, what).toBe('application/json; charset=utf-8');
  expect(env, `${what}: ${text.slice(0, 200)}`).toBeTypeOf('object');
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
  if (status === 413) expect(code, what).toBe(2007);
  if (status === 405) expect(code, what).toBe(2008);
  if (status === 200) expect([2007, 2008], what).not.toContain(code);
}

// ---- generators ---------------------------------------------------------------------------------------------

export const protoKey = fc.constantFrom(...PROTO_KEYS);
export const hugeKey = fc.integer({ min: 100, max: 60_000 }).map((n) => 'k'.repeat(n));
const anyKey = fc.oneof(protoKey, fc.string({ maxLength: 12 }), fc.constantFrom('id', 'skey', 'appid', 'code', 'interface', 'para', 'interfaceName'), hugeKey);
/** Number tokens JSON.stringify never writes. */
const oddNumber = fc.constantFrom('1e400', '-1e400', '-0', '0.0000000000000000000001', '123456789012345678901234567890', '1E+2', '-0.0e-0');

/** JSON text (not values: object keys such as "__proto__" must survive as own keys on the wire). */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
    oddNumber,
    fc.array(tie('v'), { maxLength: 4 }).map((a) => `[${a.join(',')}]`),
    fc.array(fc.tuple(anyKey, tie('v')), { maxLength: 4 }).map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).v;

export const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
export const deepObject = (n: number, key = 'a') => `{"${key}":`.repeat(n) + 'null' + '}'.repeat(n);
/** 10,000 levels and more, in the shapes that reach different code (arrays, objects, prototype keys). */
export const deep = fc.oneof(
  fc.constant(deepArray(10_000)),
  fc.constant(deepObject(10_000)),
  fc.constant(deepObject(5_000, '__proto__')),
  fc.integer({ min: 1, max: 30_000 }).map(deepArray),
  fc.integer({ min: 1, max: 6_000 }).map((n) => deepObject(n, 'constructor')),
);

/** Strings up to (and past) the 64 KiB body limit, in characters that cost 1–4 bytes of UTF-8 each. */
export const huge = fc.tuple(fc.constantFrom('x', 'é', '😀', '\u0000', '\\', '"', '\ud800'), fc.integer({ min: 1, max: 70_000 }))
  .map(([c, n]) => JSON.stringify(c.repeat(Math.ceil(n / c.length))));

export const envelopeText = (name: string, para: string) => `{"version":1,"componentName":"MA","interface":{"interfaceName":${JSON.stringify(name)},"para":${para}}}`;
export const name = fc.oneof(fc.constantFrom(...NAMES), protoKey, fc.string({ maxLength: 40 }));
/** A para with the interface's own keys (so the schema is passed more often), any values. */
export const paraFor = (n: string) => {
  const keys = Object.keys(registry[n]?.schema.properties ?? {});
  const value = fc.oneof(jsonText, fc.string({ maxLength: 80 }).map((s) => JSON.stringify(s)), deep, huge);
  return keys.length === 0 ? jsonText : fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), anyKey), value), { maxLength: keys.length + 2 })
    .map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
};

/** A header value: visible ASCII and spaces. */
export const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 });

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
export function wrongFor(type: string | undefined): fc.Arbitrary<unknown> {
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

/** A copy of `para` with `value` at `path` (objects made on the way). */
export function setPath(para: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
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

/** Every para field of every interface with an example: the interface, its definition, the field's path and type. */
export const WALK = Object.entries(registry)
  .filter(([, def]) => def.example !== undefined)
  .flatMap(([n, def]) => fieldPaths(def.schema as Schema).map(({ path, type }) => ({ name: n, def, path, type })));
