// The internal-service client against a real gateway and sandbox, with a real caller key, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAgent } from '../../src/services/agents.js';
import { jssdkSignature as sign } from '../../src/services/jssdk.js';
import { createKey } from '../../src/services/keys.js';
import { DIALECTS } from '../../test/helpers/db.js';
import { recordSecret } from '../../test/helpers/logs.js';
import { startWorld, type World } from '../../test/helpers/world.js';
import { createGatewayClient, GatewayError, type GatewayClientOptions } from './index.js';

describe.each(DIALECTS)('the node gateway client on %s', (dialect) => {
  let w: World;
  let key = '';
  let url = '';
  beforeAll(async () => {
    w = await startWorld(dialect);
    url = `${w.base}/mina_auth`;
    ({ key } = await createKey(w.deps.store.db, w.clock.now(), { name: 'svc', scopes: ['qcloud.mimi.*:*', 'qcloud.work.*:*'] }));
    recordSecret(key);
  });
  afterAll(async () => { await w?.close(); });

  const client = (o: Partial<GatewayClientOptions> = {}) => createGatewayClient({ url, key, ...o });
  /** Gateway requests for one interface so far, from the gateway's own log lines. */
  const served = (interfaceName: string) =>
    w.log.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request' && l.interfaceName === interfaceName).length;
  const valid = async (token: string) => (await w.sandboxGet(`/__sandbox/check?access_token=${encodeURIComponent(token)}`)) as { valid: boolean; errcode?: number };
  const seen = (...values: string[]) => { recordSecret(...values); return values[0]!; };

  it('serves a token from its cache: the second call makes no gateway request', async () => {
    const { appid } = await w.addApp();
    const c = client();
    const before = served('qcloud.mimi.access_token');
    const t1 = seen(await c.accessToken(appid));
    expect((await valid(t1)).valid).toBe(true);
    expect(await c.accessToken(appid)).toBe(t1);
    expect(served('qcloud.mimi.access_token') - before).toBe(1);
    // Concurrent misses share one request.
    const fresh = client();
    const all = await Promise.all(Array.from({ length: 5 }, () => fresh.accessToken(appid)));
    expect(new Set(all)).toEqual(new Set([t1]));
    expect(served('qcloud.mimi.access_token') - before).toBe(2);
    // cacheMs 0: every call asks.
    const nocache = client({ cacheMs: 0 });
    await nocache.accessToken(appid);
    await nocache.accessToken(appid);
    expect(served('qcloud.mimi.access_token') - before).toBe(4);
  });

  it('never serves a cached token past exp − 60 s, however long cacheMs is', async () => {
    const { appid } = await w.addApp();
    let t = Date.now();
    const c = client({ cacheMs: 24 * 3600_000, now: () => t });
    const before = served('qcloud.mimi.access_token');
    seen(await c.accessToken(appid));
    const { exp } = await c.call<{ exp: number; access_token: string }>('qcloud.mimi.access_token', { appid });
    const asked = served('qcloud.mimi.access_token');
    t = (exp - 61) * 1000;
    await c.accessToken(appid);
    expect(served('qcloud.mimi.access_token')).toBe(asked);
    t = (exp - 60) * 1000;
    await c.accessToken(appid);
    expect(served('qcloud.mimi.access_token')).toBe(asked + 1);
    expect(asked - before).toBe(2);
  });

  it('withAccessToken: on 40001 from fn reports invalid_token and retries once with the new token', async () => {
    const { appid, secret } = await w.addApp();
    const c = client();
    const t0 = seen(await c.accessToken(appid));
    // The token dies behind the gateway's back (someone force-refreshed it at WeChat).
    const forced = await w.sandboxPost('/cgi-bin/stable_token', { grant_type: 'client_credential', appid, secret, force_refresh: true });
    seen(forced.access_token);
    expect(await valid(t0)).toEqual({ valid: false, errcode: 40001 });
    // The gateway does not fetch again a token it fetched less than 30 s ago.
    w.clock.advance(31);

    const tried: string[] = [];
    // fn stands for a WeChat API call: it answers WeChat's body, {errcode: 40001} for a dead token.
    const out = await c.withAccessToken(appid, async (token) => {
      tried.push(token);
      const check = await valid(token);
      return check.valid ? { errcode: 0, ok: token } : { errcode: check.errcode };
    });
    expect(tried).toHaveLength(2);
    expect(tried[0]).toBe(t0);
    expect(tried[1]).toBe(forced.access_token);
    expect(out).toEqual({ errcode: 0, ok: forced.access_token });
    // The report was one more gateway fetch in normal mode (no force spent): initial, ours, the report's.
    expect((await w.stats()).calls['/cgi-bin/stable_token']?.[appid]).toBe(3);
    // The replacement is cached: the next caller gets it without asking.
    const before = served('qcloud.mimi.access_token');
    expect(await c.accessToken(appid)).toBe(forced.access_token);
    expect(served('qcloud.mimi.access_token')).toBe(before);
  });

  it('withAccessToken: a thrown errcode counts too; other errors pass through; the second outcome is final', async () => {
    const { appid } = await w.addApp();
    const c = client();
    let calls = 0;
    await expect(c.withAccessToken(appid, () => { calls++; throw Object.assign(new Error('wechat'), { errcode: 42001 }); }))
      .rejects.toMatchObject({ errcode: 42001 });
    expect(calls).toBe(2);
    calls = 0;
    await expect(c.withAccessToken(appid, () => { calls++; throw Object.assign(new Error('other'), { errcode: 45009 }); }))
      .rejects.toThrow('other');
    expect(calls).toBe(1);
    calls = 0;
    expect(await c.withAccessToken(appid, (token) => { calls++; seen(token); return { errcode: 40014 }; })).toEqual({ errcode: 40014 });
    expect(calls).toBe(2);
  });

  it('jsapi tickets (cached) and page signatures', async () => {
    const { appid } = await w.addApp({ type: 'official_account' });
    const c = client();
    const before = served('qcloud.mimi.jsapi_ticket');
    const ticket = seen(await c.jsapiTicket(appid));
    expect(await c.jsapiTicket(appid)).toBe(ticket);
    expect(served('qcloud.mimi.jsapi_ticket') - before).toBe(1);
    const sig = await c.jssdkSignature(appid, 'https://example.com/p?q=1#x');
    expect(Object.keys(sig)).toEqual(['appId', 'timestamp', 'nonceStr', 'signature']);
    expect(sig.signature).toBe(sign(ticket, sig.nonceStr, sig.timestamp, 'https://example.com/p?q=1'));
  });

  it('WeCom: agent token, corp and agent tickets, signatures, withAccessToken', async () => {
    const corpid = 'ww' + Math.random().toString(16).slice(2, 14);
    const agentid = '1000002';
    const secret = seen('agent-secret-' + corpid);
    await w.sandboxPost('/__sandbox/corps', { corpid, agentid, secret });
    await putAgent(w.deps.store.db, w.deps.box, w.clock.now(), { corpid, agentid, secret });
    const c = client();
    const token = seen(await c.work.accessToken(corpid, agentid));
    expect(await c.work.accessToken(corpid, agentid)).toBe(token);
    const corp = seen(await c.work.ticket(corpid, agentid));
    const agent = seen(await c.work.agentTicket(corpid, agentid));
    expect(agent).not.toBe(corp);
    for (const [type, ticket] of [['corp', corp], ['agent', agent]] as const) {
      const sig = await c.work.jssdkSignature(corpid, agentid, 'https://example.com/x', type);
      expect(sig).toMatchObject({ corpid, agentid });
      expect(sig.signature).toBe(sign(ticket, sig.nonceStr, sig.timestamp, 'https://example.com/x'));
    }
    expect(await c.work.withAccessToken(corpid, agentid, async (t) => ((await valid(t)).valid ? 'ok' : 'dead'))).toBe('ok');
  });

  it('checks sessions with auth(id, skey, appid?)', async () => {
    const { appid } = await w.addApp();
    const s = await w.login(appid);
    const c = client();
    expect(await c.auth(s.id, s.skey)).toMatchObject({ id: s.id, appid, openid: s.openid, unionid: null, user_info: null });
    expect((await c.auth(s.id, s.skey, appid)).openid).toBe(s.openid);
    const err = await c.auth(s.id, 'f'.repeat(32)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: 60012, returnCode: 60012, returnMessage: 'AUTH_FAIL' });
    const { appid: other } = await w.addApp();
    await expect(c.auth(s.id, s.skey, other)).rejects.toMatchObject({ code: 60012 });
  });

  it('throws 2001 / 2002 as typed errors with detail and requestId, and -1 for a non-gateway answer', async () => {
    const { appid } = await w.addApp();
    const bad = await client({ key: 'mak_0123456789abcdef_' + 'x'.repeat(43) }).accessToken(appid).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(GatewayError);
    expect(bad).toMatchObject({ code: 2001, returnMessage: 'CALLER_UNAUTHENTICATED', detail: expect.any(String), requestId: expect.any(String) });
    const { key: narrow } = await createKey(w.deps.store.db, w.clock.now(), { name: 'narrow', scopes: ['qcloud.mimi.access_token:wx0000000000000000'] });
    recordSecret(narrow);
    const forbidden = await client({ key: narrow }).accessToken(appid).catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ name: 'GatewayError', code: 2002, returnMessage: 'CALLER_FORBIDDEN' });
    expect((forbidden as GatewayError).message).toMatch(/^2002 CALLER_FORBIDDEN: /);
    await expect(client({ url: `${w.base}/not-the-gateway` }).accessToken(appid)).rejects.toMatchObject({ code: -1, returnMessage: 'BAD_RESPONSE', status: 404 });
  });
});
