// qcloud.cam.auth / logout on both store dialects (PROTOCOL §5 "Sessions", §6): absolute and sliding expiry,
// the throttled visit write, logout, app binding, the per-user cap, removed apps, the sweep, and what the
// store keeps in place of secrets.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeApp } from '../../src/services/apps.js';
import { sweep } from '../../src/services/sessions.js';
import { expectFailure, expectSuccess } from '../helpers/expect.js';
import { DIALECTS } from '../helpers/db.js';
import { randomAppid, startWorld, type World } from '../helpers/world.js';

const DAY = 86400;
const DEFAULT_SESSION_DURATION = 2592000;
const AUTH_KEYS = ['id', 'appid', 'openid', 'unionid', 'user_info', 'expires_at'];

interface Session { id: string; skey: string }



const sha256Hex = (v: string) => createHash('sha256').update(v).digest('hex');

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await startWorld(dialect); });
  afterAll(async () => { await w?.close(); });

  const auth = (s: Session, extra: Record<string, unknown> = {}, path?: string) =>
    w.call('qcloud.cam.auth', { id: s.id, skey: s.skey, ...extra }, path);
  const logout = (s: Session, extra: Record<string, unknown> = {}, path?: string) =>
    w.call('qcloud.cam.logout', { id: s.id, skey: s.skey, ...extra }, path);
  const sessionRow = (id: string) =>
    w.deps.store.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  const lastVisit = async (id: string) => Number((await sessionRow(id))?.last_visit_at);
  const rowCount = async (table: 'sessions' | 'login_claims', appid: string) =>
    (await w.deps.store.db.selectFrom(table).select('appid').where('appid', '=', appid).execute()).length;

  it('answers AUTH_SUCCESS with exactly the documented keys', async () => {
    const { appid } = await w.addApp();
    const s = await w.login(appid, { unionid: 'o_union_auth_1' });
    const env = await auth(s);
    expectSuccess(env, 'AUTH_SUCCESS');
    expect(Object.keys(env.returnData)).toEqual(AUTH_KEYS);
    expect(env.returnData).toEqual({
      id: s.id, appid, openid: s.openid, unionid: 'o_union_auth_1', user_info: null,
      expires_at: w.clock.now() + DEFAULT_SESSION_DURATION,
    });
  });

  it('answers 60012 with one and the same detail for an unknown id and a wrong skey', async () => {
    const { appid } = await w.addApp();
    const s = await w.login(appid);
    const unknownId = await auth({ id: 'f'.repeat(32), skey: s.skey });
    const wrongSkey = await auth({ id: s.id, skey: s.skey.replace(/.$/, (c) => (c === '0' ? '1' : '0')) });
    expectFailure(unknownId, 60012, 'AUTH_FAIL');
    expectFailure(wrongSkey, 60012, 'AUTH_FAIL');
    expect(wrongSkey.detail).toBe(unknownId.detail);
    // Ids compare byte for byte (binary collation, §6).
    const upper = await auth({ id: s.id.toUpperCase(), skey: s.skey });
    expectFailure(upper, 60012, 'AUTH_FAIL');
    expect(upper.detail).toBe(unknownId.detail);
    // A wrong guess does not hurt the real session.
    expectSuccess(await auth(s), 'AUTH_SUCCESS');
  });

  it.each([
    ['an id with a space', { id: 'a b', skey: 'abc' }, 'para.id'],
    ['an id longer than 128', { id: 'a'.repeat(129), skey: 'abc' }, 'para.id'],
    ['an empty id', { id: '', skey: 'abc' }, 'para.id'],
    ['a numeric id', { id: 42, skey: 'abc' }, 'para.id'],
    ['a skey with a quote', { id: 'abc', skey: "ab'c" }, 'para.skey'],
    ['a skey longer than 128', { id: 'abc', skey: 'a'.repeat(129) }, 'para.skey'],
    ['no skey', { id: 'abc' }, 'para.skey'],
  ])('answers 1003 for %s', async (_what, para, field) => {
    for (const name of ['qcloud.cam.auth', 'qcloud.cam.logout']) {
      const env = await w.call(name, para);
      expectFailure(env, 1003, 'PARA_ERR');
      expect(env.detail).toContain(field);
    }
  });

  it('ends a session login_duration days after login, however recently it was used', async () => {
    const { appid } = await w.addApp({ login_duration: 1 });
    const t0 = w.clock.now();
    const s = await w.login(appid);
    expect(s.expires_at).toBe(t0 + DAY);
    expect(s.duration).toBe(DEFAULT_SESSION_DURATION);
    w.clock.advance(DAY - 1);
    const ok = await auth(s);
    expectSuccess(ok, 'AUTH_SUCCESS');
    expect(ok.returnData.expires_at).toBe(t0 + DAY);
    w.clock.advance(1);
    expectFailure(await auth(s), 60012, 'AUTH_FAIL');
  });

  it('ends a session session_duration after its last successful auth, and each auth renews it', async () => {
    const { appid } = await w.addApp({ session_duration: 3600 });
    const t0 = w.clock.now();
    const used = await w.login(appid);
    const idle = await w.login(appid, { openid: used.openid });
    expect(used.duration).toBe(3600);
    expect(used.expires_at).toBe(t0 + 30 * DAY);

    w.clock.advance(3000);
    const first = await auth(used);
    expectSuccess(first, 'AUTH_SUCCESS');
    expect(first.returnData.expires_at).toBe(t0 + 3000 + 3600);
    w.clock.advance(3000);
    const renewed = await auth(used);
    expectSuccess(renewed, 'AUTH_SUCCESS');
    expect(renewed.returnData.expires_at).toBe(t0 + 6000 + 3600);
    // The session nobody used in between is past its idle lifetime.
    expectFailure(await auth(idle), 60012, 'AUTH_FAIL');
    w.clock.advance(3600);
    expectFailure(await auth(used), 60012, 'AUTH_FAIL');
  });

  it('writes the last visit at most once a minute', async () => {
    const { appid } = await w.addApp({ session_duration: 3600 });
    const t0 = w.clock.now();
    const s = await w.login(appid);
    expect(await lastVisit(s.id)).toBe(t0);
    w.clock.advance(30);
    const early = await auth(s);
    expectSuccess(early, 'AUTH_SUCCESS');
    expect(early.returnData.expires_at).toBe(t0 + 3600);
    expect(await lastVisit(s.id)).toBe(t0);
    w.clock.advance(30);
    const due = await auth(s);
    expectSuccess(due, 'AUTH_SUCCESS');
    expect(due.returnData.expires_at).toBe(t0 + 60 + 3600);
    expect(await lastVisit(s.id)).toBe(t0 + 60);
  });

  it('logs one session out at once and leaves the same user\'s other session alive', async () => {
    const { appid } = await w.addApp();
    const phone = await w.login(appid);
    const tablet = await w.login(appid, { openid: phone.openid });
    // A wrong skey logs nothing out.
    expectFailure(await logout({ id: tablet.id, skey: phone.skey }), 60012, 'AUTH_FAIL');

    const out = await logout(phone);
    expectSuccess(out, 'LOGOUT_SUCCESS');
    expect(out.returnData).toBe('');
    expectFailure(await auth(phone), 60012, 'AUTH_FAIL');
    expectFailure(await logout(phone), 60012, 'AUTH_FAIL');
    expect(await sessionRow(phone.id)).toBeUndefined();
    expectSuccess(await auth(tablet), 'AUTH_SUCCESS');
  });

  it('binds a session to its app: para.appid and the /mina_auth/<appid> endpoint', async () => {
    const { appid: a } = await w.addApp();
    const { appid: b } = await w.addApp();
    const s = await w.login(a);

    expectFailure(await auth(s, { appid: b }), 60012, 'AUTH_FAIL');
    expectFailure(await auth(s, { appid: randomAppid() }), 1012, 'NO_APPID');
    expectFailure(await auth(s, { appid: a.toUpperCase() }), 1012, 'NO_APPID');
    expectFailure(await auth(s, {}, `/mina_auth/${b}`), 60012, 'AUTH_FAIL');
    expectFailure(await auth(s, {}, `/mina_auth/${randomAppid()}`), 1012, 'NO_APPID');
    expectFailure(await logout(s, {}, `/mina_auth/${b}`), 60012, 'AUTH_FAIL');
    expectFailure(await auth(s, { appid: b }, `/mina_auth/${a}`), 1003, 'PARA_ERR');
    expectFailure(await auth(s, { appid: a }, `/mina_auth/${b}`), 1003, 'PARA_ERR');

    const bound = await auth(s, {}, `/mina_auth/${a}`);
    expectSuccess(bound, 'AUTH_SUCCESS');
    expect(bound.returnData.appid).toBe(a);
    expectSuccess(await auth(s, { appid: a }, `/mina_auth/${a}/`), 'AUTH_SUCCESS');
    expectSuccess(await auth(s, { appid: a }), 'AUTH_SUCCESS');
  });

  it('logs into the bound app on /mina_auth/<appid> without para.appid', async () => {
    const { appid: a } = await w.addApp();
    await w.addApp();
    const { code, openid } = await w.wxLogin(a);
    // Several apps and no appid: 1012, and the code is not spent on it.
    expectFailure(await w.call('qcloud.cam.id_skey', { code }), 1012, 'NO_APPID');
    const env = await w.call('qcloud.cam.id_skey', { code }, `/mina_auth/${a}`);
    expectSuccess(env, 'NEW_SESSION_SUCCESS');
    expect(env.returnData).toMatchObject({ appid: a, openid });
    expectSuccess(await auth(env.returnData, { appid: a }), 'AUTH_SUCCESS');
  });

  it('keeps at most max_sessions live sessions per user and revokes the oldest first', async () => {
    const { appid } = await w.addApp({ max_sessions: 3 });
    const sessions: Session[] = [];
    let openid: string | undefined;
    for (let i = 0; i < 4; i++) {
      const s = await w.login(appid, openid ? { openid } : {});
      openid = s.openid;
      sessions.push(s);
      w.clock.advance(1);
    }
    expectFailure(await auth(sessions[0]!), 60012, 'AUTH_FAIL');
    for (const s of sessions.slice(1)) expectSuccess(await auth(s), 'AUTH_SUCCESS');
    expect(await rowCount('sessions', appid)).toBe(3);
  });

  // created_at has whole seconds; the cap must still revoke by creation order. Ten rounds make a lucky pass of a
  // wrong order negligible ((1/3)^10).
  it('revokes the oldest session first even when the logins fall in the same second', async () => {
    const { appid } = await w.addApp({ max_sessions: 3 });
    for (let round = 0; round < 10; round++) {
      const first = await w.login(appid);
      for (let i = 0; i < 3; i++) await w.login(appid, { openid: first.openid });
      expectFailure(await auth(first), 60012, 'AUTH_FAIL');
    }
  });

  it('fails the sessions of a removed app with 60012', async () => {
    const { appid } = await w.addApp();
    const s = await w.login(appid);
    expect(await removeApp(w.deps.store.db, appid)).toBe(true);
    expectFailure(await auth(s), 60012, 'AUTH_FAIL');
    expectFailure(await auth(s, {}, `/mina_auth/${appid}`), 60012, 'AUTH_FAIL');
    expectFailure(await w.call('qcloud.cam.id_skey', { appid, code: 'any-code' }), 1012, 'NO_APPID');
  });

  it('sweeps expired sessions and login claims older than 300 s, and keeps live ones', async () => {
    const idle = (await w.addApp({ session_duration: 3600 })).appid;
    const short = (await w.addApp({ login_duration: 1 })).appid;
    const live = (await w.addApp()).appid;
    for (const appid of [idle, short, live]) await w.login(appid);
    const kept = await w.login(live);
    for (const appid of [idle, short]) expect(await rowCount('login_claims', appid)).toBe(1);
    expect(await rowCount('login_claims', live)).toBe(2);

    w.clock.advance(DAY);
    // Expired but not yet swept.
    for (const appid of [idle, short]) expect(await rowCount('sessions', appid)).toBe(1);
    const swept = await sweep(w.deps, { batch: 500 });
    expect(swept.sessions).toBeGreaterThanOrEqual(2);
    expect(swept.claims).toBeGreaterThanOrEqual(4);
    for (const appid of [idle, short, live]) expect(await rowCount('login_claims', appid)).toBe(0);
    expect(await rowCount('sessions', idle)).toBe(0);
    expect(await rowCount('sessions', short)).toBe(0);
    expect(await rowCount('sessions', live)).toBe(2);
    expectSuccess(await auth(kept), 'AUTH_SUCCESS');

    // A claim younger than 300 s survives a sweep (a duplicate of that login must still find it).
    await w.login(live);
    w.clock.advance(299);
    await sweep(w.deps, { batch: 500 });
    expect(await rowCount('login_claims', live)).toBe(1);
    expect(await rowCount('sessions', live)).toBe(3);
    w.clock.advance(1);
    await sweep(w.deps, { batch: 500 });
    expect(await rowCount('login_claims', live)).toBe(0);
  });

  it('stores a SHA-256 of the skey and sealed secrets only (every column of every table)', async () => {
    const { appid, secret } = await w.addApp();
    const { code, session_key } = await w.wxLogin(appid);
    const env = await w.call('qcloud.cam.id_skey', { appid, code });
    expectSuccess(env, 'NEW_SESSION_SUCCESS');
    const { id, skey, openid } = env.returnData as { id: string; skey: string; openid: string };

    expect((await sessionRow(id))?.skey_hash).toBe(sha256Hex(skey));
    const user = await w.deps.store.db.selectFrom('users').selectAll().where('appid', '=', appid).where('openid', '=', openid).executeTakeFirstOrThrow();
    expect(user.session_key_sealed).not.toContain(session_key);
    const app = await w.deps.store.db.selectFrom('apps').selectAll().where('appid', '=', appid).executeTakeFirstOrThrow();
    expect(app.secret_sealed).not.toContain(secret);

    const db = w.deps.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['apps', 'users', 'sessions', 'login_claims']));
    const cells: { where: string; text: string }[] = [];
    for (const table of tables) {
      for (const row of await db.selectFrom(table).selectAll().execute()) {
        for (const [column, value] of Object.entries(row)) cells.push({ where: `${table}.${column}`, text: String(value) });
      }
    }
    expect(cells.some((c) => c.text === sha256Hex(skey))).toBe(true);
    const secrets = { skey, session_key, session_key_hex: Buffer.from(session_key, 'base64').toString('hex'), secret, code };
    for (const [name, value] of Object.entries(secrets)) {
      expect(cells.filter((c) => c.text.includes(value)).map((c) => c.where), name).toEqual([]);
    }
  });
});
