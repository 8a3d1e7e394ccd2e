// /sns/jscode2session: wire format, check order, single use, expiry, app binding, minute quota.
import { describe, expect, it } from 'vitest';
import {
  APPID,
  RID,
  SECRET,
  appSandbox,
  code2session,
  code2sessionPath,
  get,
  login,
  post,
  registerApp,
  sandbox,
} from './helpers.js';

describe('jscode2session', () => {
  it('answers success as text/plain JSON without errcode, with the current session_key', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const minted = await login(sb);
    expect(minted.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(minted.code).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(Buffer.from(minted.session_key, 'base64')).toHaveLength(16);

    const r = await code2session(sb, minted.code);
    expect(r.status).toBe(200);
    expect(r.contentType).toBe('text/plain');
    expect(r.json).toEqual({ session_key: minted.session_key, openid: minted.openid });
    expect(r.text).not.toContain('errcode');
    expect(r.text).not.toContain('unionid');
  });

  it('includes unionid only when the user has one', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const minted = await login(sb, { openid: 'oUser1', unionid: 'oUnion1' });
    const r = await code2session(sb, minted.code);
    expect(r.json).toEqual({ session_key: minted.session_key, openid: 'oUser1', unionid: 'oUnion1' });
  });

  it('checks parameters in WeChat order, each error as HTTP 200 text/plain with a rid', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    await registerApp(sb, 'wxother', 'other-secret');
    const { code } = await login(sb);
    const full = { appid: APPID, secret: SECRET, js_code: code, grant_type: 'authorization_code' };
    const cases: Array<[Record<string, string | undefined>, number, string]> = [
      [{}, 41002, 'appid missing'],
      [{ ...full, appid: undefined, secret: undefined }, 41002, 'appid missing'],
      [{ ...full, appid: '' }, 41002, 'appid missing'],
      [{ ...full, secret: undefined, js_code: undefined }, 41004, 'appsecret missing'],
      [{ ...full, js_code: undefined, grant_type: 'x' }, 41008, 'missing code'],
      [{ ...full, grant_type: 'client_credential', appid: 'wxunknown' }, 40002, 'invalid grant_type'],
      [{ ...full, grant_type: undefined }, 40002, 'invalid grant_type'],
      [{ ...full, appid: 'wxunknown', secret: 'wrong' }, 40013, 'invalid appid'],
      [{ ...full, secret: 'wrong', js_code: 'nope' }, 40125, 'invalid appsecret'],
      [{ ...full, js_code: 'nope' }, 40029, 'invalid code'],
      // A code minted for APPID, presented by another app: invalid there (and still unused here).
      [{ ...full, appid: 'wxother', secret: 'other-secret' }, 40029, 'invalid code'],
    ];
    for (const [params, errcode, text] of cases) {
      const r = await get(sb, code2sessionPath(params));
      expect(r.status, JSON.stringify(params)).toBe(200);
      expect(r.contentType).toBe('text/plain');
      expect(r.json.errcode, JSON.stringify(params)).toBe(errcode);
      expect(r.json.errmsg.startsWith(`${text}, rid: `)).toBe(true);
      expect(r.json.errmsg).toMatch(RID);
      expect(Object.keys(r.json)).toEqual(['errcode', 'errmsg']);
    }
    // None of the failures above consumed the code.
    expect((await code2session(sb, code)).json.openid).toBeDefined();
  });

  it('is single use: the second call gets 40163', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const { code } = await login(sb);
    expect((await code2session(sb, code)).json.session_key).toBeDefined();
    const again = await code2session(sb, code);
    expect(again.json.errcode).toBe(40163);
    expect(again.json.errmsg).toMatch(/^code been used, rid: /);
  });

  it('expires codes 300 s after minting (40029)', async () => {
    const { sb, clock } = await appSandbox();
    const fresh = await login(sb);
    const stale = await login(sb);
    clock.advance(300_000);
    expect((await code2session(sb, fresh.code)).json.openid).toBe(fresh.openid); // exactly 300 s: still valid
    clock.advance(1);
    expect((await code2session(sb, stale.code)).json.errcode).toBe(40029);
    // An expired code that was used is reported as invalid, not as used (40029 is checked first).
    expect((await code2session(sb, fresh.code)).json.errcode).toBe(40029);
  });

  it('keeps expired codes invalid after they are pruned by later logins', async () => {
    const { sb, clock } = await appSandbox();
    const old = await login(sb);
    clock.advance(301_000);
    const fresh = await login(sb);
    expect((await code2session(sb, old.code)).json.errcode).toBe(40029);
    expect((await code2session(sb, fresh.code)).json.openid).toBe(fresh.openid);
  });

  it('answers 45011 over the per-user minute quota without consuming the code', async () => {
    const { sb, clock } = await appSandbox({ start: Date.UTC(2024, 0, 1, 12, 0, 0), loginQuotaPerMinute: 2 });
    const a1 = await login(sb, { openid: 'oUserA' });
    const a2 = await login(sb, { openid: 'oUserA' });
    const a3 = await login(sb, { openid: 'oUserA' });
    const b1 = await login(sb, { openid: 'oUserB' });
    expect((await code2session(sb, a1.code)).json.openid).toBe('oUserA');
    expect((await code2session(sb, a2.code)).json.openid).toBe('oUserA');
    const limited = await code2session(sb, a3.code);
    expect(limited.json.errcode).toBe(45011);
    expect(limited.json.errmsg).toMatch(/^api minute-quota reach limit mustslower retry next minute, rid: /);
    // The quota is per user.
    expect((await code2session(sb, b1.code)).json.openid).toBe('oUserB');
    // Next clock minute: the same code now works.
    clock.advance(60_000);
    expect((await code2session(sb, a3.code)).json.openid).toBe('oUserA');
  });

  it('answers unknown paths and wrong methods with 404 and an empty body', async () => {
    const sb = await sandbox();
    for (const r of [
      await get(sb, '/sns/jsCode2Session?appid=x'),
      await get(sb, '/'),
      await get(sb, '//evil.example/sns/jscode2session'),
      await get(sb, '/cgi-bin/unknown'),
      await post(sb, '/sns/jscode2session', {}),
    ]) {
      expect(r.status).toBe(404);
      expect(r.text).toBe('');
    }
  });

  it('delays upstream answers by latencyMs but not control calls', async () => {
    const sb = await sandbox({ latencyMs: 150 });
    let t = Date.now();
    await registerApp(sb);
    const { code } = await login(sb);
    expect(Date.now() - t).toBeLessThan(140);
    t = Date.now();
    await code2session(sb, code);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });
});
