// The central control server (PROTOCOL §5 "Credentials") against the sandbox's real token semantics,
// on both store dialects, with the gateway and the sandbox on one injected clock.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jssdkSignature } from '../../src/services/jssdk.js';
import { DIALECTS } from '../helpers/db.js';
import { expectFailure, type Reply } from '../helpers/expect.js';
import { recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

const VECTORS = JSON.parse(readFileSync(new URL('../fixtures/wechat-vectors.json', import.meta.url), 'utf8'));

describe('the JS-SDK signature', () => {
  it.each(VECTORS.jssdk_signature_official as { jsapi_ticket: string; noncestr: string; timestamp: number; url: string; signature: string }[])(
    'matches the official vector for $url', (v) => {
      expect(jssdkSignature(v.jsapi_ticket, v.noncestr, v.timestamp, v.url)).toBe(v.signature);
      expect(jssdkSignature(v.jsapi_ticket, v.noncestr, v.timestamp, v.url + '#section')).toBe(v.signature);
    });
});

describe.each(DIALECTS)('access tokens and tickets on %s', (dialect) => {
  let w: World;
  let key = '';
  beforeAll(async () => {
    w = await startWorld(dialect, { sharedClock: true });
    ({ key } = await w.callerKey('svc', ['qcloud.*:*']));
  });
  afterAll(async () => { await w?.close(); });

  const token = async (appid: string, extra: Record<string, unknown> = {}): Promise<Reply> => {
    const env = await w.callWithKey(key, 'qcloud.mimi.access_token', { appid, ...extra });
    recordSecret(env.returnData?.access_token);
    return env;
  };
  const calls = async (path: string, owner: string) => (await w.stats()).calls[path]?.[owner] ?? 0;
  const honoured = async (t: string) => (await w.sandboxGet(`/__sandbox/check?access_token=${encodeURIComponent(t)}`)).valid as boolean;
  const app = async (input: Parameters<World['addApp']>[0] = {}, classic = false) => {
    const a = await w.addApp(input);
    if (classic) await w.deps.store.db.updateTable('apps').set({ token_api: 'classic' }).where('appid', '=', a.appid).execute();
    return a.appid;
  };
  const advance = (s: number) => { w.clock.advance(s); w.deps.credentialMemo.cache.clear(); };

  it('fetches a stable token once and serves it to every caller until it is due', async () => {
    const appid = await app();
    const first = await token(appid);
    expect(first).toMatchObject({ returnCode: 0, returnMessage: 'NEW_TOKEN_SUCCESS' });
    expect(Object.keys(first.returnData)).toEqual(['appid', 'access_token', 'exp', 'expires_in']);
    expect(first.returnData).toMatchObject({ appid, exp: w.clock.now() + 7200, expires_in: 7200 });
    advance(60);
    const again = await Promise.all(Array.from({ length: 20 }, () => token(appid)));
    for (const env of again) expect(env).toMatchObject({ returnMessage: 'OLD_TOKEN_SUCCESS', returnData: { access_token: first.returnData.access_token, expires_in: 7140 } });
    expect(await calls('/cgi-bin/stable_token', appid)).toBe(1);
    expect(await honoured(first.returnData.access_token)).toBe(true);
  });

  it('renews a stable token in its last 5 minutes, when WeChat rotates it; the old one stays honoured', async () => {
    const appid = await app();
    const t0 = (await token(appid)).returnData.access_token;
    advance(7200 - 301);
    expect((await token(appid)).returnData.access_token).toBe(t0);
    advance(2);
    const renewed = await token(appid);
    expect(renewed.returnMessage).toBe('NEW_TOKEN_SUCCESS');
    expect(renewed.returnData.access_token).not.toBe(t0);
    expect(await honoured(t0)).toBe(true);
    expect(await calls('/cgi-bin/stable_token', appid)).toBe(2);
  });

  it('does not loop when an early fetch returns the same token', async () => {
    const appid = await app();
    const t0 = (await token(appid)).returnData.access_token;
    // The gateway believes the token is due, but WeChat still has > 5 minutes on it: same token back.
    await w.deps.store.db.updateTable('credentials').set({ refresh_after: 0 }).where('owner', '=', appid).execute();
    w.deps.credentialMemo.cache.clear();
    const same = await token(appid);
    expect(same.returnData.access_token).toBe(t0);
    expect(same.returnMessage).toBe('OLD_TOKEN_SUCCESS');
    for (let i = 0; i < 5; i++) { advance(10); await token(appid); }
    expect(await calls('/cgi-bin/stable_token', appid)).toBe(2);
  });

  it('refreshes on an invalid_token report only if it is the current token, never with a force', async () => {
    const appid = await app();
    const t0 = (await token(appid)).returnData.access_token;
    advance(60);
    // A bogus report: WeChat still honours t0, so a normal-mode fetch returns it and nothing changes.
    const reports = await Promise.all(Array.from({ length: 100 }, () => token(appid, { invalid_token: t0 })));
    for (const env of reports) expect(env.returnData.access_token).toBe(t0);
    expect(await calls('/cgi-bin/stable_token', appid)).toBe(2);
    expect(await honoured(t0)).toBe(true); // no force_refresh was spent
    // A stale report (not the current token) causes no fetch.
    advance(60);
    expect((await token(appid, { invalid_token: 'some-older-token' })).returnData.access_token).toBe(t0);
    expect(await calls('/cgi-bin/stable_token', appid)).toBe(2);
  });

  it('forces at most once per 30 s and within the daily budget, else answers the current token with a detail', async () => {
    const appid = await app();
    const t0 = (await token(appid)).returnData.access_token;
    const forced = await token(appid, { force: true });
    expect(forced.returnMessage).toBe('NEW_TOKEN_SUCCESS');
    expect(forced.returnData.access_token).not.toBe(t0);
    expect(await honoured(t0)).toBe(false);
    const tooSoon = await token(appid, { force: true });
    expect(tooSoon).toMatchObject({ returnCode: 0, returnMessage: 'OLD_TOKEN_SUCCESS', returnData: { access_token: forced.returnData.access_token } });
    expect(tooSoon.detail).toMatch(/force refused.*30 s/);
    for (let i = 0; i < 9; i++) { advance(31); expect((await token(appid, { force: true })).returnMessage).toBe('NEW_TOKEN_SUCCESS'); }
    advance(31);
    const spent = await token(appid, { force: true });
    expect(spent.returnMessage).toBe('OLD_TOKEN_SUCCESS');
    expect(spent.detail).toMatch(/budget of 10/);
    expect(await calls('/cgi-bin/stable_token', appid)).toBe(11);
    const row = await w.deps.store.db.selectFrom('credentials').selectAll().where('owner', '=', appid).where('kind', '=', 'mp_token').executeTakeFirstOrThrow();
    expect({ fetches: row.day_fetches, forces: row.day_forces }).toEqual({ fetches: 11, forces: 10 });
    // No current token and no force left: 2003.
    await w.deps.store.db.updateTable('credentials').set({ expires_at: 0 }).where('owner', '=', appid).execute();
    w.deps.credentialMemo.cache.clear();
    expectFailure(await token(appid, { force: true }), 2003, 'RATE_LIMITED');
    expect((await w.callWithKey(key, 'qcloud.mimi.access_token', { appid, force: 'true' })).returnCode).toBe(1003);
  });

  it('classic tokens: renewed 10 minutes ahead; exp is the real end, 5 minutes after the next fetch', async () => {
    const appid = await app({}, true);
    const start = w.clock.now();
    const first = await token(appid);
    expect(first.returnData.exp).toBe(start + 7200 - 600 + 300);
    advance(7200 - 600);
    const next = await token(appid);
    expect(next.returnMessage).toBe('NEW_TOKEN_SUCCESS');
    expect(await calls('/cgi-bin/token', appid)).toBe(2);
    expect(await honoured(first.returnData.access_token)).toBe(true);
    advance(299);
    expect(await honoured(first.returnData.access_token)).toBe(true);
    advance(2);
    expect(w.clock.now()).toBeGreaterThan(first.returnData.exp);
    expect(await honoured(first.returnData.access_token)).toBe(false);
    // A classic report of the current token: one new fetch.
    advance(60);
    const renewed = await token(appid, { invalid_token: next.returnData.access_token });
    expect(renewed.returnData.access_token).not.toBe(next.returnData.access_token);
    expect(await calls('/cgi-bin/token', appid)).toBe(3);
  });

  it('takes over the lease of a holder that died mid-fetch, once it runs out', async () => {
    const appid = await app();
    await token(appid);
    const now = w.clock.now();
    await w.deps.store.db.updateTable('credentials').set({ expires_at: now - 1, lease_until: now + 25, lease_holder: 'dead-process' }).where('owner', '=', appid).execute();
    w.deps.credentialMemo.cache.clear();
    const waiting = token(appid);
    await new Promise((r) => setTimeout(r, 200));
    expect(await calls('/cgi-bin/stable_token', appid)).toBe(1);
    w.clock.advance(26);
    expect((await waiting).returnCode).toBe(0);
    expect(await calls('/cgi-bin/stable_token', appid)).toBe(2);
  });

  it.each<[string, { secret?: string }, { mode: string; errcode?: number; times?: number } | undefined, number, string]>([
    ['a rejected secret', { secret: 'wrong' }, undefined, 40013, 'WEIXIN_CREDENTIAL_ERR'],
    ['the daily quota', {}, { mode: 'errcode', errcode: 45009 }, 2004, 'WEIXIN_RATE_LIMITED'],
    ['system busy three times', {}, { mode: 'errcode', errcode: -1, times: 3 }, 1005, 'WEIXIN_NET_ERR'],
    ['HTTP 500 three times', {}, { mode: 'http500', times: 3 }, 1005, 'WEIXIN_NET_ERR'],
    ['a garbage body', {}, { mode: 'garbage' }, 1007, 'WEIXIN_RETURN_ERR'],
  ])('maps %s to its code', async (_what, sandboxApp, fault, code, message) => {
    const appid = await app();
    if ('secret' in sandboxApp) await w.sandboxPost('/__sandbox/apps', { appid, secret: sandboxApp.secret });
    if (fault) await w.fault('/cgi-bin/stable_token', fault.mode, { errcode: fault.errcode, times: fault.times });
    expectFailure(await token(appid), code, message);
  });

  it('retries system busy within its bound and succeeds', async () => {
    const appid = await app();
    await w.fault('/cgi-bin/stable_token', 'errcode', { errcode: -1, times: 2 });
    expect((await token(appid)).returnCode).toBe(0);
    expect(await calls('/cgi-bin/stable_token', appid)).toBe(3);
  });

  it('names the egress IP when WeChat refuses it (2005)', async () => {
    const appid = await app();
    await w.sandboxPost('/__sandbox/apps', { appid, secret: await sandboxSecret(appid), ip_whitelist: ['10.9.8.7'] });
    const env = await token(appid);
    expectFailure(env, 2005, 'WEIXIN_IP_NOT_WHITELISTED', '127.0.0.1');
  });

  async function sandboxSecret(appid: string): Promise<string> {
    const row = await w.deps.store.db.selectFrom('apps').selectAll().where('appid', '=', appid).executeTakeFirstOrThrow();
    return w.deps.box.open(row.secret_sealed, `apps.secret:${appid}`);
  }

  it('serves the jsapi ticket once per 7200 s, signs pages with it, and refreshes the token once on a token error', async () => {
    const appid = await app();
    const t1 = await w.callWithKey(key, 'qcloud.mimi.jsapi_ticket', { appid });
    recordSecret(t1.returnData.ticket);
    expect(t1).toMatchObject({ returnCode: 0, returnMessage: 'NEW_TICKET_SUCCESS', returnData: { appid, exp: w.clock.now() + 7200 } });
    expect((await w.callWithKey(key, 'qcloud.mimi.jsapi_ticket', { appid })).returnMessage).toBe('OLD_TICKET_SUCCESS');
    const sig = await w.callWithKey(key, 'qcloud.mimi.jssdk_signature', { appid, url: 'https://example.com/a?b=1#frag' });
    expect(Object.keys(sig.returnData)).toEqual(['appId', 'timestamp', 'nonceStr', 'signature']);
    expect(sig.returnData.signature).toBe(jssdkSignature(t1.returnData.ticket, sig.returnData.nonceStr, sig.returnData.timestamp, 'https://example.com/a?b=1'));
    expect(JSON.stringify(sig)).not.toContain(t1.returnData.ticket);
    expect(await calls('/cgi-bin/ticket/getticket', appid)).toBe(1);

    advance(7200);
    await w.fault('/cgi-bin/ticket/getticket', 'errcode', { errcode: 40001 });
    const t2 = await w.callWithKey(key, 'qcloud.mimi.jsapi_ticket', { appid });
    recordSecret(t2.returnData.ticket);
    expect(t2.returnMessage).toBe('NEW_TICKET_SUCCESS');
    expect(await calls('/cgi-bin/ticket/getticket', appid)).toBe(3);

    advance(7200);
    await w.fault('/cgi-bin/ticket/getticket', 'errcode', { errcode: 40001, times: 2 });
    expectFailure(await w.callWithKey(key, 'qcloud.mimi.jsapi_ticket', { appid }), 40014, 'WEIXIN_ACCESSTOKEN_ERR');
  });

  it('answers the phone number of the session user, and refuses another user\'s code', async () => {
    const appid = await app();
    const s = await w.login(appid);
    const other = await w.login(appid);
    const phone = async (code: string) => w.call('qcloud.cam.phone', { id: s.id, skey: s.skey, code });
    const { code } = await w.sandboxPost('/__sandbox/phone_code', { appid, openid: s.openid, phone: '13800138000' });
    recordSecret(code);
    const ok = await phone(code);
    expect(ok).toMatchObject({ returnCode: 0, returnMessage: 'PHONE_SUCCESS', returnData: { phone_number: '13800138000', pure_phone_number: '13800138000', country_code: '86' } });
    expectFailure(await phone(code), 40029, 'WEIXIN_CODE_ERR');
    const theirs = (await w.sandboxPost('/__sandbox/phone_code', { appid, openid: other.openid, phone: '13900139000' })).code;
    recordSecret(theirs);
    expectFailure(await phone(theirs), 40029, 'WEIXIN_CODE_ERR');
    const otherApp = await app();
    const foreign = (await w.sandboxPost('/__sandbox/phone_code', { appid: otherApp, openid: (await w.login(otherApp)).openid, phone: '13700137000' })).code;
    recordSecret(foreign);
    expectFailure(await phone(foreign), 40029, 'WEIXIN_CODE_ERR');
    // A token error refreshes the token once and retries.
    await w.fault('/wxa/business/getuserphonenumber', 'errcode', { errcode: 42001 });
    const retry = (await w.sandboxPost('/__sandbox/phone_code', { appid, openid: s.openid, phone: '+1 4155550100' })).code;
    recordSecret(retry);
    expect((await phone(retry)).returnData).toEqual({ phone_number: '+1 4155550100', pure_phone_number: '4155550100', country_code: '1' });
    expectFailure(await w.call('qcloud.cam.phone', { id: s.id, skey: 'f'.repeat(32), code: 'x' }), 60012, 'AUTH_FAIL');
  });

  it('serves WeCom tokens, corp and agent tickets, and page signatures', async () => {
    const corpid = 'ww' + Math.random().toString(16).slice(2, 14);
    const agentid = '1000002';
    const secret = 'agent-secret-' + corpid;
    recordSecret(secret);
    await w.sandboxPost('/__sandbox/corps', { corpid, agentid, secret });
    const { putAgent } = await import('../../src/services/agents.js');
    await putAgent(w.deps.store.db, w.deps.box, w.clock.now(), { corpid, agentid, secret });
    const tok = await w.callWithKey(key, 'qcloud.work.access_token', { corpid, agentid });
    recordSecret(tok.returnData.access_token);
    expect(tok).toMatchObject({ returnCode: 0, returnMessage: 'NEW_TOKEN_SUCCESS', returnData: { corpid, agentid, exp: w.clock.now() + 7200, expires_in: 7200 } });
    const corp = await w.callWithKey(key, 'qcloud.work.ticket', { corpid, agentid });
    const agent = await w.callWithKey(key, 'qcloud.work.agent.ticket', { corpid, agentid });
    recordSecret(corp.returnData.ticket, agent.returnData.agent_ticket);
    expect(Object.keys(corp.returnData)).toEqual(['corpid', 'ticket', 'exp']);
    expect(Object.keys(agent.returnData)).toEqual(['corpid', 'agentid', 'agent_ticket', 'exp']);
    expect(agent.returnData.agent_ticket).not.toBe(corp.returnData.ticket);
    for (const [type, ticket] of [['corp', corp.returnData.ticket], ['agent', agent.returnData.agent_ticket]]) {
      const sig = await w.callWithKey(key, 'qcloud.work.jssdk_signature', { corpid, agentid, url: 'https://example.com/x', type });
      expect(sig.returnData.signature).toBe(jssdkSignature(ticket, sig.returnData.nonceStr, sig.returnData.timestamp, 'https://example.com/x'));
    }
    expect(await calls('/cgi-bin/gettoken', corpid)).toBe(1);
    expectFailure(await w.callWithKey(key, 'qcloud.work.access_token', { corpid, agentid: '999' }), 1012, 'NO_APPID');
    await w.sandboxPost('/__sandbox/corps', { corpid, agentid, secret: 'rotated-elsewhere' });
    await w.deps.store.db.updateTable('credentials').set({ expires_at: 0 }).where('owner', '=', `${corpid}/${agentid}`).execute();
    w.deps.credentialMemo.cache.clear();
    expectFailure(await w.callWithKey(key, 'qcloud.work.access_token', { corpid, agentid }), 40013, 'WEIXIN_CREDENTIAL_ERR');
    // WeCom's IP allow-list (60020) names the IP, as WeChat's 40164 does.
    await w.sandboxPost('/__sandbox/corps', { corpid, agentid, secret, ip_whitelist: ['10.9.8.7'] });
    expectFailure(await w.callWithKey(key, 'qcloud.work.access_token', { corpid, agentid }), 2005, 'WEIXIN_IP_NOT_WHITELISTED', '127.0.0.1');
  });

  it('maps a phone-number rate limit to 2004 and leaves the code unspent on a token failure', async () => {
    const appid = await app();
    const s = await w.login(appid);
    const { code } = await w.sandboxPost('/__sandbox/phone_code', { appid, openid: s.openid, phone: '13800138000' });
    recordSecret(code);
    await w.fault('/wxa/business/getuserphonenumber', 'errcode', { errcode: 45011 });
    expectFailure(await w.call('qcloud.cam.phone', { id: s.id, skey: s.skey, code }), 2004, 'WEIXIN_RATE_LIMITED');
    await w.fault('/wxa/business/getuserphonenumber', 'errcode', { errcode: 40001, times: 2 });
    expectFailure(await w.call('qcloud.cam.phone', { id: s.id, skey: s.skey, code }), 40014, 'WEIXIN_ACCESSTOKEN_ERR');
    expect((await w.call('qcloud.cam.phone', { id: s.id, skey: s.skey, code })).returnCode).toBe(0);
  });
});
