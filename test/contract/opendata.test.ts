// qcloud.cam.decrypt / qcloud.cam.userinfo and the Wafer 1 login with user data, on both store dialects:
// the official (and derived) WeChat vectors, the watermark, stale keys, malformed input, and the rule that a
// session_key never leaves the gateway.
import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, expectSuccess, type Reply } from '../helpers/expect.js';
import { DIALECTS } from '../helpers/db.js';
import { recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

interface Vector { appid: string; session_key: string; iv: string; encrypted_data: string; plaintext: string }
const vectors = JSON.parse(readFileSync(new URL('../fixtures/wechat-vectors.json', import.meta.url), 'utf8')) as Record<string, Vector>;
const OFFICIAL = vectors.decrypt_official!;
const VECTORS = ['decrypt_official', 'decrypt_phone_derived', 'decrypt_werun_derived'] as const;
const OFFICIAL_DATA = { encrypt_data: OFFICIAL.encrypted_data, iv: OFFICIAL.iv };

interface Session { id: string; skey: string; appid: string; openid: string; unionid: string | null; user_info: unknown }



const b64 = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');

/** Encrypts like the WeChat client (AES-128-CBC, PKCS#7) under a known session_key, for hand-made plaintexts. */
function encryptUnder(sessionKey: string, plaintext: string | Buffer): { encrypt_data: string; iv: string } {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv);
  return { encrypt_data: Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext) : plaintext), cipher.final()]).toString('base64'), iv: iv.toString('base64') };
}

describe.each(DIALECTS)('open data on %s', (dialect) => {
  let w: World;
  /** Every raw response body of this suite, and every session_key the sandbox handed out. */
  const bodies: string[] = [];
  const sessionKeys = new Set<string>([OFFICIAL.session_key]);

  beforeAll(async () => {
    w = await startWorld(dialect);
    await w.addApp({ appid: OFFICIAL.appid, watermark_max_age: 0 });
  });
  afterAll(async () => { await w?.close(); });

  async function call(name: string, para: Record<string, unknown>): Promise<Reply> {
    const reply = await w.request('/mina_auth', {
      body: JSON.stringify({ version: 1, componentName: 'MA', interface: { interfaceName: name, para } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.status).toBe(200);
    bodies.push(reply.text);
    recordSecret(reply.json?.returnData?.skey);
    return reply.json as Reply;
  }
  async function wxLogin(appid: string, user: { openid?: string; session_key?: string } = {}) {
    const out = await w.wxLogin(appid, user);
    sessionKeys.add(out.session_key);
    return out;
  }
  async function login(appid: string, user: { openid?: string; session_key?: string } = {}): Promise<Session> {
    const { code } = await wxLogin(appid, user);
    const env = await call('qcloud.cam.id_skey', { appid, code });
    expect(env.returnCode, env.detail).toBe(0);
    return env.returnData as Session;
  }
  const withSession = (s: Session, data: { encrypt_data: string; iv: string }) => ({ id: s.id, skey: s.skey, ...data });
  const decrypt = (s: Session, data: { encrypt_data: string; iv: string }) => call('qcloud.cam.decrypt', withSession(s, data));
  const loginCalls = async (appid: string) => (await w.stats()).calls['/sns/jscode2session']?.[appid] ?? 0;

  it.each(VECTORS)('decrypts the %s vector', async (name) => {
    const v = vectors[name]!;
    const s = await login(OFFICIAL.appid, { session_key: v.session_key });
    const env = await decrypt(s, { encrypt_data: v.encrypted_data, iv: v.iv });
    expectSuccess(env, 'DECRYPT_SUCCESS');
    expect(env.returnData).toEqual(JSON.parse(v.plaintext));
  });

  it('stores the user info of a Wafer 1 login (code + encrypt_data + iv)', async () => {
    const { code } = await wxLogin(OFFICIAL.appid, { session_key: OFFICIAL.session_key });
    const env = await call('qcloud.cam.id_skey', { appid: OFFICIAL.appid, code, ...OFFICIAL_DATA });
    expectSuccess(env, 'NEW_SESSION_SUCCESS');
    const plain = JSON.parse(OFFICIAL.plaintext);
    expect(env.returnData.user_info).toEqual(plain);
    expect(env.returnData.unionid).toBe(plain.unionId);

    const later = await call('qcloud.cam.auth', { id: env.returnData.id, skey: env.returnData.skey });
    expectSuccess(later, 'AUTH_SUCCESS');
    expect(later.returnData.user_info).toEqual(plain);
    expect(later.returnData.unionid).toBe(plain.unionId);
  });

  it('logs a Java SDK client in (encrypt_data without iv) with user_info null', async () => {
    const { code } = await wxLogin(OFFICIAL.appid, { session_key: OFFICIAL.session_key });
    const env = await call('qcloud.cam.id_skey', { appid: OFFICIAL.appid, code, encrypt_data: OFFICIAL.encrypted_data });
    expectSuccess(env, 'NEW_SESSION_SUCCESS');
    expect(env.returnData).toMatchObject({ user_info: null, unionid: null });
    const later = await call('qcloud.cam.auth', { id: env.returnData.id, skey: env.returnData.skey });
    expect(later.returnData).toMatchObject({ user_info: null, unionid: null });
  });

  it('stores user info from qcloud.cam.userinfo and returns it on auth', async () => {
    const { appid } = await w.addApp();
    const s = await login(appid);
    const data = await w.encrypt(appid, s.openid, { nickName: 'X', unionId: 'u1' });
    const env = await call('qcloud.cam.userinfo', withSession(s, data));
    expectSuccess(env, 'UPDATE_USERINFO_SUCCESS');
    expect(Object.keys(env.returnData)).toEqual(['id', 'appid', 'user_info']);
    const userInfo = { nickName: 'X', unionId: 'u1', watermark: { appid, timestamp: expect.any(Number) } };
    expect(env.returnData).toEqual({ id: s.id, appid, user_info: userInfo });

    const later = await call('qcloud.cam.auth', { id: s.id, skey: s.skey });
    expectSuccess(later, 'AUTH_SUCCESS');
    expect(later.returnData.user_info).toEqual(env.returnData.user_info);
    expect(later.returnData.unionid).toBe('u1');
  });

  it('answers 60022 for data encrypted under a session_key a later login replaced', async () => {
    const { appid } = await w.addApp();
    const first = await wxLogin(appid);
    const login1 = await call('qcloud.cam.id_skey', { appid, code: first.code });
    expect(login1.returnCode, login1.detail).toBe(0);
    const s = login1.returnData as Session;
    const old = await w.encrypt(appid, s.openid, { stepInfoList: [] });
    expectSuccess(await decrypt(s, old), 'DECRYPT_SUCCESS');

    // The worlds' sandbox rotates the key on every wx.login; the gateway learns the new one at the next id_skey.
    const second = await wxLogin(appid, { openid: s.openid });
    expect(second.session_key).not.toBe(first.session_key);
    expect((await call('qcloud.cam.id_skey', { appid, code: second.code })).returnCode).toBe(0);

    expectFailure(await decrypt(s, old), 60022, 'SESSION_KEY_STALE');
    expectFailure(await call('qcloud.cam.userinfo', withSession(s, old)), 60022, 'SESSION_KEY_STALE');
    // The same (first) session decrypts data made under the new key: the key belongs to the user, not the session.
    expectSuccess(await decrypt(s, await w.encrypt(appid, s.openid, { stepInfoList: [] })), 'DECRYPT_SUCCESS');
  });

  it('answers 60021 for data whose watermark names another app, and does not log in with it', async () => {
    const { appid } = await w.addApp({ watermark_max_age: 0 });
    const s = await login(appid, { session_key: OFFICIAL.session_key });
    const env = await decrypt(s, OFFICIAL_DATA);
    expectFailure(env, 60021, 'DECRYPT_FAIL');
    expect(env.detail).toContain('watermark.appid');
    expectFailure(await call('qcloud.cam.userinfo', withSession(s, OFFICIAL_DATA)), 60021, 'DECRYPT_FAIL');

    const { code } = await wxLogin(appid, { session_key: OFFICIAL.session_key });
    expectFailure(await call('qcloud.cam.id_skey', { appid, code, ...OFFICIAL_DATA }), 60021, 'DECRYPT_FAIL');
    expect((await w.deps.store.db.selectFrom('sessions').select('id').where('appid', '=', appid).execute()).length).toBe(1);
  });

  it('answers 60021 for data older than the app\'s watermark_max_age', async () => {
    const s = await login(OFFICIAL.appid, { session_key: OFFICIAL.session_key });
    expectSuccess(await decrypt(s, OFFICIAL_DATA), 'DECRYPT_SUCCESS');
    // The official vector's watermark is from 2016.
    await w.addApp({ appid: OFFICIAL.appid, watermark_max_age: 86400 });
    try {
      const env = await decrypt(s, OFFICIAL_DATA);
      expectFailure(env, 60021, 'DECRYPT_FAIL');
      expect(env.detail).toContain('watermark.timestamp');
    } finally {
      await w.addApp({ appid: OFFICIAL.appid, watermark_max_age: 0 });
    }
  });

  it.each([
    ['no watermark', { nickName: 'X' }],
    ['a watermark without a timestamp', { watermark: { appid: OFFICIAL.appid } }],
    ['a watermark with a string timestamp', { watermark: { appid: OFFICIAL.appid, timestamp: '1477314187' } }],
  ])('answers 60021 for data with %s', async (_what, plain) => {
    const s = await login(OFFICIAL.appid, { session_key: OFFICIAL.session_key });
    expectFailure(await decrypt(s, encryptUnder(OFFICIAL.session_key, JSON.stringify(plain))), 60021, 'DECRYPT_FAIL');
  });

  it.each([
    ['text that is not JSON', 'not json at all', 60021, 'DECRYPT_FAIL'],
    ['a JSON array', '[1,2]', 60021, 'DECRYPT_FAIL'],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x7b]), 60022, 'SESSION_KEY_STALE'],
  ])('tells malformed plaintext (60021) from undecryptable data (60022): %s', async (_what, plain, code, message) => {
    const s = await login(OFFICIAL.appid, { session_key: OFFICIAL.session_key });
    expectFailure(await decrypt(s, encryptUnder(OFFICIAL.session_key, plain)), code, message);
  });

  it.each([
    ['an iv of 15 bytes', { encrypt_data: OFFICIAL.encrypted_data, iv: b64(15) }, 'para.iv'],
    ['an iv of 17 bytes', { encrypt_data: OFFICIAL.encrypted_data, iv: b64(17) }, 'para.iv'],
    ['an iv that is not base64', { encrypt_data: OFFICIAL.encrypted_data, iv: '!'.repeat(22) + '==' }, 'para.iv'],
    ['encrypt_data of 20 bytes', { encrypt_data: b64(20), iv: OFFICIAL.iv }, 'para.encrypt_data'],
    ['encrypt_data that is not base64', { encrypt_data: 'not base64!', iv: OFFICIAL.iv }, 'para.encrypt_data'],
  ])('answers 1003 for %s', async (_what, data, field) => {
    const s = await login(OFFICIAL.appid, { session_key: OFFICIAL.session_key });
    for (const name of ['qcloud.cam.decrypt', 'qcloud.cam.userinfo']) {
      const env = await call(name, withSession(s, data));
      expectFailure(env, 1003, 'PARA_ERR');
      expect(env.detail).toContain(field);
    }
  });

  it('refuses malformed login data with 1003 before spending the code', async () => {
    const { appid } = await w.addApp();
    const { code } = await wxLogin(appid);
    for (const data of [{ encrypt_data: b64(20), iv: b64(16) }, { encrypt_data: b64(32), iv: b64(12) }]) {
      expectFailure(await call('qcloud.cam.id_skey', { appid, code, ...data }), 1003, 'PARA_ERR');
    }
    expect(await loginCalls(appid)).toBe(0);
    expectSuccess(await call('qcloud.cam.id_skey', { appid, code }), 'NEW_SESSION_SUCCESS');
    expect(await loginCalls(appid)).toBe(1);
  });

  it('never returns a session_key (raw response bodies of this suite)', () => {
    expect(bodies.length).toBeGreaterThan(20);
    expect(sessionKeys.size).toBeGreaterThan(2);
    for (const key of sessionKeys) {
      const forms = [key, Buffer.from(key, 'base64').toString('hex'), Buffer.from(key, 'base64').toString('base64url')];
      for (const form of forms) expect(bodies.filter((b) => b.includes(form)), form.slice(0, 4)).toEqual([]);
    }
  });
});
