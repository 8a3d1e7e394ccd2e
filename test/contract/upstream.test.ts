// WeChat's answers to jscode2session as the gateway reports them (PROTOCOL §3, §5 id_skey), through the sandbox
// on both store dialects: code errors, credential errors, injected faults, the kept answer of a login, and the
// default-app rule.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putApp } from '../../src/services/apps.js';
import { expectFailure } from '../helpers/expect.js';
import { DIALECTS, type DialectName } from '../helpers/db.js';
import { recordSecret } from '../helpers/logs.js';
import { randomAppid, startWorld, type World, type WorldOptions } from '../helpers/world.js';

const JSCODE2SESSION = '/sns/jscode2session';


const loginCalls = async (w: World, appid: string) => (await w.stats()).calls[JSCODE2SESSION]?.[appid] ?? 0;
const sessionCount = async (w: World, appid: string) =>
  (await w.deps.store.db.selectFrom('sessions').select('id').where('appid', '=', appid).execute()).length;

describe.each(DIALECTS)('WeChat answers on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await startWorld(dialect); });
  afterAll(async () => { await w?.close(); });

  const idSkey = (appid: string, code: string) => w.call('qcloud.cam.id_skey', { appid, code });

  it('answers 40029 for a code WeChat does not know', async () => {
    const { appid } = await w.addApp();
    expectFailure(await idSkey(appid, 'no-such-code'), 40029, 'WEIXIN_CODE_ERR', '40029');
    expect(await loginCalls(w, appid)).toBe(1);
  });

  it('answers 40029 for a code spent elsewhere (WeChat 40163)', async () => {
    const { appid, secret } = await w.addApp();
    const { code } = await w.wxLogin(appid);
    const query = new URLSearchParams({ appid, secret, js_code: code, grant_type: 'authorization_code' });
    const direct = await (await fetch(`${w.sandbox.url}${JSCODE2SESSION}?${query}`)).json() as Record<string, unknown>;
    expect(direct).toHaveProperty('openid');
    expectFailure(await idSkey(appid, code), 40029, 'WEIXIN_CODE_ERR', '40163');
    expect(await loginCalls(w, appid)).toBe(2);
  });

  it('answers 40013 when WeChat refuses the app secret (40125)', async () => {
    const { appid } = await w.addApp();
    const wrong = randomBytes(16).toString('hex');
    recordSecret(wrong);
    await putApp(w.deps.store.db, w.deps.box, w.clock.now(), { appid, type: 'miniprogram', secret: wrong });
    const { code } = await w.wxLogin(appid);
    expectFailure(await idSkey(appid, code), 40013, 'WEIXIN_CREDENTIAL_ERR', '40125');
  });

  it.each([
    ['errcode 45011', 'errcode', 45011, 2004, 'WEIXIN_RATE_LIMITED', '45011'],
    ['errcode -1', 'errcode', -1, 1005, 'WEIXIN_NET_ERR', '-1'],
    ['HTTP 500', 'http500', undefined, 1005, 'WEIXIN_NET_ERR', '500'],
    ['a body that is not JSON', 'garbage', undefined, 1007, 'WEIXIN_RETURN_ERR', undefined],
    ['errcode 40164', 'errcode', 40164, 2005, 'WEIXIN_IP_NOT_WHITELISTED', '40164'],
  ] as const)('answers %s with the mapped code, after one upstream call', async (_what, mode, errcode, code, message, detail) => {
    const { appid } = await w.addApp();
    const login = await w.wxLogin(appid);
    await w.fault(JSCODE2SESSION, mode, errcode === undefined ? { times: 1 } : { errcode, times: 1 });
    expectFailure(await idSkey(appid, login.code), code, message, detail);
    expect(await loginCalls(w, appid)).toBe(1);
    expect(await sessionCount(w, appid)).toBe(0);
  });

  it('answers 1005 on a timeout and the same 1005 to a retry of the code, without sending it again', async () => {
    const { appid } = await w.addApp();
    const { code } = await w.wxLogin(appid);
    await w.fault(JSCODE2SESSION, 'timeout', { times: 1 });
    const started = Date.now();
    const first = await idSkey(appid, code);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expectFailure(first, 1005, 'WEIXIN_NET_ERR');
    const retry = await idSkey(appid, code);
    expectFailure(retry, 1005, 'WEIXIN_NET_ERR');
    expect(retry.detail).toBe(first.detail);
    expect(await loginCalls(w, appid)).toBe(1);
    expect(await sessionCount(w, appid)).toBe(0);
  });

  // Last in this world: it moves the clock past the 5-minute life of every claim.
  it('answers a duplicate login from the kept answer for 5 minutes, then 40029, never calling WeChat again', async () => {
    const { appid } = await w.addApp();
    const { code } = await w.wxLogin(appid);
    const first = await idSkey(appid, code);
    expect(first.returnCode, first.detail).toBe(0);
    const { requestId: _r1, ...firstAnswer } = first;

    const { requestId: _r2, ...again } = await idSkey(appid, code);
    expect(again).toEqual(firstAnswer);
    w.clock.advance(299);
    const { requestId: _r3, ...late } = await idSkey(appid, code);
    expect(late).toEqual(firstAnswer);
    w.clock.advance(2);
    expectFailure(await idSkey(appid, code), 40029, 'WEIXIN_CODE_ERR');
    expect(await loginCalls(w, appid)).toBe(1);
    expect(await sessionCount(w, appid)).toBe(1);
  });
});

describe.each(DIALECTS)('the default app on %s', (dialect: DialectName) => {
  /** A world of its own per case: the rule depends on every app registered. */
  async function inWorld(opts: WorldOptions, fn: (w: World) => Promise<void>): Promise<void> {
    const w = await startWorld(dialect, opts);
    try { await fn(w); } finally { await w.close(); }
  }
  const idSkey = (w: World, para: Record<string, unknown>) => w.call('qcloud.cam.id_skey', para);

  it('uses the only mini program when no appid is given (official accounts do not count)', () => inWorld({}, async (w) => {
    const { appid } = await w.addApp();
    await w.addApp({ type: 'official_account' });
    const { code, openid } = await w.wxLogin(appid);
    const env = await idSkey(w, { code });
    expect(env.returnCode, env.detail).toBe(0);
    expect(env.returnData).toMatchObject({ appid, openid });
  }));

  it('answers 1012 without an appid when no or several mini programs are registered', () => inWorld({}, async (w) => {
    expectFailure(await idSkey(w, { code: 'some-code' }), 1012, 'NO_APPID');
    await w.addApp();
    await w.addApp();
    expectFailure(await idSkey(w, { code: 'some-code' }), 1012, 'NO_APPID');
    expect((await w.stats()).calls[JSCODE2SESSION]).toBeUndefined();
  }));

  const defaultAppid = randomAppid();
  it('uses MINA_AUTH_DEFAULT_APPID among several mini programs', () => inWorld({ env: { DEFAULT_APPID: defaultAppid } }, async (w) => {
    await w.addApp();
    await w.addApp({ appid: defaultAppid });
    const { code, openid } = await w.wxLogin(defaultAppid);
    const env = await idSkey(w, { code });
    expect(env.returnCode, env.detail).toBe(0);
    expect(env.returnData).toMatchObject({ appid: defaultAppid, openid });
  }));

  it('answers 1012 for an unregistered appid, given or default, even beside the only mini program', () => inWorld({ env: { DEFAULT_APPID: defaultAppid } }, async (w) => {
    await w.addApp();
    expectFailure(await idSkey(w, { code: 'some-code' }), 1012, 'NO_APPID');
    expectFailure(await idSkey(w, { appid: randomAppid(), code: 'some-code' }), 1012, 'NO_APPID');
    expect((await w.stats()).calls[JSCODE2SESSION]).toBeUndefined();
  }));

  it('answers 1003 when the given or default app is an official account', () => inWorld({ env: { DEFAULT_APPID: defaultAppid } }, async (w) => {
    await w.addApp();
    await w.addApp({ appid: defaultAppid, type: 'official_account' });
    expectFailure(await idSkey(w, { code: 'some-code' }), 1003, 'PARA_ERR');
    expectFailure(await idSkey(w, { appid: defaultAppid, code: 'some-code' }), 1003, 'PARA_ERR');
    expect((await w.stats()).calls[JSCODE2SESSION]).toBeUndefined();
  }));
});
