// The /__sandbox control API: apps, login and key rotation, encrypt, users, stats, reset, bad input.
import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { APPID, SECRET, appSandbox, code2session, get, login, post, registerApp, sandbox } from './helpers.js';

describe('control API', () => {
  it('re-posting an app replaces its secret', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    await registerApp(sb, APPID, 'new-secret');
    const { code } = await login(sb);
    expect((await code2session(sb, code, APPID, SECRET)).json.errcode).toBe(40125);
    expect((await code2session(sb, code, APPID, 'new-secret')).json.session_key).toBeDefined();
  });

  it('pins a given session_key (official vector) and exposes the user via /__sandbox/users', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const minted = await login(sb, { openid: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE', session_key: 'tiihtNczf5v6AKRyjwEUhQ==' });
    expect(minted.session_key).toBe('tiihtNczf5v6AKRyjwEUhQ==');
    const r = await get(sb, `/__sandbox/users?appid=${APPID}&openid=oGZUI0egBJY1zhBYw2KhdUfwVJJE`);
    expect(r.status).toBe(200);
    expect(r.contentType).toBe('application/json');
    expect(r.json).toEqual({ openid: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE', unionid: null, session_key: 'tiihtNczf5v6AKRyjwEUhQ==' });
    expect((await code2session(sb, minted.code)).json.session_key).toBe('tiihtNczf5v6AKRyjwEUhQ==');

    const missing = await get(sb, `/__sandbox/users?appid=${APPID}&openid=oNobody`);
    expect(missing.status).toBe(404);
    expect((await get(sb, '/__sandbox/users?appid=x')).status).toBe(400);
  });

  it('keeps the session_key within keyRotationMs and rotates it after', async () => {
    const { sb, clock } = await appSandbox({ keyRotationMs: 60_000 });
    const first = await login(sb, { openid: 'oRot' });
    clock.advance(59_999);
    const kept = await login(sb, { openid: 'oRot' });
    expect(kept.session_key).toBe(first.session_key);
    clock.advance(1);
    const rotated = await login(sb, { openid: 'oRot' });
    expect(rotated.session_key).not.toBe(first.session_key);
    // jscode2session hands out the CURRENT key, even for a code minted before the rotation.
    expect((await code2session(sb, first.code)).json.session_key).toBe(rotated.session_key);
    // A given session_key wins regardless of the interval, and restarts it.
    const pinned = await login(sb, { openid: 'oRot', session_key: 'tiihtNczf5v6AKRyjwEUhQ==' });
    expect(pinned.session_key).toBe('tiihtNczf5v6AKRyjwEUhQ==');
    expect((await login(sb, { openid: 'oRot' })).session_key).toBe('tiihtNczf5v6AKRyjwEUhQ==');
  });

  it('rotates on every login with keyRotationMs 0', async () => {
    const sb = await sandbox({ keyRotationMs: 0, now: () => 1_000 });
    await registerApp(sb);
    const a = await login(sb, { openid: 'oRot' });
    const b = await login(sb, { openid: 'oRot' });
    expect(b.session_key).not.toBe(a.session_key);
  });

  it('stores a unionid given on a later login', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    await login(sb, { openid: 'oU' });
    const { code } = await login(sb, { openid: 'oU', unionid: 'oUnion' });
    expect((await code2session(sb, code)).json.unionid).toBe('oUnion');
  });

  it('encrypts open data under the current session_key with a fresh watermark', async () => {
    const sb = await sandbox({ now: () => 1_700_000_000_123 });
    await registerApp(sb);
    const { openid, session_key } = await login(sb);
    const data = { phoneNumber: '13580006666', countryCode: '86', watermark: { appid: 'forged', timestamp: 1 } };
    const r = await post(sb, '/__sandbox/encrypt', { appid: APPID, openid, data });
    expect(r.status).toBe(200);
    const iv = Buffer.from(r.json.iv, 'base64');
    expect(iv).toHaveLength(16);
    const decipher = createDecipheriv('aes-128-cbc', Buffer.from(session_key, 'base64'), iv);
    const plain = Buffer.concat([decipher.update(r.json.encrypt_data, 'base64'), decipher.final()]).toString('utf8');
    expect(JSON.parse(plain)).toEqual({
      phoneNumber: '13580006666',
      countryCode: '86',
      watermark: { appid: APPID, timestamp: 1_700_000_000 },
    });
    // A fresh IV each time, like the real client.
    const again = await post(sb, '/__sandbox/encrypt', { appid: APPID, openid, data });
    expect(again.json.iv).not.toBe(r.json.iv);
  });

  it('counts every upstream call per path and appid, exactly in the PROTOCOL §7 shape', async () => {
    const sb = await sandbox();
    expect((await get(sb, '/__sandbox/stats')).json).toEqual({ calls: {} });
    await registerApp(sb);
    const { code } = await login(sb);
    await code2session(sb, code);
    await code2session(sb, code); // 40163 counts too
    await code2session(sb, code, 'wxunknown'); // 40013 counts under its own appid
    await get(sb, '/sns/jscode2session'); // no appid → "-"
    await post(sb, '/__sandbox/faults', { path: '/sns/jscode2session', mode: 'http500' });
    await code2session(sb, code); // faults count too
    await get(sb, '/not/upstream'); // unknown paths are not upstream paths
    const r = await get(sb, '/__sandbox/stats');
    expect(r.contentType).toBe('application/json');
    expect(r.json).toEqual({ calls: { '/sns/jscode2session': { [APPID]: 3, wxunknown: 1, '-': 1 } } });
  });

  it('reset forgets apps, users, codes, faults and stats', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const { code, openid } = await login(sb);
    await code2session(sb, 'x');
    await post(sb, '/__sandbox/faults', { path: '/sns/jscode2session', mode: 'garbage', times: 5 });
    const r = await post(sb, '/__sandbox/reset', undefined);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true });
    expect((await get(sb, '/__sandbox/stats')).json).toEqual({ calls: {} });
    expect((await get(sb, `/__sandbox/users?appid=${APPID}&openid=${openid}`)).status).toBe(404);
    expect((await post(sb, '/__sandbox/login', { appid: APPID })).status).toBe(400);
    const after = await code2session(sb, code);
    expect(after.json.errcode).toBe(40013); // no garbage fault left, app gone
    await registerApp(sb);
    expect((await code2session(sb, code)).json.errcode).toBe(40029); // code gone
  });

  it('rejects bad control input with 400 {error}', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const { openid } = await login(sb);
    const bad: Array<[string, unknown]> = [
      ['/__sandbox/apps', '{not json'],
      ['/__sandbox/apps', [1, 2]],
      ['/__sandbox/apps', 'null'],
      ['/__sandbox/apps', {}],
      ['/__sandbox/apps', { appid: APPID }],
      ['/__sandbox/apps', { appid: 5, secret: 's' }],
      ['/__sandbox/apps', { appid: 'wx1', secret: 's', type: 'app' }],
      ['/__sandbox/apps', { appid: 'x'.repeat(300), secret: 's' }],
      ['/__sandbox/login', {}],
      ['/__sandbox/login', { appid: 'wxunknown' }],
      ['/__sandbox/login', { appid: APPID, openid: '' }],
      ['/__sandbox/login', { appid: APPID, unionid: 7 }],
      ['/__sandbox/login', { appid: APPID, session_key: 'short' }],
      ['/__sandbox/encrypt', { appid: APPID, openid }],
      ['/__sandbox/encrypt', { appid: APPID, openid, data: 'str' }],
      ['/__sandbox/encrypt', { appid: APPID, openid, data: [1] }],
      ['/__sandbox/encrypt', { appid: APPID, openid: 'oNobody', data: {} }],
      ['/__sandbox/faults', { path: '/sns/jscode2session' }],
      ['/__sandbox/faults', { path: '/nope', mode: 'timeout' }],
      ['/__sandbox/faults', { path: '/sns/jscode2session', mode: 'slow' }],
      ['/__sandbox/faults', { path: '/sns/jscode2session', mode: 'errcode', errcode: 'x' }],
      ['/__sandbox/faults', { path: '/sns/jscode2session', mode: 'errcode', times: 0 }],
      ['/__sandbox/faults', { path: '/sns/jscode2session', mode: 'errcode', times: 1.5 }],
    ];
    for (const [path, body] of bad) {
      const r = await post(sb, path, body);
      expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(r.contentType).toBe('application/json');
      expect(typeof r.json.error).toBe('string');
      expect(r.json.error.length).toBeGreaterThan(0);
    }
    // Nothing above broke the server or its state.
    expect((await code2session(sb, (await login(sb)).code)).json.session_key).toBeDefined();
  });

  it('caps control bodies at 64 KiB (413) and survives it', async () => {
    const sb = await sandbox();
    const big = JSON.stringify({ appid: APPID, secret: 'x'.repeat(70 * 1024) });
    const r = await post(sb, '/__sandbox/apps', big);
    expect(r.status).toBe(413);
    expect(typeof r.json.error).toBe('string');
    expect((await post(sb, '/__sandbox/apps', { appid: APPID, secret: SECRET })).status).toBe(200);
  });

  it('answers unknown control paths with 404 and wrong methods with 405, both JSON', async () => {
    const sb = await sandbox();
    const unknown = await post(sb, '/__sandbox/nope', {});
    expect(unknown.status).toBe(404);
    expect(typeof unknown.json.error).toBe('string');
    const wrong = await get(sb, '/__sandbox/login');
    expect(wrong.status).toBe(405);
    expect(typeof wrong.json.error).toBe('string');
    expect((await post(sb, '/__sandbox/stats', {})).status).toBe(405);
  });
});
