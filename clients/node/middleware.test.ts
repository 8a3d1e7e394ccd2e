// The Express and Koa middleware, driven with minimal hand-made request objects and a plain node:http server,
// against a real gateway and sandbox.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../src/http/server.js';
import { DIALECTS } from '../../test/helpers/db.js';
import { startWorld, type World } from '../../test/helpers/world.js';
import { minaAuth, minaAuthKoa, WX_SESSION_MAGIC_ID as MAGIC, type ExpressLikeRequest, type KoaLikeContext, type MinaAuthOptions } from './middleware.js';

/** Runs the Express middleware on a fake req/res; resolves with what it did. */
function runExpress(opts: MinaAuthOptions, headers: Record<string, string>, res: { headersSent?: boolean } = {}) {
  const req: ExpressLikeRequest = { headers };
  const out = { next: false, status: 0, headers: {} as Record<string, string>, body: undefined as any, req };
  return new Promise<typeof out>((resolve, reject) => {
    minaAuth(opts)(req, {
      headersSent: res.headersSent,
      set statusCode(s: number) { out.status = s; },
      get statusCode() { return out.status; },
      setHeader: (k, v) => { out.headers[k.toLowerCase()] = v; },
      end: (body) => { out.body = JSON.parse(body); resolve(out); },
    }, (err) => (err ? reject(err) : (out.next = true, resolve(out))));
    if (res.headersSent) setTimeout(() => resolve(out), 300);
  });
}

/** Runs the Koa middleware on a hand-made ctx. */
async function runKoa(opts: MinaAuthOptions, headers: Record<string, string>) {
  const ctx: KoaLikeContext = { headers, state: {}, status: 404, body: undefined };
  let next = false;
  await minaAuthKoa(opts)(ctx, async () => { next = true; ctx.status = 200; ctx.body = { openid: ctx.state.mina?.openid }; });
  return { ctx, next };
}

describe.each(DIALECTS)('the business-server middleware on %s', (dialect) => {
  let w: World;
  let gateway = '';
  let appid = '';
  let server: Server;
  let base = '';
  beforeAll(async () => {
    w = await startWorld(dialect);
    gateway = `${w.base}/mina_auth`;
    ({ appid } = await w.addApp());
    // A plain node:http server with the Express-style middleware in front of one route.
    const mw = minaAuth({ gateway, appid });
    server = createServer((req, res) => mw(req, res, (err) => {
      if (err) { res.statusCode = 500; res.end(); return; }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ openid: (req as ExpressLikeRequest).mina?.openid }));
    }));
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await w?.close();
  });

  const sessionHeaders = (s: { id: string; skey: string }) => ({ 'x-wx-id': s.id, 'x-wx-skey': s.skey });

  it('Express: puts the checked user on req.mina and calls next()', async () => {
    const { code, openid } = await w.wxLogin(appid);
    const { encrypt_data, iv } = await w.encrypt(appid, openid, { nickName: 'Mina', openId: openid });
    const login = await w.call('qcloud.cam.id_skey', { appid, code, encrypt_data, iv });
    const s = login.returnData;
    for (const opts of [{ gateway }, { gateway, appid }, { gateway: gateway + '/', appid }]) {
      const out = await runExpress(opts, sessionHeaders(s));
      expect(out.next).toBe(true);
      expect(out.req.mina).toEqual({ openid, unionid: null, appid, user_info: expect.objectContaining({ nickName: 'Mina' }), expires_at: expect.any(Number) });
      expect(Object.keys(out.req.mina!)).toEqual(['openid', 'unionid', 'appid', 'user_info', 'expires_at']);
    }
  });

  it('Express: a bad or missing session answers HTTP 200 with the Wafer ERR_INVALID_SESSION body', async () => {
    const s = await w.login(appid);
    const bad = await runExpress({ gateway }, sessionHeaders({ id: s.id, skey: 'f'.repeat(32) }));
    expect(bad.next).toBe(false);
    expect(bad.status).toBe(200);
    expect(bad.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(bad.body)).toEqual([MAGIC, 'error', 'message']);
    expect(bad.body).toMatchObject({ [MAGIC]: 1, error: 'ERR_INVALID_SESSION', message: expect.stringContaining('60012') });
    for (const headers of [{}, { 'x-wx-id': s.id }, { 'x-wx-skey': s.skey }] as Record<string, string>[]) {
      const missing = await runExpress({ gateway }, headers);
      expect(missing.body).toMatchObject({ [MAGIC]: 1, error: 'ERR_INVALID_SESSION', message: expect.stringMatching(/X-WX-(Id|Skey)/) });
    }
    // Bound to an app, a session of another app is refused too.
    const { appid: other } = await w.addApp();
    expect((await runExpress({ gateway, appid: other }, sessionHeaders(s))).body.error).toBe('ERR_INVALID_SESSION');
  });

  it('Express: other gateway failures answer ERR_CHECK_LOGIN_FAILED; nothing is written once headers are sent', async () => {
    const s = await w.login(appid);
    const unknownApp = await runExpress({ gateway, appid: 'wx0000000000000000' }, sessionHeaders(s));
    expect(unknownApp.body).toMatchObject({ [MAGIC]: 1, error: 'ERR_CHECK_LOGIN_FAILED', message: expect.stringContaining('1012') });
    const notGateway = await runExpress({ gateway: `${w.base}/elsewhere` }, sessionHeaders(s));
    expect(notGateway.body.error).toBe('ERR_CHECK_LOGIN_FAILED');
    const down = await runExpress({ gateway: 'http://127.0.0.1:1/mina_auth' }, sessionHeaders(s));
    expect(down.body).toMatchObject({ [MAGIC]: 1, error: 'ERR_CHECK_LOGIN_FAILED', message: expect.stringContaining('could not be reached') });
    const sent = await runExpress({ gateway }, {}, { headersSent: true });
    expect(sent.body).toBeUndefined();
    expect(sent.next).toBe(false);
  });

  it('Koa: ctx.state.mina on success; the Wafer body on failure, without calling next', async () => {
    const s = await w.login(appid);
    const ok = await runKoa({ gateway, appid }, sessionHeaders(s));
    expect(ok.next).toBe(true);
    expect(ok.ctx.state.mina).toEqual({ openid: s.openid, unionid: null, appid, user_info: null, expires_at: expect.any(Number) });
    expect(ok.ctx.body).toEqual({ openid: s.openid });
    const bad = await runKoa({ gateway, appid }, sessionHeaders({ id: s.id, skey: 'f'.repeat(32) }));
    expect(bad.next).toBe(false);
    expect(bad.ctx.status).toBe(200);
    expect(bad.ctx.body).toMatchObject({ [MAGIC]: 1, error: 'ERR_INVALID_SESSION' });
    expect((await runKoa({ gateway }, {})).ctx.body).toMatchObject({ error: 'ERR_INVALID_SESSION' });
    expect((await runKoa({ gateway: 'http://127.0.0.1:1/mina_auth' }, sessionHeaders(s))).ctx.body).toMatchObject({ error: 'ERR_CHECK_LOGIN_FAILED' });
  });

  it('node:http: a real request with X-WX-Id / X-WX-Skey reaches the route as its user', async () => {
    const s = await w.login(appid);
    const get = async (headers: Record<string, string>) => {
      const res = await fetch(base + '/me', { headers });
      return { status: res.status, type: res.headers.get('content-type'), body: await res.json() as any };
    };
    expect(await get({ 'X-WX-Id': s.id, 'X-WX-Skey': s.skey })).toMatchObject({ status: 200, body: { openid: s.openid } });
    await w.call('qcloud.cam.logout', { id: s.id, skey: s.skey });
    expect(await get({ 'X-WX-Id': s.id, 'X-WX-Skey': s.skey })).toEqual({
      status: 200, type: 'application/json; charset=utf-8', body: { [MAGIC]: 1, error: 'ERR_INVALID_SESSION', message: expect.stringContaining('60012 - AUTH_FAIL') },
    });
  });
});
