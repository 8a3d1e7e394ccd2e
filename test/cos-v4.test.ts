// The legacy COS v4 signatures (qcloud.cos.auth.reusable / nonreusable, WAFER.md §4.9): a fixed vector computed
// independently here, the pure function in src/services/cos.ts, and both interfaces over HTTP.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../src/dispatch/registry.js';
import { v4FileId, v4Signature } from '../src/services/cos.js';
import { DIALECTS } from './helpers/db.js';
import { expectFailure, expectSuccess } from './helpers/expect.js';
import { recordSecret } from './helpers/logs.js';
import { startWorld, type World } from './helpers/world.js';

const APPID = '1250000000';
const BUCKET = 'examplebucket';
const SID = 'AKIDEXAMPLE';
const SKEY = 'EXAMPLEKEY';
const T = 1700000000;
const R = 123456789;
const E = 1700003600;
const FILEPATH = '/dir/a b+(1).jpg';
recordSecret(SKEY);

/** base64(HMAC-SHA1(key, plain) ‖ plain), straight from the documented algorithm. */
const independent = (plain: string) => Buffer.concat([createHmac('sha1', SKEY).update(plain).digest(), Buffer.from(plain)]).toString('base64');

// f = rawurlencode("/1250000000/examplebucket/dir/a b+(1).jpg") with %2F back to "/", written out by hand.
const F = '/1250000000/examplebucket/dir/a%20b%2B%281%29.jpg';
const PLAIN_REUSABLE = `a=1250000000&b=examplebucket&k=AKIDEXAMPLE&e=1700003600&t=1700000000&r=123456789&f=${F}`;
const PLAIN_REUSABLE_NO_FILE = 'a=1250000000&b=examplebucket&k=AKIDEXAMPLE&e=1700003600&t=1700000000&r=123456789&f=';
const PLAIN_NONREUSABLE = `a=1250000000&b=examplebucket&k=AKIDEXAMPLE&e=0&t=1700000000&r=123456789&f=${F}`;
const SIGN_REUSABLE = 'Pg5wDy7VjVeh58fzsBE89Q8okyhhPTEyNTAwMDAwMDAmYj1leGFtcGxlYnVja2V0Jms9QUtJREVYQU1QTEUmZT0xNzAwMDAzNjAwJnQ9MTcwMDAwMDAwMCZyPTEyMzQ1Njc4OSZmPS8xMjUwMDAwMDAwL2V4YW1wbGVidWNrZXQvZGlyL2ElMjBiJTJCJTI4MSUyOS5qcGc=';
const SIGN_REUSABLE_NO_FILE = 'j/X+XTkDPGVZ6QZBcoC/lad3S2NhPTEyNTAwMDAwMDAmYj1leGFtcGxlYnVja2V0Jms9QUtJREVYQU1QTEUmZT0xNzAwMDAzNjAwJnQ9MTcwMDAwMDAwMCZyPTEyMzQ1Njc4OSZmPQ==';
const SIGN_NONREUSABLE = 'eF87OxOkPkgGYuy2Dy4Ne3jtpuRhPTEyNTAwMDAwMDAmYj1leGFtcGxlYnVja2V0Jms9QUtJREVYQU1QTEUmZT0wJnQ9MTcwMDAwMDAwMCZyPTEyMzQ1Njc4OSZmPS8xMjUwMDAwMDAwL2V4YW1wbGVidWNrZXQvZGlyL2ElMjBiJTJCJTI4MSUyOS5qcGc=';

const creds = { appid: APPID, bucket: BUCKET, secretId: SID, secretKey: SKEY };

describe('the COS v4 signature (fixed vector)', () => {
  it('the literal vectors are the documented algorithm', () => {
    expect(independent(PLAIN_REUSABLE)).toBe(SIGN_REUSABLE);
    expect(independent(PLAIN_REUSABLE_NO_FILE)).toBe(SIGN_REUSABLE_NO_FILE);
    expect(independent(PLAIN_NONREUSABLE)).toBe(SIGN_NONREUSABLE);
  });

  it('src/services/cos.ts computes them', () => {
    expect(v4Signature({ ...creds, expiration: E, fileId: v4FileId(APPID, BUCKET, FILEPATH, true) }, T, R)).toBe(SIGN_REUSABLE);
    expect(v4Signature({ ...creds, expiration: E, fileId: v4FileId(APPID, BUCKET, 'dir/a b+(1).jpg', true) }, T, R)).toBe(SIGN_REUSABLE);
    expect(v4Signature({ ...creds, expiration: E, fileId: v4FileId(APPID, BUCKET, undefined, true) }, T, R)).toBe(SIGN_REUSABLE_NO_FILE);
    expect(v4Signature({ ...creds, expiration: E, fileId: v4FileId(APPID, BUCKET, '', true) }, T, R)).toBe(SIGN_REUSABLE_NO_FILE);
    expect(v4Signature({ ...creds, expiration: 0, fileId: v4FileId(APPID, BUCKET, FILEPATH, false) }, T, R)).toBe(SIGN_NONREUSABLE);
    expect(v4FileId(APPID, BUCKET, '', false)).toBe('/1250000000/examplebucket/');
  });

  it('encodes f as PHP rawurlencode does, keeping "/"', () => {
    const plainOf = (filepath: string) => Buffer.from(v4Signature({ ...creds, expiration: 0, fileId: v4FileId(APPID, BUCKET, filepath, false) }, T, R), 'base64').subarray(20).toString('utf8');
    expect(plainOf("/x/!'()*~-_.é 中.png")).toMatch(/&f=\/1250000000\/examplebucket\/x\/%21%27%28%29%2A~-_\.%C3%A9%20%E4%B8%AD\.png$/);
  });

  it('is in the interface docs', () => {
    expect(registry['qcloud.cos.auth.reusable']!.returns).toContain(SIGN_REUSABLE);
    expect(registry['qcloud.cos.auth.reusable']!.returns).toContain(SIGN_REUSABLE_NO_FILE);
    expect(registry['qcloud.cos.auth.nonreusable']!.returns).toContain(SIGN_NONREUSABLE);
    for (const name of ['qcloud.cos.auth.reusable', 'qcloud.cos.auth.nonreusable']) expect(registry[name]!.summary).toMatch(/deprecated/i);
  });
});

describe.each(DIALECTS)('qcloud.cos.auth.* on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await startWorld(dialect); });
  afterAll(async () => {
    if (w) expect(w.log.lines.join('\n'), 'a COS SecretKey reached the log').not.toContain(SKEY);
    await w?.close();
  });

  /** Checks the HMAC and returns the plain part's fields. */
  function decode(sign: string): Record<string, string> {
    const raw = Buffer.from(sign, 'base64');
    const plain = raw.subarray(20).toString('utf8');
    expect(raw.subarray(0, 20).equals(createHmac('sha1', SKEY).update(plain).digest())).toBe(true);
    expect(plain).toMatch(/^a=[^&]*&b=[^&]*&k=[^&]*&e=[^&]*&t=[^&]*&r=[^&]*&f=[^&]*$/);
    return Object.fromEntries(plain.split('&').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  }

  const expectFresh = (fields: Record<string, string>) => {
    expect(Math.abs(Number(fields.t) - w.clock.now())).toBeLessThanOrEqual(1);
    expect(fields.r).toMatch(/^\d+$/);
    expect(Number(fields.r)).toBeLessThanOrEqual(2147483647);
  };

  it('qcloud.cos.auth.reusable answers the v4 string with e = expiration, bound to filepath or to nothing', async () => {
    const expiration = w.clock.now() + 3600;
    const env = await w.call('qcloud.cos.auth.reusable', { appid: APPID, sid: SID, skey: SKEY, bucket: BUCKET, expiration, filepath: FILEPATH });
    expectSuccess(env, 'OK');
    expect(typeof env.returnData).toBe('string');
    const fields = decode(env.returnData);
    expect(fields).toMatchObject({ a: APPID, b: BUCKET, k: SID, e: String(expiration), f: F });
    expectFresh(fields);
    expect(JSON.stringify(env)).not.toContain(SKEY);

    for (const para of [{ filepath: null }, { filepath: '' }, {}]) {
      const bare = await w.call('qcloud.cos.auth.reusable', { appid: APPID, sid: SID, skey: SKEY, bucket: BUCKET, expiration, ...para });
      expectSuccess(bare, 'OK');
      expect(decode(bare.returnData)).toMatchObject({ a: APPID, b: BUCKET, k: SID, e: String(expiration), f: '' });
    }
    // Two calls differ by their random r.
    const again = await w.call('qcloud.cos.auth.reusable', { appid: APPID, sid: SID, skey: SKEY, bucket: BUCKET, expiration, filepath: FILEPATH });
    expect(decode(again.returnData).r).not.toBe(fields.r);
  });

  it('qcloud.cos.auth.nonreusable answers the v4 string with e = 0, bound to filepath', async () => {
    const env = await w.call('qcloud.cos.auth.nonreusable', { appid: APPID, sid: SID, skey: SKEY, bucket: BUCKET, filepath: 'dir/a b+(1).jpg' });
    expectSuccess(env, 'OK');
    const fields = decode(env.returnData);
    expect(fields).toMatchObject({ a: APPID, b: BUCKET, k: SID, e: '0', f: F });
    expectFresh(fields);
    w.clock.advance(50);
    expect(decode((await w.call('qcloud.cos.auth.nonreusable', { appid: APPID, sid: SID, skey: SKEY, bucket: BUCKET, filepath: FILEPATH })).returnData).t).toBe(String(w.clock.now()));
  });

  it('refuses bad para with 1003, never echoing the SecretKey', async () => {
    const base = { appid: APPID, sid: SID, skey: SKEY, bucket: BUCKET };
    const cases: [string, Record<string, unknown>, string][] = [
      ['qcloud.cos.auth.reusable', { ...base }, 'para.expiration is required'],
      ['qcloud.cos.auth.reusable', { ...base, expiration: String(E) }, 'para.expiration'],
      ['qcloud.cos.auth.reusable', { ...base, skey: undefined, expiration: E }, 'para.skey is required'],
      ['qcloud.cos.auth.reusable', { ...base, skey: `${SKEY} with space`, expiration: E }, 'para.skey'],
      ['qcloud.cos.auth.reusable', { ...base, bucket: 'a&b=c', expiration: E }, 'para.bucket'],
      ['qcloud.cos.auth.reusable', { ...base, appid: 'wx0123', expiration: E }, 'para.appid'],
      ['qcloud.cos.auth.reusable', { ...base, sid: 'AKID&x=1', expiration: E }, 'para.sid'],
      ['qcloud.cos.auth.nonreusable', { ...base }, 'para.filepath is required'],
      ['qcloud.cos.auth.nonreusable', { ...base, filepath: 'a\nb' }, 'para.filepath'],
      ['qcloud.cos.auth.nonreusable', { ...base, filepath: 'a\ud800b' }, 'para.filepath'],
      ['qcloud.cos.auth.nonreusable', { ...base, filepath: 'x', expiration: E }, 'unknown key "expiration"'],
    ];
    for (const [name, para, detail] of cases) {
      const env = await w.call(name, para);
      expectFailure(env, 1003, 'PARA_ERR', detail);
      expect(JSON.stringify(env)).not.toContain(SKEY);
    }
  });
});
