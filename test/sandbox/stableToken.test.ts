// POST /cgi-bin/stable_token: same token with a shrinking expires_in, refresh-ahead in the last 300 s,
// force_refresh (20/day, 30 s apart, "no refresh" in between), 43002, isolation from /cgi-bin/token.
import { describe, expect, it } from 'vitest';
import {
  APPID,
  OPAQUE,
  RID,
  SECOND,
  SECRET,
  appSandbox,
  check,
  classicToken,
  post,
  query,
  registerApp,
  sandbox,
  stableToken,
  tokensOf,
} from './helpers.js';

describe('/cgi-bin/stable_token', () => {
  it('hands out the same token with a decreasing expires_in, without errcode', async () => {
    const { sb, clock } = await appSandbox();
    const first = await stableToken(sb);
    expect(first.contentType).toBe('text/plain');
    expect(first.json).toEqual({ access_token: expect.stringMatching(OPAQUE), expires_in: 7200 });
    clock.advance(1_000 * SECOND + 400);
    const again = await stableToken(sb, { force_refresh: false });
    expect(again.json).toEqual({ access_token: first.json.access_token, expires_in: 6199 });
    clock.advance(5_899 * SECOND);
    // 300.6 s left: still the same token.
    expect((await stableToken(sb)).json).toEqual({ access_token: first.json.access_token, expires_in: 300 });
  });

  it('rotates in the last 300 s; the old token stays honoured for the rest of its life', async () => {
    const { sb, clock } = await appSandbox();
    const old = (await stableToken(sb)).json.access_token;
    clock.advance(6_900 * SECOND); // exactly 300 s left
    const rotated = await stableToken(sb);
    expect(rotated.json.expires_in).toBe(7200);
    expect(rotated.json.access_token).not.toBe(old);
    expect(await check(sb, old)).toEqual({ valid: true });
    // Normal mode now hands out the new one.
    clock.advance(100 * SECOND);
    expect((await stableToken(sb)).json).toEqual({ access_token: rotated.json.access_token, expires_in: 7100 });
    const view = await tokensOf(sb);
    expect(view.stable.access_token).toBe(rotated.json.access_token);
    expect(view.stable_honoured.map((t: { access_token: string }) => t.access_token)).toEqual([old, rotated.json.access_token]);
    clock.advance(200 * SECOND - 1);
    expect(await check(sb, old)).toEqual({ valid: true });
    clock.advance(1);
    expect(await check(sb, old)).toEqual({ valid: false, errcode: 42001 });
    expect(await check(sb, rotated.json.access_token)).toEqual({ valid: true });
  });

  it('issues a new token once the current one has expired', async () => {
    const { sb, clock } = await appSandbox();
    const old = (await stableToken(sb)).json.access_token;
    clock.advance(9_000 * SECOND);
    const fresh = await stableToken(sb);
    expect(fresh.json.expires_in).toBe(7200);
    expect(fresh.json.access_token).not.toBe(old);
  });

  it('force_refresh invalidates at once; again within 30 s is "no refresh" (not counted)', async () => {
    const { sb, clock } = await appSandbox();
    const normal = (await stableToken(sb)).json.access_token;
    const forced = await stableToken(sb, { force_refresh: true });
    expect(forced.json.expires_in).toBe(7200);
    expect(forced.json.access_token).not.toBe(normal);
    expect(await check(sb, normal)).toEqual({ valid: false, errcode: 40001 });

    clock.advance(29_999);
    const tooSoon = await stableToken(sb, { force_refresh: true });
    expect(tooSoon.json).toEqual({ access_token: forced.json.access_token, expires_in: 7170 });
    expect(await check(sb, forced.json.access_token)).toEqual({ valid: true });
    clock.advance(1);
    const refreshed = await stableToken(sb, { force_refresh: true });
    expect(refreshed.json.access_token).not.toBe(forced.json.access_token);
    expect(await check(sb, forced.json.access_token)).toEqual({ valid: false, errcode: 40001 });
  });

  it('force_refresh also kills the old token a rotation left running', async () => {
    const { sb, clock } = await appSandbox();
    const old = (await stableToken(sb)).json.access_token;
    clock.advance(7_000 * SECOND);
    const rotated = (await stableToken(sb)).json.access_token;
    expect(await check(sb, old)).toEqual({ valid: true });
    await stableToken(sb, { force_refresh: true });
    expect(await check(sb, old)).toEqual({ valid: false, errcode: 40001 });
    expect(await check(sb, rotated)).toEqual({ valid: false, errcode: 40001 });
  });

  it('allows 20 force refreshes per day; the 21st is 45009; too-soon ones do not count', async () => {
    // 2024-01-01 04:00 UTC = 12:00 in Beijing.
    const { sb, clock } = await appSandbox({ start: Date.UTC(2024, 0, 1, 4, 0, 0) });
    let token = '';
    for (let i = 1; i <= 20; i++) {
      const r = await stableToken(sb, { force_refresh: true });
      expect(r.json.access_token, `force ${i}`).not.toBe(token);
      token = r.json.access_token;
      // A too-soon one in between each: answered with the current token, not counted.
      expect((await stableToken(sb, { force_refresh: true })).json.access_token).toBe(token);
      clock.advance(30 * SECOND);
    }
    const refused = await stableToken(sb, { force_refresh: true });
    expect(refused.json.errcode).toBe(45009);
    expect(refused.json.errmsg).toMatch(/^reach max api daily quota limit, rid: /);
    // Normal mode still works, and the current token is untouched.
    expect((await stableToken(sb)).json.access_token).toBe(token);
    expect(await check(sb, token)).toEqual({ valid: true });
    // Next Beijing day (00:00 = 16:00 UTC).
    clock.advance(Date.UTC(2024, 0, 1, 16, 0, 0) - clock.now());
    expect((await stableToken(sb, { force_refresh: true })).json.access_token).not.toBe(token);
  });

  it('answers 45009 past the daily call quota (all stable_token calls count)', async () => {
    const sb = await sandbox({ now: () => Date.UTC(2024, 0, 1, 4) });
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, stable_token_daily_quota: 3 });
    const token = (await stableToken(sb)).json.access_token;
    await stableToken(sb);
    await stableToken(sb, { force_refresh: true });
    expect((await stableToken(sb)).json.errcode).toBe(45009);
    expect((await stableToken(sb, { force_refresh: true })).json.errcode).toBe(45009);
    // The classic endpoint has its own quota.
    expect((await classicToken(sb)).json.access_token).toMatch(OPAQUE);
    expect(token).toMatch(OPAQUE);
  });

  it('is fully isolated from /cgi-bin/token', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const stable = (await stableToken(sb)).json.access_token;
    const classic1 = (await classicToken(sb)).json.access_token;
    await classicToken(sb);
    await classicToken(sb); // classic1 is now dead; the stable token is not
    expect(await check(sb, classic1)).toEqual({ valid: false, errcode: 40001 });
    expect(await check(sb, stable)).toEqual({ valid: true });
    expect((await stableToken(sb)).json.access_token).toBe(stable);
    const classic = (await classicToken(sb)).json.access_token;
    await stableToken(sb, { force_refresh: true });
    expect(await check(sb, classic)).toEqual({ valid: true });
    expect(await check(sb, stable)).toEqual({ valid: false, errcode: 40001 });
    // Tags tell the kinds apart at a glance.
    expect(stable.slice(0, 3)).not.toBe(classic.slice(0, 3));
  });

  it('answers GET (and other methods) with 43002 require POST method', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const path = query('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APPID, secret: SECRET });
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(sb.url + path, { method });
      expect(res.status).toBe(200);
      const json = (await res.json()) as { errcode: number; errmsg: string };
      expect(json.errcode, method).toBe(43002);
      expect(json.errmsg).toMatch(/^require POST method, rid: /);
    }
  });

  it('checks the body in order: types (40097), then the credentials with 40125 for a wrong secret', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const full = { grant_type: 'client_credential', appid: APPID, secret: SECRET };
    const cases: Array<[unknown, number, string]> = [
      [{ ...full, force_refresh: 'false' }, 40097, 'invalid args'],
      [{ ...full, force_refresh: 0 }, 40097, 'invalid args'],
      [{ ...full, force_refresh: null }, 40097, 'invalid args'],
      [{ ...full, appid: 123 }, 40097, 'invalid args'],
      ['{"appid":', 47001, 'data format error'],
      ['', 41002, 'appid missing'],
      [{ secret: SECRET }, 41002, 'appid missing'],
      [{ appid: APPID }, 41004, 'appsecret missing'],
      [{ appid: APPID, secret: SECRET }, 40002, 'invalid grant_type'],
      [{ ...full, appid: 'wxunknown' }, 40013, 'invalid appid'],
      [{ ...full, secret: 'wrong' }, 40125, 'invalid appsecret'],
    ];
    for (const [body, errcode, text] of cases) {
      const r = await post(sb, '/cgi-bin/stable_token', body);
      expect(r.json.errcode, JSON.stringify(body)).toBe(errcode);
      expect(r.json.errmsg.startsWith(`${text}, rid: `)).toBe(true);
      expect(r.json.errmsg).toMatch(RID);
    }
    expect((await tokensOf(sb)).stable).toBeNull();
  });

  it('applies the app IP whitelist (40164) and the frozen flag (40243)', async () => {
    const sb = await sandbox();
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, ip_whitelist: ['192.0.2.7'] });
    const r = await stableToken(sb);
    expect(r.json.errcode).toBe(40164);
    expect(r.json.errmsg).toMatch(/^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist rid: /);
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, ip_whitelist: ['127.0.0.1'], frozen: true });
    expect((await stableToken(sb)).json.errcode).toBe(40243);
  });
});
