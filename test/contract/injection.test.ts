// SQL-injection and odd strings in every string field of every session interface and in the app-bound URL
// segment, on both store dialects: each answer is a documented refusal, and the store is intact afterwards.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPID_PATTERN } from '../../src/config.js';
import { DIALECTS } from '../helpers/db.js';
import { startWorld, type World } from '../helpers/world.js';

const INJECTIONS = [
  "' OR '1'='1",
  '" or "1"="1',
  "x'; DROP TABLE sessions; --",
  "\\'",
  '%27',
  // Longer than any id, and valid base64 (150 bytes: not whole AES blocks).
  'A'.repeat(200),
  'nul\u0000byte',
  'emoji😀',
];
/** Shaped like an appid (so the URL segment reaches dispatch), still SQL-ish. */
const APPID_SHAPED = 'wx_OR_1--';

interface Fields { interfaceName: string; field: string; expected: number }
/**
 * The exact code per field: pattern-checked fields fail the schema (1003); encrypt_data fails the schema or the
 * whole-blocks check (1003); a login code passes the schema and WeChat refuses it (40029).
 */
const FIELDS: Fields[] = [
  ...['appid', 'encrypt_data', 'iv'].map((field) => ({ interfaceName: 'qcloud.cam.id_skey', field, expected: 1003 })),
  { interfaceName: 'qcloud.cam.id_skey', field: 'code', expected: 40029 },
  ...['qcloud.cam.auth', 'qcloud.cam.logout'].flatMap((interfaceName) =>
    ['id', 'skey', 'appid'].map((field) => ({ interfaceName, field, expected: 1003 }))),
  ...['qcloud.cam.userinfo', 'qcloud.cam.decrypt'].flatMap((interfaceName) =>
    ['id', 'skey', 'appid', 'encrypt_data', 'iv'].map((field) => ({ interfaceName, field, expected: 1003 }))),
];
const DOCUMENTED_REFUSALS = [1003, 1012, 40029, 60012];
const TABLES = ['apps', 'users', 'sessions'] as const;

describe.each(DIALECTS)('injection strings on %s', (dialect) => {
  let w: World;
  let appid: string;
  let victim: { id: string; skey: string; openid: string };
  let data: { encrypt_data: string; iv: string };
  let countsBefore: Record<string, number>;

  const counts = async () => {
    const db = w.deps.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = (await db.selectFrom(t).selectAll().execute()).length;
    return out;
  };

  beforeAll(async () => {
    w = await startWorld(dialect);
    appid = (await w.addApp()).appid;
    victim = await w.login(appid);
    data = await w.encrypt(appid, victim.openid, { nickName: 'victim' });
    countsBefore = await counts();
  });
  afterAll(async () => { await w?.close(); });

  /** A valid para for each interface, so only the injected field is wrong. */
  const validPara = (name: string): Record<string, unknown> => name === 'qcloud.cam.id_skey'
    ? { appid, code: 'not-a-minted-code', ...data }
    : { id: victim.id, skey: victim.skey, appid, ...(name.endsWith('auth') || name.endsWith('logout') ? {} : data) };

  it.each(FIELDS)('$interfaceName refuses injections in para.$field with $expected', async ({ interfaceName, field, expected }) => {
    for (const value of INJECTIONS) {
      const env = await w.call(interfaceName, { ...validPara(interfaceName), [field]: value });
      expect(DOCUMENTED_REFUSALS).toContain(env.returnCode);
      expect(env.returnCode, `${field}=${JSON.stringify(value)}: ${env.detail}`).toBe(expected);
      expect(env.returnData).toBe('');
    }
  });

  it.each(['qcloud.cam.id_skey', 'qcloud.cam.auth', 'qcloud.cam.logout', 'qcloud.cam.userinfo', 'qcloud.cam.decrypt'])(
    '%s refuses injections in the /mina_auth/<appid> segment', async (name) => {
      const para = validPara(name);
      delete para.appid;
      // A segment that is not shaped like an appid: the protocol's own answer, 1003 (HTTP 200).
      const appidRe = new RegExp(APPID_PATTERN);
      for (const value of INJECTIONS) {
        expect(appidRe.test(value)).toBe(false);
        const r = await w.request(`/mina_auth/${encodeURIComponent(value)}`, {
          body: JSON.stringify({ interface: { interfaceName: name, para } }),
        });
        expect(r.status, value).toBe(200);
        expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(r.json, value).toMatchObject({ returnCode: 1003, returnMessage: 'PARA_ERR', returnData: '' });
      }
      // An appid-shaped segment that names no registered app: 1012.
      const env = await w.call(name, para, `/mina_auth/${APPID_SHAPED}`);
      expect(env.returnCode, env.detail).toBe(1012);
      expect(env.returnMessage).toBe('NO_APPID');
    });

  it('leaves the store intact', async () => {
    expect(await counts()).toEqual(countsBefore);
    const tables = (await w.deps.store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['apps', 'users', 'sessions', 'login_claims']));
    const env = await w.call('qcloud.cam.auth', { id: victim.id, skey: victim.skey, appid });
    expect(env.returnCode, env.detail).toBe(0);
    expect(env.returnData.openid).toBe(victim.openid);
    // And the store still takes writes.
    await w.login(appid, { openid: victim.openid });
    expect(await counts()).toEqual({ ...countsBefore, sessions: countsBefore.sessions! + 1 });
  });
});
