// APIs called with a WeChat access_token: ticket/getticket (jsapi) and getuserphonenumber (phone codes).
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import {
  APPID,
  OPAQUE,
  RID,
  SECOND,
  appSandbox,
  classicToken,
  get,
  login,
  phoneCode,
  post,
  registerAgent,
  registerApp,
  sandbox,
  stableToken,
  wecomToken,
} from './helpers.js';

const OTHER_APPID = 'wxotherapp0000001';
const OTHER_SECRET = 'other-app-secret';

async function phoneNumber(sb: Sandbox, token: string | undefined, body: unknown) {
  const path = token === undefined ? '/wxa/business/getuserphonenumber' : `/wxa/business/getuserphonenumber?access_token=${token}`;
  return post(sb, path, body);
}

describe('/cgi-bin/ticket/getticket', () => {
  it('returns the same jsapi ticket while valid and a new one after expiry', async () => {
    const { sb, clock } = await appSandbox();
    const token = (await stableToken(sb)).json.access_token;
    const first = await get(sb, `/cgi-bin/ticket/getticket?access_token=${token}&type=jsapi`);
    expect(first.contentType).toBe('text/plain');
    expect(first.json).toEqual({ errcode: 0, errmsg: 'ok', ticket: expect.stringMatching(OPAQUE), expires_in: 7200 });
    clock.advance(3_000 * SECOND);
    // Another token of the same app (even of the other kind) gets the same ticket: it is per app.
    const classic = (await classicToken(sb)).json.access_token;
    const again = await get(sb, `/cgi-bin/ticket/getticket?access_token=${classic}&type=jsapi`);
    expect(again.json).toEqual({ errcode: 0, errmsg: 'ok', ticket: first.json.ticket, expires_in: 4200 });
    clock.advance(4_200 * SECOND);
    const fresh = (await stableToken(sb)).json.access_token;
    const renewed = await get(sb, `/cgi-bin/ticket/getticket?access_token=${fresh}&type=jsapi`);
    expect(renewed.json.ticket).not.toBe(first.json.ticket);
    expect(renewed.json.expires_in).toBe(7200);
  });

  it('answers token errors first (41001, 40001), then 40097 for a type other than jsapi', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const token = (await stableToken(sb)).json.access_token;
    const cases: Array<[string, number, string]> = [
      ['?type=jsapi', 41001, 'access_token missing'],
      ['?access_token=&type=jsapi', 41001, 'access_token missing'],
      ['?access_token=garbage&type=x', 40001, 'invalid credential, access_token is invalid or not latest'],
      [`?access_token=${token}&type=wx_card`, 40097, 'invalid args'],
      [`?access_token=${token}`, 40097, 'invalid args'],
    ];
    for (const [q, errcode, text] of cases) {
      const r = await get(sb, `/cgi-bin/ticket/getticket${q}`);
      expect(r.json.errcode, q).toBe(errcode);
      expect(r.json.errmsg.startsWith(`${text}, rid: `)).toBe(true);
      expect(r.json.errmsg).toMatch(RID);
    }
  });

  it('refuses a WeCom token (40001): it is unknown to api.weixin.qq.com', async () => {
    const sb = await sandbox();
    await registerAgent(sb);
    const wecom = (await wecomToken(sb)).json.access_token;
    expect((await get(sb, `/cgi-bin/ticket/getticket?access_token=${wecom}&type=jsapi`)).json.errcode).toBe(40001);
  });
});

describe('/wxa/business/getuserphonenumber', () => {
  it('reveals the phone of the code, once', async () => {
    const { sb, clock } = await appSandbox({ start: Date.UTC(2024, 0, 1, 12, 0, 0, 700) });
    const { openid } = await login(sb);
    const token = (await stableToken(sb)).json.access_token;
    const code = await phoneCode(sb, openid);
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    clock.advance(10 * SECOND);
    const r = await phoneNumber(sb, token, { code, openid });
    expect(r.status).toBe(200);
    expect(r.contentType).toBe('text/plain');
    expect(r.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
        // The time the user tapped the button, i.e. when the code was minted.
        watermark: { timestamp: Date.UTC(2024, 0, 1, 12, 0, 0) / 1000, appid: APPID },
      },
    });
    const reused = await phoneNumber(sb, token, { code });
    expect(reused.json.errcode).toBe(40029);
    expect(reused.json.errmsg).toMatch(/^invalid code, rid: /);
  });

  it('splits foreign numbers into country code and pure number', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const { openid } = await login(sb);
    const token = (await classicToken(sb)).json.access_token;
    for (const [phone, pure, cc] of [
      ['+1 4155550100', '4155550100', '1'],
      ['+44 7700900123', '7700900123', '44'],
      ['+86 13800138000', '13800138000', '86'],
    ]) {
      const info = (await phoneNumber(sb, token, { code: await phoneCode(sb, openid, phone) })).json.phone_info;
      expect(info.phoneNumber).toBe(phone);
      expect(info.purePhoneNumber).toBe(pure);
      expect(info.countryCode).toBe(cc);
    }
  });

  it('expires codes after 300 s (40029)', async () => {
    const { sb, clock } = await appSandbox();
    const { openid } = await login(sb);
    const fresh = await phoneCode(sb, openid);
    const stale = await phoneCode(sb, openid);
    clock.advance(300 * SECOND);
    const token = (await stableToken(sb)).json.access_token;
    expect((await phoneNumber(sb, token, { code: fresh })).json.errcode).toBe(0);
    clock.advance(1);
    expect((await phoneNumber(sb, token, { code: stale })).json.errcode).toBe(40029);
    // Pruned by a later mint, still invalid.
    await phoneCode(sb, openid);
    expect((await phoneNumber(sb, token, { code: stale })).json.errcode).toBe(40029);
  });

  it('answers 40029 for an unknown code or another user, without consuming it', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const alice = (await login(sb, { openid: 'oAlice' })).openid;
    await login(sb, { openid: 'oBob' });
    const token = (await stableToken(sb)).json.access_token;
    const code = await phoneCode(sb, alice);
    expect((await phoneNumber(sb, token, { code: 'f'.repeat(64) })).json.errcode).toBe(40029);
    expect((await phoneNumber(sb, token, { code, openid: 'oBob' })).json.errcode).toBe(40029);
    expect((await phoneNumber(sb, token, { code, openid: 'oAlice' })).json.errcode).toBe(0);
  });

  it("answers 40013 for another app's code, which stays usable by its own app", async () => {
    const sb = await sandbox();
    await registerApp(sb);
    await registerApp(sb, OTHER_APPID, OTHER_SECRET);
    const { openid } = await login(sb);
    const code = await phoneCode(sb, openid);
    const otherToken = (await stableToken(sb, { appid: OTHER_APPID, secret: OTHER_SECRET })).json.access_token;
    const r = await phoneNumber(sb, otherToken, { code });
    expect(r.json.errcode).toBe(40013);
    expect(r.json.errmsg).toMatch(/^invalid appid, rid: /);
    const token = (await stableToken(sb)).json.access_token;
    expect((await phoneNumber(sb, token, { code })).json.phone_info.watermark.appid).toBe(APPID);
  });

  it('checks the token before the code, and the body shape', async () => {
    const { sb, clock } = await appSandbox();
    const { openid } = await login(sb);
    const token = (await stableToken(sb)).json.access_token;
    const code = await phoneCode(sb, openid);
    expect((await phoneNumber(sb, undefined, { code })).json.errcode).toBe(41001);
    expect((await phoneNumber(sb, 'garbage', { code })).json.errcode).toBe(40001);
    expect((await phoneNumber(sb, token, 'not json')).json.errcode).toBe(47001);
    expect((await phoneNumber(sb, token, { code: 5 })).json.errcode).toBe(47001);
    expect((await phoneNumber(sb, token, {})).json.errcode).toBe(41008);
    clock.advance(7200 * SECOND);
    expect((await phoneNumber(sb, token, { code })).json.errcode).toBe(42001);
    // GET is refused like stable_token's.
    expect((await get(sb, `/wxa/business/getuserphonenumber?access_token=${token}`)).json.errcode).toBe(43002);
  });

  it('phone_code needs an existing user and a phone-shaped number (400 otherwise)', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const { openid } = await login(sb);
    for (const body of [
      { appid: APPID, openid: 'oNobody', phone: '13800138000' },
      { appid: 'wxunknown', openid, phone: '13800138000' },
      { appid: APPID, openid },
      { appid: APPID, openid, phone: '+1-415-555-0100' },
      { appid: APPID, openid, phone: '+1 ' },
      { appid: APPID, openid, phone: 13800138000 },
    ]) {
      const r = await post(sb, '/__sandbox/phone_code', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(typeof r.json.error).toBe('string');
    }
  });
});
