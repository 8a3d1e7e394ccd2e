// The mini program client with a fake `wx` (wx.login mints real codes at the sandbox, wx.request is a real
// HTTP request, storage an in-memory map) against a real gateway, sandbox, and a business server that runs
// the node middleware.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../src/http/server.js';
import { createKey } from '../../src/services/keys.js';
import { DIALECTS } from '../../test/helpers/db.js';
import { recordSecret } from '../../test/helpers/logs.js';
import { startWorld, type World } from '../../test/helpers/world.js';
import { callGateway, GatewayError as NodeGatewayError } from '../node/index.js';
import { minaAuth, type ExpressLikeRequest } from '../node/middleware.js';
import { ClientError, createClient, GatewayError, WX_SESSION_MAGIC_ID as MAGIC, type Session, type Wx, type WxRequestOptions } from './index.js';

/** One phone with one WeChat user: wx.login always answers a code for the same openid. */
function fakeWx(w: World, appid: string, o: { badCode?: boolean } = {}) {
  const storage = new Map<string, unknown>();
  const counts = { login: 0, request: 0 };
  let openid: string | undefined;
  const wx: Wx = {
    login({ success, fail }) {
      counts.login++;
      if (o.badCode) { setTimeout(() => success?.({ code: 'not-a-real-code', errMsg: 'login:ok' })); return; }
      w.wxLogin(appid, openid ? { openid } : {}).then((r) => {
        openid = r.openid;
        success?.({ code: r.code, errMsg: 'login:ok' });
      }, (e: Error) => fail?.({ errMsg: `login:fail ${e.message}` }));
    },
    request(r: WxRequestOptions) {
      counts.request++;
      const method = r.method ?? 'GET';
      const body = r.data === undefined || method === 'GET' ? undefined : typeof r.data === 'string' ? r.data : JSON.stringify(r.data);
      fetch(r.url, { method, headers: r.header, body }).then(async (res) => {
        const text = await res.text();
        let data: unknown = text;
        if ((r.dataType ?? 'json') === 'json') { try { data = JSON.parse(text); } catch { /* wx leaves it a string */ } }
        recordSecret((data as { returnData?: { skey?: string } } | null)?.returnData?.skey);
        r.success?.({ data, statusCode: res.status, header: Object.fromEntries(res.headers), errMsg: 'request:ok' });
      }, (e: Error) => r.fail?.({ errMsg: `request:fail ${e.message}` }));
    },
    // wx answers '' for a missing key; values are copied like the real storage (JSON).
    getStorageSync: (k) => (storage.has(k) ? JSON.parse(storage.get(k) as string) : ''),
    setStorageSync: (k, v) => { storage.set(k, JSON.stringify(v)); },
    removeStorageSync: (k) => { storage.delete(k); },
    getAccountInfoSync: () => ({ miniProgram: { appId: appid } }),
  };
  return { wx, storage, counts };
}

describe.each(DIALECTS)('the mini program client on %s', (dialect) => {
  let w: World;
  let appid = '';
  let gateway = '';
  let admin = '';
  let server: Server;
  let biz = '';
  beforeAll(async () => {
    w = await startWorld(dialect);
    ({ appid } = await w.addApp());
    gateway = `${w.base}/mina_auth`;
    ({ key: admin } = await createKey(w.deps.store.db, w.clock.now(), { name: 'admin', scopes: ['admin'] }));
    recordSecret(admin);
    // The business server: /me behind the middleware (Wafer-style errors); /strict answers 401 on a bad
    // session; /always-invalid refuses every session; /broken's middleware points at no gateway.
    const me = minaAuth({ gateway, appid });
    const broken = minaAuth({ gateway: 'http://127.0.0.1:1/mina_auth' });
    const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(body));
    };
    server = createServer((req, res) => {
      const answer = () => json(res, 200, { openid: (req as ExpressLikeRequest).mina?.openid });
      if (req.url === '/me') return me(req, res, answer);
      if (req.url === '/broken') return broken(req, res, answer);
      if (req.url === '/always-invalid') return json(res, 200, { [MAGIC]: 1, error: 'ERR_INVALID_SESSION', message: 'no' });
      if (req.url === '/strict') {
        const id = String(req.headers['x-wx-id']);
        const skey = String(req.headers['x-wx-skey']);
        callGateway<{ openid: string }>(`${gateway}/${appid}`, 'qcloud.cam.auth', { id, skey }).then(
          (s) => json(res, 200, { openid: s.openid }),
          (err) => json(res, err instanceof NodeGatewayError && err.code === 60012 ? 401 : 500, {}));
        return;
      }
      json(res, 404, {});
    });
    biz = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await w?.close();
  });

  const setup = (o: { badCode?: boolean; appid?: string } = {}) => {
    const fake = fakeWx(w, appid, o);
    return { ...fake, client: createClient({ gateway, wx: fake.wx, ...(o.appid ? { appid: o.appid } : {}) }) };
  };
  const revoke = async (openid: string) => {
    const env = await w.callWithKey(admin, 'mina.admin.session.revoke', { appid, openid });
    expect(env.returnCode).toBe(0);
  };
  const auth = (s: Session) => w.call('qcloud.cam.auth', { id: s.id, skey: s.skey });

  it('login(): wx.login → qcloud.cam.id_skey, the session kept in storage', async () => {
    const { client, counts, storage } = setup();
    expect(client.session()).toBeNull();
    const s = await client.login();
    expect(Object.keys(s)).toEqual(['id', 'skey', 'openid', 'unionid', 'expires_at', 'user_info']);
    expect(s).toMatchObject({ openid: expect.stringMatching(/./), unionid: null, user_info: null, expires_at: expect.any(Number) });
    expect(client.session()).toEqual(s);
    expect([...storage.keys()]).toEqual(['mina_auth_session']);
    expect(counts.login).toBe(1);
    expect((await auth(s)).returnData.openid).toBe(s.openid);
  });

  it('request(): 10 parallel calls with no session → one wx.login, every call answered as the user', async () => {
    const { client, counts } = setup();
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.request<{ openid: string }>({ url: biz + '/me' })));
    expect(counts.login).toBe(1);
    const { openid } = client.session()!;
    for (const a of answers) expect(a).toMatchObject({ statusCode: 200, data: { openid } });
    expect(counts.request).toBe(11); // one id_skey + ten business calls
  });

  it('request(): a revoked session → one re-login and one retry, also for many requests at once', async () => {
    const { client, counts } = setup();
    const first = await client.login();
    await revoke(first.openid);
    const one = await client.request<{ openid: string }>({ url: biz + '/me' });
    expect(one.data).toEqual({ openid: first.openid });
    expect(counts.login).toBe(2);
    const second = client.session()!;
    expect(second.id).not.toBe(first.id);
    expect((await auth(first)).returnCode).toBe(60012);

    await revoke(first.openid);
    const many = await Promise.all(Array.from({ length: 10 }, () => client.request<{ openid: string }>({ url: biz + '/me' })));
    for (const a of many) expect(a.data).toEqual({ openid: first.openid });
    expect(counts.login).toBe(3);
  });

  it('request(): an expired session (login_duration passed) → re-login and retry', async () => {
    const { client, counts } = setup();
    const first = await client.login();
    w.clock.advance(31 * 86400);
    expect((await client.request<{ openid: string }>({ url: biz + '/me' })).data).toEqual({ openid: first.openid });
    expect(counts.login).toBe(2);
    expect(client.session()!.expires_at).toBeGreaterThan(first.expires_at);
  });

  it('request(): HTTP 401 also means log in again; a session still refused after that is ERR_INVALID_SESSION', async () => {
    const { client, counts } = setup();
    const first = await client.login();
    expect((await client.request({ url: biz + '/strict' })).data).toEqual({ openid: first.openid });
    await w.call('qcloud.cam.logout', { id: first.id, skey: first.skey });
    expect((await client.request({ url: biz + '/strict' })).data).toEqual({ openid: first.openid });
    expect(counts.login).toBe(2);

    const err = await client.request({ url: biz + '/always-invalid' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toMatchObject({ type: 'ERR_INVALID_SESSION' });
    expect(counts.login).toBe(3);
    expect(client.session()).toBeNull();
  });

  it('request(): ERR_CHECK_LOGIN_FAILED is an error, and the session is kept (the check failed, not the session)', async () => {
    const { client, counts } = setup();
    const s = await client.login();
    await expect(client.request({ url: biz + '/broken' })).rejects.toMatchObject({ name: 'ClientError', type: 'ERR_CHECK_LOGIN_FAILED' });
    expect(client.session()).toEqual(s);
    expect(counts.login).toBe(1);
    // Other answers pass through untouched, whatever their status; headers are merged.
    expect((await client.request({ url: biz + '/nope', header: { 'x-extra': '1' } })).statusCode).toBe(404);
    await expect(client.request({ url: 'http://127.0.0.1:1/' })).rejects.toMatchObject({ type: 'ERR_NETWORK' });
  });

  it('call(): a session interface at the gateway, logging in again on 60012', async () => {
    const { client, counts } = setup();
    const s = await client.login();
    expect(await client.call('qcloud.cam.auth')).toMatchObject({ id: s.id, openid: s.openid, appid });
    await revoke(s.openid);
    expect(await client.call('qcloud.cam.auth')).toMatchObject({ openid: s.openid });
    expect(counts.login).toBe(2);
    const err = await client.call('qcloud.cam.decrypt', { encrypt_data: 'AAAA', iv: 'AAAA' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ returnCode: 1003, code: 1003, returnMessage: 'PARA_ERR', detail: expect.any(String), requestId: expect.any(String) });
  });

  it('logout(): ends the session at the gateway and clears storage; twice is fine', async () => {
    const { client, storage } = setup();
    const s = await client.login();
    await client.logout();
    expect(storage.size).toBe(0);
    expect(client.session()).toBeNull();
    expect((await auth(s)).returnCode).toBe(60012);
    await client.logout();
    // A session that died elsewhere: logout still succeeds locally.
    const again = await client.login();
    await w.call('qcloud.cam.logout', { id: again.id, skey: again.skey });
    await expect(client.logout()).resolves.toBeUndefined();
  });

  it('typed login errors: a bad code is GatewayError 40029, an unknown appid 1012, a bad gateway URL ERR_BAD_RESPONSE', async () => {
    const bad = await setup({ badCode: true }).client.login().catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(GatewayError);
    expect(bad).toMatchObject({ returnCode: 40029, returnMessage: 'WEIXIN_CODE_ERR' });
    await expect(setup({ appid: 'wx0000000000000000' }).client.login()).rejects.toMatchObject({ returnCode: 1012, returnMessage: 'NO_APPID' });
    const fake = fakeWx(w, appid);
    await expect(createClient({ gateway: `${w.base}/elsewhere`, wx: fake.wx }).login()).rejects.toMatchObject({ type: 'ERR_BAD_RESPONSE' });
    // A failed login leaves no session behind and can be retried.
    const { client } = setup({ badCode: true });
    await expect(client.login()).rejects.toThrow(GatewayError);
    expect(client.session()).toBeNull();
  });

  it('without createClient({wx}) it uses the global wx', async () => {
    const fake = fakeWx(w, appid);
    (globalThis as { wx?: Wx }).wx = fake.wx;
    try {
      const client = createClient({ gateway: `${gateway}/${appid}` });
      expect((await client.request<{ openid: string }>({ url: biz + '/me' })).data.openid).toBe(client.session()!.openid);
      expect(fake.counts.login).toBe(1);
    } finally {
      delete (globalThis as { wx?: Wx }).wx;
    }
    expect(() => createClient({ gateway }).session()).toThrow(/no `wx`/);
  });
});
