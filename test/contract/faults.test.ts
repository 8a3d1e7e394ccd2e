// Upstream faults leave nothing half-done: no session for a failed exchange, no token overwritten by a failed
// fetch; slow answers within the timeout succeed, slower ones answer 1005 within the configured bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.js';
import { expectFailure } from '../helpers/expect.js';
import { recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

describe.each(DIALECTS)('upstream faults on %s', (dialect) => {
  let w: World;
  let key = '';
  beforeAll(async () => {
    w = await startWorld(dialect, { sharedClock: true });
    ({ key } = await w.callerKey('faults', ['qcloud.*:*']));
  });
  afterAll(async () => { await w?.close(); });

  const sessionsOf = async (appid: string) => (await w.deps.store.db.selectFrom('sessions').select('id').where('appid', '=', appid).execute()).length;
  const usersOf = async (appid: string) => (await w.deps.store.db.selectFrom('users').select('openid').where('appid', '=', appid).execute()).length;

  it.each([
    ['a timeout', 'timeout', undefined, 1005],
    ['HTTP 500', 'http500', undefined, 1005],
    ['errcode -1', 'errcode', -1, 1005],
    ['45011', 'errcode', 45011, 2004],
    ['a garbage body', 'garbage', undefined, 1007],
  ])('a login failing with %s creates no session and no user', async (_what, mode, errcode, code) => {
    const { appid } = await w.addApp();
    const { code: loginCode } = await w.wxLogin(appid);
    await w.fault('/sns/jscode2session', mode, { errcode });
    const started = Date.now();
    const env = await w.call('qcloud.cam.id_skey', { appid, code: loginCode });
    expect(env.returnCode).toBe(code);
    // Within the configured upstream timeout (1000 ms in the world) plus a margin; the code is never re-sent.
    expect(Date.now() - started).toBeLessThan(1000 + 2000);
    expect((await w.stats()).calls['/sns/jscode2session']?.[appid]).toBe(1);
    expect(await sessionsOf(appid)).toBe(0);
    expect(await usersOf(appid)).toBe(0);
  });

  it('keeps the current token when a refresh-ahead fetch fails, and never writes the failure', async () => {
    const { appid } = await w.addApp();
    const first = await w.callWithKey(key, 'qcloud.mimi.access_token', { appid });
    recordSecret(first.returnData.access_token);
    const row = () => w.deps.store.db.selectFrom('credentials').selectAll().where('kind', '=', 'mp_token').where('owner', '=', appid).executeTakeFirstOrThrow();
    const before = await row();
    w.clock.advance(7200 - 299);
    w.deps.credentialMemo.cache.clear();
    await w.fault('/cgi-bin/stable_token', 'errcode', { errcode: -1, times: 3 });
    const during = await w.callWithKey(key, 'qcloud.mimi.access_token', { appid });
    expect(during).toMatchObject({ returnCode: 0, returnMessage: 'OLD_TOKEN_SUCCESS', returnData: { access_token: first.returnData.access_token } });
    const after = await row();
    expect({ value: after.value_sealed, generation: after.generation, lease: after.lease_until }).toEqual({ value: before.value_sealed, generation: before.generation, lease: 0 });
  });

  it('answers slow WeChat within the timeout, and 1005 within the bound when it is slower', async () => {
    const slow = await startWorld(dialect, { sandbox: { latencyMs: 300 } });
    const slower = await startWorld(dialect, { sandbox: { latencyMs: 1500 } });
    try {
      const a = (await slow.addApp()).appid;
      expect((await slow.call('qcloud.cam.id_skey', { appid: a, code: (await slow.wxLogin(a)).code })).returnCode).toBe(0);
      const b = (await slower.addApp()).appid;
      const started = Date.now();
      expectFailure(await slower.call('qcloud.cam.id_skey', { appid: b, code: (await slower.wxLogin(b)).code }), 1005, 'WEIXIN_NET_ERR');
      expect(Date.now() - started).toBeLessThan(1000 + 2000);
      expect(await slower.deps.store.db.selectFrom('sessions').select('id').where('appid', '=', b).execute()).toHaveLength(0);
    } finally {
      await slow.close();
      await slower.close();
    }
  });
});
