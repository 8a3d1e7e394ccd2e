// A Wafer 1 business server, unmodified: the real qcloud-weapp-server-sdk (LoginService) pointed at the
// app-bound endpoint /mina_auth/<appid>, driven the way the Wafer 1 client SDK drives it (X-WX-* headers).
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../src/http/server.js';
import { DIALECTS } from '../helpers/db.js';
import { recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

const MAGIC = 'F2C224D4-2BCE-4C64-AF9F-A6D872000D1A';
const wafer = createRequire(import.meta.url)('qcloud-weapp-server-sdk') as {
  config: (o: Record<string, string>) => void;
  LoginService: { create(req: unknown, res: unknown): { login(): Promise<{ userInfo: unknown }>; check(): Promise<{ userInfo: unknown }> } };
};

describe.each(DIALECTS)('an unmodified Wafer 1 business server on %s', (dialect) => {
  let w: World;
  let business: Server;
  let base = '';
  let appid = '';

  beforeAll(async () => {
    w = await startWorld(dialect);
    ({ appid } = await w.addApp());
    wafer.config({ ServerHost: '127.0.0.1', AuthServerUrl: `${w.base}/mina_auth/${appid}`, TunnelServerUrl: 'http://127.0.0.1:1', TunnelSignatureKey: 'unused-here' });
    // The business server of the Wafer 1 demo: /login logs in, /user answers with the checked user's info.
    business = createServer((req, res) => {
      const service = wafer.LoginService.create(req, res);
      if (req.url === '/login') service.login().catch(() => {});
      else service.check().then(({ userInfo }) => res.end(JSON.stringify({ code: 0, data: { userInfo } })), () => {});
    });
    base = `http://127.0.0.1:${await listen(business, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await new Promise((r) => business?.close(r));
    await w?.close();
  });

  const get = async (path: string, headers: Record<string, string>) => (await fetch(base + path, { headers })).json() as Promise<any>;

  it('logs in with X-WX-Code/-Encrypted-Data/-IV, then checks the session with X-WX-Id/-Skey', async () => {
    const { code, openid } = await w.wxLogin(appid);
    const profile = { nickName: 'Wafer', gender: 1, openId: openid };
    const { encrypt_data, iv } = await w.encrypt(appid, openid, profile);

    const login = await get('/login', { 'X-WX-Code': code, 'X-WX-Encrypted-Data': encrypt_data, 'X-WX-IV': iv });
    expect(Object.keys(login)).toEqual([MAGIC, 'session']);
    expect(login[MAGIC]).toBe(1);
    const { id, skey } = login.session;
    recordSecret(skey);

    const user = await get('/user', { 'X-WX-Id': id, 'X-WX-Skey': skey });
    expect(user.data.userInfo).toMatchObject(profile);
    expect(user.data.userInfo.watermark.appid).toBe(appid);
  });

  it('sees a bad session as ERR_INVALID_SESSION, so the client logs in again', async () => {
    const { code, openid } = await w.wxLogin(appid);
    const { encrypt_data, iv } = await w.encrypt(appid, openid, { nickName: 'X' });
    const { session } = await get('/login', { 'X-WX-Code': code, 'X-WX-Encrypted-Data': encrypt_data, 'X-WX-IV': iv });
    recordSecret(session.skey);
    const bad = await get('/user', { 'X-WX-Id': session.id, 'X-WX-Skey': 'f'.repeat(32) });
    expect(bad).toMatchObject({ [MAGIC]: 1, error: 'ERR_INVALID_SESSION' });
    expect(bad.message).toContain('60012');
  });

  it('reports a spent code as ERR_LOGIN_FAILED with the gateway code in the message', async () => {
    const block = 'A'.repeat(22) + '==';
    const failed = await get('/login', { 'X-WX-Code': 'not-a-code', 'X-WX-Encrypted-Data': block, 'X-WX-IV': block });
    expect(failed).toMatchObject({ [MAGIC]: 1, error: 'ERR_LOGIN_FAILED' });
    expect(failed.message).toContain('40029 - WEIXIN_CODE_ERR');
  });
});
