// The per-address abuse limits (2003 RATE_LIMITED, PROTOCOL §3 and §6): failed session checks, logins and failed
// caller-key uses per client address, exempt CIDRs, a retry hint, no store access or write while counting, no
// lockout of a session's owner, bounded memory. Client addresses come from X-Forwarded-For behind 127.0.0.1.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_RATE_LIMITS, loadConfig } from '../../src/config.js';
import { addressKey } from '../../src/services/limits.js';
import { openStore } from '../../src/store/db.js';
import { DIALECTS } from '../helpers/db.js';
import { expectFailure, expectSuccess, type Reply } from '../helpers/expect.js';
import { recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

const LIMITS = 'auth_fail=3/60,login=2/60,key_fail=2/60';
const RETRY = /^too many (failed session checks|logins|failed caller-key uses) from this address; retry in ([1-9]\d*) s$/;

/** A world whose gateway sees the client address given in X-Forwarded-For (127.0.0.1 is the trusted proxy). */
async function limitedWorld(dialect: (typeof DIALECTS)[number], extra: Record<string, string> = {}) {
  const w = await startWorld(dialect, { env: { TRUSTED_PROXIES: '127.0.0.1', RATE_LIMITS: LIMITS, RATE_EXEMPT: '198.51.100.0/24', ...extra } });
  const from = async (ip: string, name: string, para: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const r = await w.request('/mina_auth', { body: JSON.stringify({ interface: { interfaceName: name, para } }), headers: { 'x-forwarded-for': ip, ...headers } });
    expect(r.status).toBe(200);
    return r.json;
  };
  /** wx.login + qcloud.cam.id_skey from `ip`. */
  const loginFrom = async (ip: string, appid: string, openid?: string): Promise<Reply> => {
    const { code } = await w.wxLogin(appid, openid ? { openid } : {});
    const env = await from(ip, 'qcloud.cam.id_skey', { appid, code });
    recordSecret(env.returnData?.skey);
    return env;
  };
  return { w, from, loginFrom };
}

function expectLimited(env: Reply, what: 'failed session checks' | 'logins' | 'failed caller-key uses', maxSeconds = 60): number {
  expectFailure(env, 2003, 'RATE_LIMITED', `too many ${what} from this address`);
  const m = RETRY.exec(env.detail!);
  expect(m, env.detail).not.toBeNull();
  const seconds = Number(m![2]);
  expect(seconds).toBeLessThanOrEqual(maxSeconds);
  return seconds;
}

describe('the rate-limit settings', () => {
  const base = { MINA_AUTH_MASTER_KEY: 'A'.repeat(43) + '=' };
  it('default to generous limits, no exempt address', () => {
    const c = loadConfig(base);
    expect(c.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(DEFAULT_RATE_LIMITS).toEqual({ auth_fail: { count: 600, seconds: 60 }, login: { count: 1200, seconds: 60 }, key_fail: { count: 60, seconds: 60 }, maxIps: 20_000 });
    expect(c.rateExempt.check('127.0.0.1', 'ipv4')).toBe(false);
  });

  it('change only the limits named, and switch one off with "off"', () => {
    const c = loadConfig({ ...base, MINA_AUTH_RATE_LIMITS: ' login=10/1 , key_fail=off,max_ips=500', MINA_AUTH_RATE_EXEMPT: '10.0.0.0/8, 2001:db8::/32,192.0.2.1' });
    expect(c.rateLimits).toEqual({ auth_fail: { count: 600, seconds: 60 }, login: { count: 10, seconds: 1 }, key_fail: null, maxIps: 500 });
    expect(c.rateExempt.check('10.9.8.7', 'ipv4')).toBe(true);
    expect(c.rateExempt.check('2001:db8:1::5', 'ipv6')).toBe(true);
    expect(c.rateExempt.check('192.0.2.2', 'ipv4')).toBe(false);
  });

  it.each([
    ['RATE_LIMITS', 'login=abc', /^MINA_AUTH_RATE_LIMITS: "login=abc" must be login=COUNT\/SECONDS/],
    ['RATE_LIMITS', 'login=0/60', /^MINA_AUTH_RATE_LIMITS: /],
    ['RATE_LIMITS', 'login=1/2=3', /^MINA_AUTH_RATE_LIMITS: /],
    ['RATE_LIMITS', 'login', /^MINA_AUTH_RATE_LIMITS: "login" must be/],
    ['RATE_LIMITS', 'login=10/0', /^MINA_AUTH_RATE_LIMITS: /],
    ['RATE_LIMITS', 'login=10/86401', /^MINA_AUTH_RATE_LIMITS: /],
    ['RATE_LIMITS', 'logins=10/60', /^MINA_AUTH_RATE_LIMITS: unknown limit in "logins=10\/60"/],
    ['RATE_LIMITS', 'login=1/1,login=2/2', /^MINA_AUTH_RATE_LIMITS: "login" is given twice$/],
    ['RATE_LIMITS', 'max_ips=lots', /^MINA_AUTH_RATE_LIMITS: max_ips must be/],
    ['RATE_EXEMPT', '10.0.0.0/33', /^MINA_AUTH_RATE_EXEMPT: "10.0.0.0\/33" is not an IP address or CIDR$/],
    ['RATE_EXEMPT', 'localhost', /^MINA_AUTH_RATE_EXEMPT: "localhost" is not an IP address or CIDR$/],
  ])('refuse MINA_AUTH_%s=%s with one clear line', (name, value, message) => {
    let err: unknown;
    try { loadConfig({ ...base, ['MINA_AUTH_' + name]: value }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('count IPv6 clients by their /64 and anything that is not an address under one key', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(addressKey('')).toBe('unknown');
    expect(addressKey('not an address')).toBe('unknown');
  });
});

describe.each(DIALECTS)('abuse limits on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof limitedWorld>>;
  let w: World;
  let appid = '';
  let adminKey = '';
  let owner: { id: string; skey: string; openid: string };

  beforeAll(async () => {
    t = await limitedWorld(dialect);
    w = t.w;
    appid = (await w.addApp()).appid;
    ({ key: adminKey } = await w.callerKey('abuse', ['admin']));
    const env = await t.loginFrom('198.51.100.1', appid);
    expect(env.returnCode, env.detail).toBe(0);
    owner = env.returnData;
  });
  afterAll(async () => { await w?.close(); });

  it('answers 2003 to an address after too many failed session checks, with a retry hint, then lets it in again', async () => {
    const ip = '203.0.113.10';
    for (let i = 0; i < 3; i++) expectFailure(await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: 'wrong' + i }), 60012, 'AUTH_FAIL');
    expect(expectLimited(await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: 'wrong' }), 'failed session checks')).toBe(60);
    // Every session interface, even with the right skey: the address is refused before the session is looked up.
    for (const name of ['qcloud.cam.auth', 'qcloud.cam.logout', 'qcloud.cam.phone', 'qcloud.cos.sign']) {
      const para = { id: owner.id, skey: owner.skey, ...(name === 'qcloud.cam.phone' ? { code: 'x' } : name === 'qcloud.cos.sign' ? { key: 'a' } : {}) };
      expectLimited(await t.from(ip, name, para), 'failed session checks');
    }
    w.clock.advance(25);
    expect(expectLimited(await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: owner.skey }), 'failed session checks')).toBe(35);
    w.clock.advance(35);
    expectSuccess(await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: owner.skey }), 'AUTH_SUCCESS');
  });

  it('never locks out the owner: many wrong skeys for an id from one address leave other addresses alone', async () => {
    const attacker = '203.0.113.11';
    for (let i = 0; i < 3; i++) expectFailure(await t.from(attacker, 'qcloud.cam.auth', { id: owner.id, skey: 'guess' + i }), 60012, 'AUTH_FAIL');
    for (let i = 0; i < 5; i++) expectLimited(await t.from(attacker, 'qcloud.cam.auth', { id: owner.id, skey: 'guess' + i }), 'failed session checks');
    const env = await t.from('203.0.113.12', 'qcloud.cam.auth', { id: owner.id, skey: owner.skey });
    expectSuccess(env, 'AUTH_SUCCESS');
    expect(env.returnData.openid).toBe(owner.openid);
    // And through an IPv6 client, counted by its /64: a neighbour in the same /64 shares the count, another /64 not.
    for (let i = 0; i < 3; i++) expectFailure(await t.from('2001:db8:1:2::a', 'qcloud.cam.auth', { id: owner.id, skey: 'v6' + i }), 60012, 'AUTH_FAIL');
    expectLimited(await t.from('2001:db8:1:2::b', 'qcloud.cam.auth', { id: owner.id, skey: owner.skey }), 'failed session checks');
    expectSuccess(await t.from('2001:db8:1:3::a', 'qcloud.cam.auth', { id: owner.id, skey: owner.skey }), 'AUTH_SUCCESS');
  });

  it('limits logins per address before calling WeChat: the refused code still works from another address', async () => {
    const ip = '203.0.113.20';
    for (let i = 0; i < 2; i++) expect((await t.loginFrom(ip, appid)).returnCode).toBe(0);
    const before = (await w.stats()).calls['/sns/jscode2session']?.[appid] ?? 0;
    const { code, openid } = await w.wxLogin(appid);
    expectLimited(await t.from(ip, 'qcloud.cam.id_skey', { appid, code }), 'logins');
    expect((await w.stats()).calls['/sns/jscode2session']?.[appid] ?? 0).toBe(before);
    const other = await t.from('203.0.113.21', 'qcloud.cam.id_skey', { appid, code });
    expect(other.returnCode, other.detail).toBe(0);
    recordSecret(other.returnData.skey);
    expect(other.returnData.openid).toBe(openid);
    w.clock.advance(60);
    expect((await t.loginFrom(ip, appid)).returnCode).toBe(0);
  });

  it('limits failed caller-key uses per address; a missing key is not counted; the valid key works elsewhere', async () => {
    const ip = '203.0.113.30';
    const [, keyId = ''] = adminKey.split('_');
    const wrong = `mak_${keyId}_${'B'.repeat(43)}`;
    expectFailure(await t.from(ip, 'mina.admin.app.list', {}, { authorization: `Bearer ${wrong}` }), 2001, 'CALLER_UNAUTHENTICATED');
    expectFailure(await t.from(ip, 'mina.admin.app.list', {}, { 'x-mina-key': 'not-a-key' }), 2001, 'CALLER_UNAUTHENTICATED');
    expectLimited(await t.from(ip, 'mina.admin.app.list', {}, { authorization: `Bearer ${adminKey}` }), 'failed caller-key uses');
    expectLimited(await t.from(ip, 'qcloud.mimi.access_token', { appid }, { authorization: `Bearer ${wrong}` }), 'failed caller-key uses');
    // The key's holder, elsewhere, is unaffected.
    expectSuccess(await t.from('203.0.113.31', 'mina.admin.app.list', {}, { authorization: `Bearer ${adminKey}` }), 'APP_LIST');
    // No key at all: nothing to guess and no lookup, so always 2001, never 2003.
    for (let i = 0; i < 5; i++) expectFailure(await t.from('203.0.113.32', 'mina.admin.app.list', {}), 2001, 'CALLER_UNAUTHENTICATED');
    // Session-check failures are a separate count.
    expectFailure(await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: 'nope' }), 60012, 'AUTH_FAIL');
  });

  it('never limits an exempt address (MINA_AUTH_RATE_EXEMPT)', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < 8; i++) expectFailure(await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: 'x' + i }), 60012, 'AUTH_FAIL');
    for (let i = 0; i < 4; i++) expect((await t.loginFrom(ip, appid)).returnCode).toBe(0);
    for (let i = 0; i < 4; i++) expectFailure(await t.from(ip, 'mina.admin.app.list', {}, { authorization: 'Bearer mak_0123456789abcdef_' + 'C'.repeat(43) }), 2001, 'CALLER_UNAUTHENTICATED');
    expectSuccess(await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: owner.skey }), 'AUTH_SUCCESS');
  });

  it('logs which limit answered', async () => {
    const ip = '203.0.113.40';
    for (let i = 0; i < 3; i++) await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: 'w' + i });
    const before = w.log.lines.length;
    await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: 'w' });
    expect(JSON.parse(w.log.lines[before]!)).toMatchObject({ msg: 'request', returnCode: 2003, ip, limited: 'auth_fail' });
  });

  it('counts in memory only: failures, refusals and refused logins change no row', async () => {
    const dump = async () => {
      const db = w.deps.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      const out: Record<string, unknown[]> = {};
      for (const t of ['apps', 'users', 'sessions', 'login_claims', 'caller_keys', 'agents', 'credentials']) out[t] = await db.selectFrom(t).selectAll().execute();
      return JSON.stringify(out);
    };
    const ip = '203.0.113.50';
    for (let i = 0; i < 2; i++) expect((await t.loginFrom(ip, appid)).returnCode).toBe(0);
    const before = await dump();
    for (let i = 0; i < 6; i++) await t.from(ip, 'qcloud.cam.auth', { id: owner.id, skey: 'z' + i });
    for (let i = 0; i < 4; i++) await t.from(ip, 'mina.admin.key.list', {}, { authorization: `Bearer mak_0123456789abcdef_${'D'.repeat(43)}` });
    for (let i = 0; i < 3; i++) expectLimited(await t.from(ip, 'qcloud.cam.id_skey', { appid, code: (await w.wxLogin(appid)).code }), 'logins');
    expect(await dump()).toBe(before);
  });
});

describe.each(DIALECTS)('abuse limits with the store closed on %s', (dialect) => {
  it('still answer 2003: counting and refusing need no store', async () => {
    const t = await limitedWorld(dialect);
    const { w } = t;
    try {
      const appid = (await w.addApp()).appid;
      const a = '203.0.113.60';
      for (let i = 0; i < 3; i++) expectFailure(await t.from(a, 'qcloud.cam.auth', { id: 'id' + i, skey: 'skey' }), 60012, 'AUTH_FAIL');
      for (let i = 0; i < 2; i++) expect((await t.loginFrom(a, appid)).returnCode).toBe(0);
      for (let i = 0; i < 2; i++) expectFailure(await t.from(a, 'mina.admin.app.list', {}, { authorization: `Bearer mak_0123456789abcdef_${'E'.repeat(43)}` }), 2001, 'CALLER_UNAUTHENTICATED');

      await w.deps.store.close();
      expectLimited(await t.from(a, 'qcloud.cam.auth', { id: 'id', skey: 'skey' }), 'failed session checks');
      expectLimited(await t.from(a, 'qcloud.cam.id_skey', { appid, code: 'any-code' }), 'logins');
      expectLimited(await t.from(a, 'mina.admin.app.list', {}, { authorization: `Bearer mak_0123456789abcdef_${'E'.repeat(43)}` }), 'failed caller-key uses');
      // Another address does reach the store, and fails: it really is gone. (A destroyed kysely instance is not a
      // driver outage, so that answer is 1000 rather than 1001; either way it is not an answer about the session.)
      const other = await t.from('203.0.113.61', 'qcloud.cam.auth', { id: 'id', skey: 'skey' });
      expect([1000, 1001]).toContain(other.returnCode);
    } finally {
      // A fresh handle, so the world's own close has something to close.
      w.deps.store = openStore(w.config.databaseUrl);
      await w.close();
    }
  });
});

describe.each(DIALECTS)('the address table on %s', (dialect) => {
  it('stays within max_ips, forgetting the oldest windows first', async () => {
    const t = await limitedWorld(dialect, { RATE_LIMITS: `${LIMITS},max_ips=5` });
    try {
      for (let i = 1; i <= 12; i++) expectFailure(await t.from(`203.0.113.${100 + i}`, 'qcloud.cam.auth', { id: 'a', skey: 'b' }), 60012, 'AUTH_FAIL');
      expect(t.w.deps.limits.tracked('auth_fail')).toBe(5);
      // The newest addresses are still counted: two more failures block the last one.
      for (let i = 0; i < 2; i++) await t.from('203.0.113.112', 'qcloud.cam.auth', { id: 'a', skey: 'b' });
      expectLimited(await t.from('203.0.113.112', 'qcloud.cam.auth', { id: 'a', skey: 'b' }), 'failed session checks');
      expect(t.w.deps.limits.tracked('auth_fail')).toBe(5);
    } finally {
      await t.w.close();
    }
  });
});
