// The control side of tokens: /__sandbox/tokens and /__sandbox/check, stats keyed by token owner,
// faults on the new paths, reset, and bad input to the new options.
import { describe, expect, it } from 'vitest';
import {
  AGENT_SECRET,
  APPID,
  CORPID,
  SECOND,
  SECRET,
  appSandbox,
  check,
  classicToken,
  get,
  login,
  phoneCode,
  post,
  registerAgent,
  registerApp,
  sandbox,
  stableToken,
  tokensOf,
  wecomToken,
} from './helpers.js';

describe('token control API', () => {
  it('GET /__sandbox/tokens lists the honoured tokens with their times', async () => {
    const { sb, clock } = await appSandbox();
    const start = clock.now();
    expect(await tokensOf(sb)).toEqual({
      stable: null,
      stable_honoured: [],
      classic: [],
      jsapi_ticket: null,
    });
    const a = (await classicToken(sb)).json.access_token;
    clock.advance(10 * SECOND);
    const b = (await classicToken(sb)).json.access_token;
    const s = (await stableToken(sb)).json.access_token;
    const view = await tokensOf(sb);
    expect(view.classic).toEqual([
      { access_token: a, issued_at: start, expires_at: start + 7_200_000, valid_until: start + 310_000 },
      { access_token: b, issued_at: start + 10_000, expires_at: start + 7_210_000, valid_until: start + 7_210_000 },
    ]);
    expect(view.stable).toEqual({ access_token: s, issued_at: start + 10_000, expires_at: start + 7_210_000, valid_until: start + 7_210_000 });
    clock.advance(300 * SECOND);
    expect((await tokensOf(sb)).classic.map((t: { access_token: string }) => t.access_token)).toEqual([b]);

    expect((await get(sb, '/__sandbox/tokens')).status).toBe(400);
    expect((await get(sb, '/__sandbox/tokens?appid=wxunknown')).status).toBe(404);
    expect((await get(sb, `/__sandbox/tokens?corpid=${CORPID}&agentid=1`)).status).toBe(404);
  });

  it('GET /__sandbox/check answers like the API (per server) and is not counted in stats', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    await registerAgent(sb);
    const wx = (await stableToken(sb)).json.access_token;
    const wc = (await wecomToken(sb)).json.access_token;
    expect(await check(sb, wx)).toEqual({ valid: true });
    expect(await check(sb, wc)).toEqual({ valid: true }); // asked of its own server by default
    expect(await check(sb, wx, 'wecom')).toEqual({ valid: false, errcode: 40014 });
    expect(await check(sb, wc, 'wechat')).toEqual({ valid: false, errcode: 40001 });
    expect(await check(sb, 'garbage')).toEqual({ valid: false, errcode: 40001 });
    expect(await check(sb, 'garbage', 'wecom')).toEqual({ valid: false, errcode: 40014 });
    expect(await check(sb, '')).toEqual({ valid: false, errcode: 41001 });
    expect((await get(sb, '/__sandbox/check?access_token=x&api=qq')).status).toBe(400);
    expect((await get(sb, '/__sandbox/stats')).json).toEqual({
      calls: { '/cgi-bin/stable_token': { [APPID]: 1 }, '/cgi-bin/gettoken': { [CORPID]: 1 } },
    });
  });

  it('keys stats by appid (query, then body), corpid, then the token owner, else "-"', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    await registerAgent(sb);
    const { openid } = await login(sb);
    const wx = (await classicToken(sb)).json.access_token;
    await stableToken(sb);
    await get(sb, '/cgi-bin/stable_token'); // 43002, no appid anywhere
    const wc = (await wecomToken(sb)).json.access_token;
    await get(sb, `/cgi-bin/ticket/getticket?type=jsapi&access_token=${wx}`);
    await get(sb, '/cgi-bin/ticket/getticket?type=jsapi&access_token=garbage');
    const code = await phoneCode(sb, openid);
    await post(sb, `/wxa/business/getuserphonenumber?access_token=${wx}`, { code });
    await get(sb, `/cgi-bin/get_jsapi_ticket?access_token=${wc}`);
    await get(sb, `/cgi-bin/ticket/get?type=agent_config&access_token=${wc}`);
    await get(sb, '/cgi-bin/ticket/get?type=agent_config');
    expect((await get(sb, '/__sandbox/stats')).json).toEqual({
      calls: {
        '/cgi-bin/token': { [APPID]: 1 },
        '/cgi-bin/stable_token': { [APPID]: 1, '-': 1 },
        '/cgi-bin/gettoken': { [CORPID]: 1 },
        '/cgi-bin/ticket/getticket': { [APPID]: 1, '-': 1 },
        '/wxa/business/getuserphonenumber': { [APPID]: 1 },
        '/cgi-bin/get_jsapi_ticket': { [CORPID]: 1 },
        '/cgi-bin/ticket/get': { [CORPID]: 1, '-': 1 },
      },
    });
  });

  it('keeps counting an expired token under its owner', async () => {
    const { sb, clock } = await appSandbox();
    const token = (await stableToken(sb)).json.access_token;
    clock.advance(7200 * SECOND);
    expect((await get(sb, `/cgi-bin/ticket/getticket?type=jsapi&access_token=${token}`)).json.errcode).toBe(42001);
    expect((await get(sb, '/__sandbox/stats')).json.calls['/cgi-bin/ticket/getticket']).toEqual({ [APPID]: 1 });
  });

  it('injects faults on the new paths, in each server style, without doing the work', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    await registerAgent(sb);
    const { openid } = await login(sb);
    const token = (await stableToken(sb)).json.access_token;

    expect((await post(sb, '/__sandbox/faults', { path: '/cgi-bin/stable_token', mode: 'errcode', errcode: -1 })).status).toBe(200);
    const wx = await stableToken(sb);
    expect(wx.contentType).toBe('text/plain');
    expect(wx.json.errcode).toBe(-1);
    expect(wx.json.errmsg).toMatch(/^system error, rid: /);
    expect((await stableToken(sb)).json.access_token).toBe(token);

    await post(sb, '/__sandbox/faults', { path: '/cgi-bin/gettoken', mode: 'errcode' });
    const wc = await wecomToken(sb);
    expect(wc.contentType).toBe('application/json');
    expect(wc.json.errcode).toBe(-1);
    expect(wc.json.errmsg).toMatch(/^system busy, hint: \[\d{25}\], from ip: 127\.0\.0\.1, more info at .*\?e=-1$/);

    const code = await phoneCode(sb, openid);
    await post(sb, '/__sandbox/faults', { path: '/wxa/business/getuserphonenumber', mode: 'http500' });
    const failed = await post(sb, `/wxa/business/getuserphonenumber?access_token=${token}`, { code });
    expect(failed.status).toBe(500);
    expect((await post(sb, `/wxa/business/getuserphonenumber?access_token=${token}`, { code })).json.errcode).toBe(0);

    for (const path of ['/cgi-bin/token', '/cgi-bin/ticket/getticket', '/cgi-bin/get_jsapi_ticket', '/cgi-bin/ticket/get']) {
      expect((await post(sb, '/__sandbox/faults', { path, mode: 'garbage' })).status, path).toBe(200);
    }
    expect((await classicToken(sb)).text).toBe('<html>502 Bad Gateway</html>');
  });

  it('reset forgets tokens, tickets, phone codes, corps and counters', async () => {
    const sb = await sandbox();
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, token_daily_quota: 1 });
    await registerAgent(sb);
    const { openid } = await login(sb);
    const code = await phoneCode(sb, openid);
    const classic = (await classicToken(sb)).json.access_token;
    const stable = (await stableToken(sb)).json.access_token;
    const wecom = (await wecomToken(sb)).json.access_token;
    expect((await classicToken(sb)).json.errcode).toBe(45009);
    await post(sb, '/__sandbox/reset', undefined);

    for (const token of [classic, stable]) expect(await check(sb, token)).toEqual({ valid: false, errcode: 40001 });
    expect(await check(sb, wecom, 'wecom')).toEqual({ valid: false, errcode: 40014 });
    expect((await wecomToken(sb)).json.errcode).toBe(40013);
    await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET, token_daily_quota: 1 });
    const fresh = (await classicToken(sb)).json.access_token;
    expect(fresh).not.toBe(classic); // the quota counter restarted too
    expect((await stableToken(sb)).json.access_token).not.toBe(stable);
    expect((await post(sb, `/wxa/business/getuserphonenumber?access_token=${fresh}`, { code })).json.errcode).toBe(40029);
  });

  it('rejects bad options with 400 {error}', async () => {
    const sb = await sandbox();
    const bad: Array<[string, unknown]> = [
      ['/__sandbox/apps', { appid: APPID, secret: SECRET, ip_whitelist: '127.0.0.1' }],
      ['/__sandbox/apps', { appid: APPID, secret: SECRET, ip_whitelist: ['localhost'] }],
      ['/__sandbox/apps', { appid: APPID, secret: SECRET, frozen: 'yes' }],
      ['/__sandbox/apps', { appid: APPID, secret: SECRET, token_daily_quota: -1 }],
      ['/__sandbox/apps', { appid: APPID, secret: SECRET, stable_token_daily_quota: 1.5 }],
      ['/__sandbox/corps', {}],
      ['/__sandbox/corps', { corpid: CORPID, secret: AGENT_SECRET }],
      ['/__sandbox/corps', { corpid: CORPID, agentid: 'abc', secret: AGENT_SECRET }],
      ['/__sandbox/corps', { corpid: CORPID, agentid: -1, secret: AGENT_SECRET }],
      ['/__sandbox/corps', { corpid: CORPID, agentid: 1 }],
      ['/__sandbox/corps', { corpid: CORPID, agentid: 1, secret: AGENT_SECRET, ip_whitelist: [1] }],
    ];
    for (const [path, body] of bad) {
      const r = await post(sb, path, body);
      expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(typeof r.json.error).toBe('string');
    }
    // Nothing was registered by the failures.
    expect((await classicToken(sb)).json.errcode).toBe(40013);
    expect((await wecomToken(sb)).json.errcode).toBe(40013);
  });
});
