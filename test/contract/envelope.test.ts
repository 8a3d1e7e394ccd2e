// The envelope and the validation order of PROTOCOL §2, the HTTP rules of §1, on both store dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/dispatch/codes.js';
import { DIALECTS } from '../helpers/db.js';
import { startWorld, type World } from '../helpers/world.js';

const body = (v: unknown) => JSON.stringify(v);
const iface = (interfaceName: unknown, para?: unknown) => body({ version: 1, componentName: 'MA', interface: { interfaceName, para } });

describe.each(DIALECTS)('the envelope on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await startWorld(dialect); });
  afterAll(async () => { await w?.close(); });

  const post = async (text: string | Buffer, path = '/mina_auth') => {
    const r = await w.request(path, { body: text });
    expect(r.status).toBe(200);
    return r.json;
  };

  it('answers errors with the exact key order, "" returnData, requestId and detail', async () => {
    const r = await w.request('/mina_auth', { body: 'not json' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(r.json)).toEqual(['returnCode', 'returnMessage', 'returnData', 'version', 'componentName', 'requestId', 'detail']);
    expect(r.json).toMatchObject({ returnCode: 1009, returnMessage: 'REQUEST_IS_NOT_JSON', returnData: '', version: 1, componentName: 'MA' });
    expect(r.json.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.detail).toEqual(expect.any(String));
  });

  it.each([
    ['an empty body', '', 1009],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), 1009],
    ['a JSON array', '[]', 1009],
    ['a JSON string', '"x"', 1009],
    ['no interface', body({ version: 1 }), 1002],
    ['interface not an object', body({ interface: 'qcloud.cam.auth' }), 1002],
    ['interfaceName null', iface(null, {}), 1002],
    ['interfaceName not a string', iface(42, {}), 1002],
    ['no para', iface('qcloud.cam.auth'), 1011],
    ['para null', body({ interface: { interfaceName: 'qcloud.cam.auth', para: null } }), 1011],
    ['an unknown interface', iface('qcloud.cam.nope', {}), 1010],
    ['a prototype key as interface', iface('constructor', {}), 1010],
    ['para not an object', iface('qcloud.cam.auth', 'x'), 1003],
    ['para an array', iface('qcloud.cam.auth', []), 1003],
  ])('%s → %i', async (_what, text, code) => {
    expect((await post(text)).returnCode).toBe(code);
  });

  it('checks interfaceName before para, and para before the name', async () => {
    expect((await post(body({ interface: {} }))).returnCode).toBe(1002);
    expect((await post(body({ interface: { interfaceName: 'qcloud.cam.nope' } }))).returnCode).toBe(1011);
  });

  it('refuses unknown para keys by name, wrong types and missing keys', async () => {
    const unknown = await w.call('qcloud.cam.auth', { id: 'a', skey: 'b', extra: 1 });
    expect(unknown).toMatchObject({ returnCode: 1003, returnMessage: 'PARA_ERR', returnData: '' });
    expect(unknown.detail).toContain('"extra"');
    const wrongType = await w.call('qcloud.cam.auth', { id: 12, skey: 'b' });
    expect(wrongType.returnCode).toBe(1003);
    expect(wrongType.detail).toContain('para.id');
    const missing = await w.call('qcloud.cam.auth', { id: 'a' });
    expect(missing.detail).toBe('para.skey is required');
  });

  it('treats a null value as a missing key', async () => {
    expect((await w.call('qcloud.cam.auth', { id: 'a', skey: null })).detail).toBe('para.skey is required');
    // An optional key that is null is simply absent: this reaches the session check.
    expect((await w.call('qcloud.cam.auth', { id: 'a', skey: 'b', appid: null })).returnCode).toBe(60012);
  });

  it('never coerces types', async () => {
    expect((await w.call('qcloud.cam.id_skey', { code: 12345 })).returnCode).toBe(1003);
    expect((await w.call('qcloud.cam.id_skey', { code: ['x'] })).returnCode).toBe(1003);
  });

  it('ignores version and componentName', async () => {
    expect((await post(body({ version: 'x', componentName: 7, interface: { interfaceName: 'qcloud.cam.auth', para: { id: 'a', skey: 'b' } } }))).returnCode).toBe(60012);
  });

  it('answers qcloud.cam.initdata with 2006, whatever its para', async () => {
    const r = await w.call('qcloud.cam.initdata', { appid: 'wx1', secret: 's', cdb_ip: '1.2.3.4' });
    expect(r).toMatchObject({ returnCode: 2006, returnMessage: 'NOT_SUPPORTED', returnData: '' });
  });

  it('answers another method with 405 and 2008', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const r = await w.request('/mina_auth', { method });
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toBe('POST');
      expect(r.json).toMatchObject({ returnCode: 2008, returnMessage: 'METHOD_NOT_ALLOWED', returnData: '' });
    }
  });

  it('answers a body over 64 KiB with 413 and 2007, and one at the limit normally', async () => {
    const big = iface('qcloud.cam.auth', { id: 'a', skey: 'b', pad: 'x'.repeat(70_000) });
    const r = await w.request('/mina_auth', { body: big });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ returnCode: 2007, returnMessage: 'PAYLOAD_TOO_LARGE' });
    const head = iface('qcloud.cam.auth', { id: 'a', skey: 'b', pad: '' });
    const exact = head.replace('"pad":""', `"pad":"${'x'.repeat(64 * 1024 - head.length)}"`);
    expect(Buffer.byteLength(exact)).toBe(64 * 1024);
    expect((await post(exact)).returnCode).toBe(1003);
  });

  it('serves /mina_auth/ and /mina_auth/<appid> (1003 for a malformed appid), and 404 elsewhere', async () => {
    const para = iface('qcloud.cam.auth', { id: 'a', skey: 'b' });
    expect((await post(para, '/mina_auth/')).returnCode).toBe(60012);
    expect((await post(para, '/mina_auth?x=1')).returnCode).toBe(60012);
    const { appid } = await w.addApp();
    expect((await post(para, `/mina_auth/${appid}`)).returnCode).toBe(60012);
    expect((await post(para, `/mina_auth/${appid}/`)).returnCode).toBe(60012);
    expect((await w.request('/other', { body: para })).status).toBe(404);
    expect((await w.request('/mina_auth/a/b', { body: para })).status).toBe(404);
    expect((await post(para, "/mina_auth/wx'or'1")).returnCode).toBe(1003);
    expect((await w.request("/mina_auth/wx'or'1", { method: 'GET' })).status).toBe(405);
  });

  it('answers 1010 for an interface whose class the deployment disabled', async () => {
    const off = await startWorld(dialect, { env: { DISABLED_CLASSES: 'session,admin' } });
    try {
      const r = await off.call('qcloud.cam.auth', { id: 'a', skey: 'b' });
      expect(r).toMatchObject({ returnCode: 1010, returnMessage: 'INTERFACENAME_PARA_ERR' });
      expect((await off.call('qcloud.cam.id_skey', { code: 'x' })).returnCode).toBe(1012);
    } finally {
      await off.close();
    }
  });

  it('answers GET /healthz with 200 while the store answers', async () => {
    const r = await w.request('/healthz', { method: 'GET' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true });
  });

  it('ignores X-Forwarded-For unless the socket is a trusted proxy', async () => {
    const before = w.log.lines.length;
    await w.request('/mina_auth', { body: 'x', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(JSON.parse(w.log.lines[before]!).ip).toBe('127.0.0.1');
  });

  it('logs one JSON line per request with the documented fields and no para', async () => {
    const before = w.log.lines.length;
    const r = await w.call('qcloud.cam.auth', { id: 'some-id', skey: 'some-skey-value' });
    const lines = w.log.lines.slice(before).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', requestId: r.requestId, interfaceName: 'qcloud.cam.auth', returnCode: 60012, status: 200, ip: '127.0.0.1' });
    expect(lines[0].ms).toEqual(expect.any(Number));
    expect(w.log.lines.slice(before).join('\n')).not.toContain('some-skey-value');
  });
});

describe.each(DIALECTS)('the client IP of serve on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await startWorld(dialect, { env: { TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8' } }); });
  afterAll(async () => { await w?.close(); });

  const loggedIp = async (xff?: string) => {
    const before = w.log.lines.length;
    await w.request('/mina_auth', { body: 'x', headers: xff ? { 'x-forwarded-for': xff } : {} });
    return JSON.parse(w.log.lines[before]!).ip;
  };

  it('is the socket, or the first untrusted X-Forwarded-For hop behind trusted proxies', async () => {
    expect(await loggedIp()).toBe('127.0.0.1');
    expect(await loggedIp('203.0.113.9')).toBe('203.0.113.9');
    // A client cannot pose as someone else by prepending hops: the rightmost untrusted hop wins.
    expect(await loggedIp('198.51.100.1, 203.0.113.9, 10.1.2.3')).toBe('203.0.113.9');
  });
});

describe('GatewayError', () => {
  it('is an answer made without a stack trace, and leaves stack traces to bugs', () => {
    const limit = Error.stackTraceLimit;
    const err = new GatewayError(2006, 'qcloud.cam.initdata is not supported');
    expect(err.message).toBe('2006 NOT_SUPPORTED: qcloud.cam.initdata is not supported');
    expect(err.stack).not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('a bug').stack).toMatch(/\n\s+at /);
  });
});
