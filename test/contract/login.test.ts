// qcloud.cam.id_skey against both store dialects: sessions, the repeat-safe exchange, WeChat error mapping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.js';
import { startWorld, type World } from '../helpers/world.js';

describe.each(DIALECTS)('qcloud.cam.id_skey on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await startWorld(dialect); });
  afterAll(async () => { await w?.close(); });

  it('creates a new user, then a second session for the same user (two devices)', async () => {
    const { appid } = await w.addApp();
    const { code, openid } = await w.wxLogin(appid);
    const first = await w.call('qcloud.cam.id_skey', { appid, code });
    expect(first.returnCode).toBe(0);
    expect(first.returnMessage).toBe('NEW_SESSION_SUCCESS');
    expect(Object.keys(first.returnData)).toEqual(['id', 'skey', 'appid', 'openid', 'unionid', 'user_info', 'duration', 'expires_at']);
    expect(first.returnData).toMatchObject({ appid, openid, unionid: null, user_info: null, duration: 2592000, expires_at: w.clock.now() + 30 * 86400 });
    expect(first.returnData.id).toMatch(/^[0-9a-f]{32}$/);
    expect(first.returnData.skey).toMatch(/^[0-9a-f]{32}$/);

    const second = await w.login(appid, { openid });
    expect(second.id).not.toBe(first.returnData.id);
    const again = await w.call('qcloud.cam.id_skey', { appid, code: (await w.wxLogin(appid, { openid })).code });
    expect(again.returnMessage).toBe('UPDATE_SESSION_SUCCESS');
    for (const s of [first.returnData, second]) {
      expect((await w.call('qcloud.cam.auth', { id: s.id, skey: s.skey })).returnCode).toBe(0);
    }
  });
});
