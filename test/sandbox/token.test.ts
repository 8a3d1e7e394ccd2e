// GET /cgi-bin/token: new token per call, the 300 s overlap, 7200 s life, check order, quota, IP, frozen.
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
  get,
  manualClock,
  post,
  query,
  registerApp,
  sandbox,
  tokensOf,
} from './helpers.js';

describe('/cgi-bin/token', () => {
  it('answers success as text/plain JSON without errcode, a new opaque token each call', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const a = await classicToken(sb);
    expect(a.status).toBe(200);
    expect(a.contentType).toBe('text/plain');
    expect(Object.keys(a.json)).toEqual(['access_token', 'expires_in']);
    expect(a.json.expires_in).toBe(7200);
    expect(a.json.access_token).toMatch(OPAQUE);
    const b = await classicToken(sb);
    expect(b.json.access_token).toMatch(OPAQUE);
    expect(b.json.access_token).not.toBe(a.json.access_token);
  });

  it('keeps the previous token 300 s more, then 40001; older ones die at once', async () => {
    const { sb, clock } = await appSandbox();
    const first = (await classicToken(sb)).json.access_token;
    clock.advance(1_000 * SECOND);
    const second = (await classicToken(sb)).json.access_token;
    expect(await check(sb, first)).toEqual({ valid: true });
    expect(await check(sb, second)).toEqual({ valid: true });
    clock.advance(300 * SECOND - 1);
    expect(await check(sb, first)).toEqual({ valid: true });
    clock.advance(1);
    expect(await check(sb, first)).toEqual({ valid: false, errcode: 40001 });
    expect(await check(sb, second)).toEqual({ valid: true });

    // Two fetches in a row: the one before the previous dies at once, not 300 s later.
    const third = (await classicToken(sb)).json.access_token;
    const fourth = (await classicToken(sb)).json.access_token;
    expect(await check(sb, second)).toEqual({ valid: false, errcode: 40001 });
    expect(await check(sb, third)).toEqual({ valid: true });
    expect(await check(sb, fourth)).toEqual({ valid: true });

    // A real API call says the same as /__sandbox/check.
    const used = await get(sb, `/cgi-bin/ticket/getticket?type=jsapi&access_token=${second}`);
    expect(used.json.errcode).toBe(40001);
    expect(used.json.errmsg).toMatch(/^invalid credential, access_token is invalid or not latest, rid: /);
  });

  it('expires every token 7200 s after issue (42001), even the latest', async () => {
    const { sb, clock } = await appSandbox();
    const token = (await classicToken(sb)).json.access_token;
    clock.advance(7200 * SECOND - 1);
    expect(await check(sb, token)).toEqual({ valid: true });
    clock.advance(1);
    expect(await check(sb, token)).toEqual({ valid: false, errcode: 42001 });
    const used = await get(sb, `/cgi-bin/ticket/getticket?type=jsapi&access_token=${token}`);
    expect(used.json.errmsg).toMatch(/^access_token expired, rid: /);
  });

  it('a previous token whose life ends inside the overlap expires (42001) rather than being superseded', async () => {
    const { sb, clock } = await appSandbox();
    const old = (await classicToken(sb)).json.access_token;
    clock.advance(7100 * SECOND);
    await classicToken(sb);
    expect(await check(sb, old)).toEqual({ valid: true });
    clock.advance(100 * SECOND);
    expect(await check(sb, old)).toEqual({ valid: false, errcode: 42001 });
  });

  it('checks parameters in order, with the official errcodes and texts', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const cases: Array<[Record<string, string | undefined>, number, string]> = [
      [{ appid: undefined, secret: undefined }, 41002, 'appid missing'],
      [{ appid: '' }, 41002, 'appid missing'],
      [{ secret: undefined, grant_type: 'x' }, 41004, 'appsecret missing'],
      [{ grant_type: 'authorization_code', appid: 'wxunknown' }, 40002, 'invalid grant_type'],
      [{ grant_type: undefined }, 40002, 'invalid grant_type'],
      [{ appid: 'wxunknown', secret: 'wrong' }, 40013, 'invalid appid'],
      // On this endpoint a wrong AppSecret is 40001, not 40125.
      [{ secret: 'wrong' }, 40001, 'invalid credential, access_token is invalid or not latest'],
    ];
    for (const [params, errcode, text] of cases) {
      const r = await classicToken(sb, params);
      expect(r.status).toBe(200);
      expect(r.contentType).toBe('text/plain');
      expect(r.json.errcode, JSON.stringify(params)).toBe(errcode);
      expect(r.json.errmsg.startsWith(`${text}, rid: `), r.json.errmsg).toBe(true);
      expect(r.json.errmsg).toMatch(RID);
    }
    // No failure above issued a token.
    expect((await tokensOf(sb)).classic).toEqual([]);
  });

  it('answers 45009 past the daily quota (Beijing day), without touching the issued tokens', async () => {
    // 2024-01-01 15:00 UTC = 23:00 in Beijing: the quota day ends an hour later.
    const clock = manualClock(Date.UTC(2024, 0, 1, 15, 0, 0));
    const sb = await sandbox({ now: clock.now });
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, token_daily_quota: 2 });
    await classicToken(sb);
    const last = (await classicToken(sb)).json.access_token;
    const refused = await classicToken(sb);
    expect(refused.json.errcode).toBe(45009);
    expect(refused.json.errmsg).toMatch(/^reach max api daily quota limit, could get access_token by getStableAccessToken.* rid: [0-9a-f-]{26}$/);
    expect(await check(sb, last)).toEqual({ valid: true });
    clock.advance(3599 * SECOND);
    expect((await classicToken(sb)).json.errcode).toBe(45009); // refusals do not count, but it is still the same day
    clock.advance(SECOND);
    expect((await classicToken(sb)).json.access_token).toMatch(OPAQUE);
  });

  it('defaults the daily quota to 2000', async () => {
    const sb = await sandbox({ now: () => Date.UTC(2024, 0, 1, 12) });
    await registerApp(sb);
    for (let i = 0; i < 2000; i++) {
      const r = await classicToken(sb);
      if (r.json.access_token === undefined) throw new Error(`call ${i + 1}: ${r.text}`);
    }
    expect((await classicToken(sb)).json.errcode).toBe(45009);
  });

  it('answers 40164 naming the caller IP when it is not whitelisted, and accepts it once listed', async () => {
    const sb = await sandbox();
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, ip_whitelist: ['10.0.0.1'] });
    const r = await classicToken(sb);
    expect(r.json.errcode).toBe(40164);
    expect(r.json.errmsg).toMatch(/^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    // The IP gate comes before the secret check.
    expect((await classicToken(sb, { secret: 'wrong' })).json.errcode).toBe(40164);
    // Re-posting without ip_whitelist keeps it; a mapped-IPv6 spelling matches too; null removes it.
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET });
    expect((await classicToken(sb)).json.errcode).toBe(40164);
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, ip_whitelist: ['10.0.0.1', '::ffff:127.0.0.1'] });
    expect((await classicToken(sb)).json.access_token).toMatch(OPAQUE);
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, ip_whitelist: [] });
    expect((await classicToken(sb)).json.errcode).toBe(40164);
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, ip_whitelist: null });
    expect((await classicToken(sb)).json.access_token).toMatch(OPAQUE);
  });

  it('answers 40243 for a frozen AppSecret (after the secret check), until unfrozen', async () => {
    const sb = await sandbox();
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, frozen: true });
    const r = await classicToken(sb);
    expect(r.json.errcode).toBe(40243);
    expect(r.json.errmsg).toMatch(RID);
    expect((await classicToken(sb, { secret: 'wrong' })).json.errcode).toBe(40001);
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, token_daily_quota: 5 }); // frozen kept
    expect((await classicToken(sb)).json.errcode).toBe(40243);
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, frozen: false });
    expect((await classicToken(sb)).json.access_token).toMatch(OPAQUE);
  });

  it('is GET only (other methods: 404 like an unknown path)', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const r = await post(sb, query('/cgi-bin/token', { grant_type: 'client_credential', appid: APPID, secret: SECRET }), {});
    expect(r.status).toBe(404);
  });
});
