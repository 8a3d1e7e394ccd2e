// Concurrent logins on both store dialects: many first logins of one user, and many copies of one login.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.js';
import { startWorld, type World } from '../helpers/world.js';

describe.each(DIALECTS)('concurrent logins on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await startWorld(dialect); });
  afterAll(async () => { await w?.close(); });

  const idSkey = (appid: string, code: string) => w.call('qcloud.cam.id_skey', { appid, code });
  const rows = async (table: 'users' | 'sessions', appid: string) =>
    (await w.deps.store.db.selectFrom(table).select('openid').where('appid', '=', appid).execute()).length;
  const loginCalls = async (appid: string) => (await w.stats()).calls['/sns/jscode2session']?.[appid];

  it('20 parallel first logins of one user: one NEW_SESSION_SUCCESS, one user, 20 sessions', async () => {
    const { appid } = await w.addApp();
    const openid = 'o' + randomBytes(12).toString('hex');
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) codes.push((await w.wxLogin(appid, { openid })).code);

    const answers = await Promise.all(codes.map((code) => idSkey(appid, code)));
    for (const env of answers) {
      expect(env.returnCode, env.detail).toBe(0);
      expect(env.returnData.openid).toBe(openid);
    }
    expect(answers.map((env) => env.returnMessage).sort()).toEqual(['NEW_SESSION_SUCCESS', ...Array(19).fill('UPDATE_SESSION_SUCCESS')]);
    expect(new Set(answers.map((env) => env.returnData.id)).size).toBe(20);
    expect(await rows('users', appid)).toBe(1);
    expect(await rows('sessions', appid)).toBe(20);
    expect(await loginCalls(appid)).toBe(20);
    for (const env of answers) {
      expect((await w.call('qcloud.cam.auth', { id: env.returnData.id, skey: env.returnData.skey })).returnCode).toBe(0);
    }
  });

  it('10 parallel copies of one login: the same answer for all, one call to WeChat', async () => {
    const { appid } = await w.addApp();
    const { code, openid } = await w.wxLogin(appid);

    const answers = await Promise.all(Array.from({ length: 10 }, () => idSkey(appid, code)));
    const strip = ({ requestId: _requestId, ...rest }: (typeof answers)[number]) => rest;
    const first = strip(answers[0]!);
    expect(first).toMatchObject({ returnCode: 0, returnMessage: 'NEW_SESSION_SUCCESS', returnData: { appid, openid } });
    for (const env of answers) expect(strip(env)).toEqual(first);
    expect(new Set(answers.map((env) => env.requestId)).size).toBe(10);
    expect(await loginCalls(appid)).toBe(1);
    expect(await rows('users', appid)).toBe(1);
    expect(await rows('sessions', appid)).toBe(1);
  });
});
