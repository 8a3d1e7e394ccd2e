// Secrets at rest (PROTOCOL §6), on both store dialects: after logins, user info, access tokens and tickets fetched
// with a caller key, admin app puts with COS keys and a WeCom agent, every row of every table is dumped as text and
// none of the plaintext secrets, skeys, session keys, login codes, caller-key secrets, tokens or tickets appears.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../src/services/keys.js';
import { DIALECTS } from '../helpers/db.js';
import { recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

/** Every way a secret could be written down: as given, and (for binary values in base64) as hex and base64url. */
function forms(secret: string): string[] {
  const out = [secret];
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(secret) || /^[A-Za-z0-9_-]+$/.test(secret)) {
    const bytes = Buffer.from(secret, /[+/=]/.test(secret) ? 'base64' : 'base64url');
    if (bytes.length >= 12) out.push(bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url').replace(/=+$/, ''));
  }
  return [...new Set(out)];
}

/** Every row of every table (the migration bookkeeping included), one line of text per row. */
async function dumpStore(w: World): Promise<string> {
  const db = w.deps.store.db;
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name);
  expect(tables).toEqual(expect.arrayContaining(['apps', 'users', 'sessions', 'login_claims', 'caller_keys', 'agents', 'credentials']));
  const lines: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    for (const row of rows) {
      const cells = Object.entries(row).map(([k, v]) => `${k}=${Buffer.isBuffer(v) ? `${v.toString('hex')}|${v.toString('utf8')}` : String(v)}`);
      lines.push(`${table}: ${cells.join(' ')}`);
    }
  }
  return lines.join('\n');
}

describe.each(DIALECTS)('the store holds no plaintext secret on %s', (dialect) => {
  let w: World;
  /** name → plaintext: everything sensitive the world handled. */
  const secrets = new Map<string, string>();
  const keep = (name: string, value: unknown) => {
    expect(typeof value, name).toBe('string');
    secrets.set(name, value as string);
    recordSecret(value as string);
  };

  beforeAll(async () => {
    w = await startWorld(dialect);
    keep('master key', w.config.masterKey!.toString('base64'));
    const admin = (await createKey(w.deps.store.db, w.clock.now(), { name: 'dump-admin', scopes: ['admin'] })).key;
    keep('admin key', admin);
    keep('admin key secret', admin.split('_').slice(2).join('_'));
    const asAdmin = async (name: string, para: unknown) => {
      const env = await w.callWithKey(admin, name, para);
      expect(env.returnCode, `${name}: ${env.detail}`).toBe(0);
      return env.returnData;
    };

    // Apps: one registered directly, one through mina.admin.app.put with a COS profile, whose secret then changes.
    const { appid, secret } = await w.addApp();
    keep('app secret', secret);
    const appid2 = 'wx' + randomBytes(8).toString('hex');
    const secret2 = randomBytes(16).toString('hex');
    const secret3 = randomBytes(16).toString('hex');
    const cosSecretId = 'AKID' + randomBytes(12).toString('hex');
    const cosSecretKey = randomBytes(24).toString('base64url');
    keep('app.put secret', secret2);
    keep('app.put new secret', secret3);
    keep('COS SecretId', cosSecretId);
    keep('COS SecretKey', cosSecretKey);
    await asAdmin('mina.admin.app.put', { appid: appid2, type: 'official_account', secret: secret2, cos: { bucket: 'dump-1250000000', region: 'ap-guangzhou', secret_id: cosSecretId, secret_key: cosSecretKey } });
    await w.sandboxPost('/__sandbox/apps', { appid: appid2, secret: secret3, type: 'official_account' });
    await asAdmin('mina.admin.app.put', { appid: appid2, secret: secret3 });
    await asAdmin('mina.admin.app.put', { appid, cos: { bucket: 'user-1250000000', region: 'ap-shanghai', secret_id: cosSecretId, secret_key: cosSecretKey } });

    // Sessions: logins (one with Wafer 1 user info), user info, a phone number, a COS signature, a logout.
    for (let i = 0; i < 3; i++) {
      const login = await w.wxLogin(appid);
      keep(`login code ${i}`, login.code);
      keep(`session_key ${i}`, login.session_key);
      const extra = i === 0 ? await w.encrypt(appid, login.openid, { nickName: 'dump-user' }) : {};
      const env = await w.call('qcloud.cam.id_skey', { appid, code: login.code, ...extra });
      expect(env.returnCode, env.detail).toBe(0);
      keep(`skey ${i}`, env.returnData.skey);
      const data = await w.encrypt(appid, login.openid, { nickName: `user-${i}`, avatarUrl: 'https://example.com/a.png' });
      expect((await w.call('qcloud.cam.userinfo', { id: env.returnData.id, skey: env.returnData.skey, ...data })).returnCode).toBe(0);
      expect((await w.call('qcloud.cam.auth', { id: env.returnData.id, skey: env.returnData.skey })).returnCode).toBe(0);
      const sign = await w.call('qcloud.cos.sign', { id: env.returnData.id, skey: env.returnData.skey, key: `users/${login.openid}/a.jpg` });
      expect(sign.returnCode, sign.detail).toBe(0);
      if (i === 1) {
        const { code } = await w.sandboxPost('/__sandbox/phone_code', { appid, openid: login.openid, phone: '13800138000' });
        keep('phone code', code);
        expect((await w.call('qcloud.cam.phone', { id: env.returnData.id, skey: env.returnData.skey, code })).returnCode).toBe(0);
      }
      if (i === 2) expect((await w.call('qcloud.cam.logout', { id: env.returnData.id, skey: env.returnData.skey })).returnCode).toBe(0);
    }

    // A privileged key made through the admin interface, then tokens and tickets with it.
    const created = await asAdmin('mina.admin.key.create', { name: 'dump-service', scopes: ['qcloud.*:*'] });
    const service = created.key as string;
    keep('service key', service);
    keep('service key secret', service.split('_').slice(2).join('_'));
    const call = async (name: string, para: unknown) => {
      const env = await w.callWithKey(service, name, para);
      expect(env.returnCode, `${name}: ${env.detail}`).toBe(0);
      return env.returnData;
    };
    keep('mp access token', (await call('qcloud.mimi.access_token', { appid })).access_token);
    keep('mp access token (forced)', (await call('qcloud.mimi.access_token', { appid, force: true })).access_token);
    keep('oa access token', (await call('qcloud.mimi.access_token', { appid: appid2 })).access_token);
    keep('jsapi ticket', (await call('qcloud.mimi.jsapi_ticket', { appid: appid2 })).ticket);
    await call('qcloud.mimi.jssdk_signature', { appid: appid2, url: 'https://example.com/page' });

    // A WeCom agent registered through qcloud.work.initagent, then rotated, with its token and tickets.
    const corpid = 'ww' + randomBytes(6).toString('hex');
    const agentid = '1000002';
    const agentSecret = randomBytes(20).toString('base64url');
    const agentSecret2 = randomBytes(20).toString('base64url');
    keep('agent secret', agentSecret);
    keep('agent new secret', agentSecret2);
    await asAdmin('qcloud.work.initagent', { corpid, agentid, agentsecret: agentSecret, remark: 'dump' });
    await asAdmin('qcloud.work.initagent', { corpid, agentid, agentsecret: agentSecret2 });
    await w.sandboxPost('/__sandbox/corps', { corpid, agentid, secret: agentSecret2 });
    keep('work access token', (await call('qcloud.work.access_token', { corpid, agentid })).access_token);
    keep('work ticket', (await call('qcloud.work.ticket', { corpid, agentid })).ticket);
    keep('work agent ticket', (await call('qcloud.work.agent.ticket', { corpid, agentid })).agent_ticket);
  });
  afterAll(async () => { await w?.close(); });

  it('has something to check: the dump holds the rows of what was done', async () => {
    const dump = await dumpStore(w);
    for (const table of ['apps', 'users', 'sessions', 'login_claims', 'caller_keys', 'agents', 'credentials']) {
      expect(dump, table).toMatch(new RegExp(`^${table}: `, 'm'));
    }
    expect(dump).toContain('user-0');
    expect(secrets.size).toBeGreaterThanOrEqual(25);
  });

  it('contains no secret, skey, session key, code, caller-key secret, token or ticket in any form', async () => {
    const dump = await dumpStore(w);
    const found = [...secrets].filter(([, value]) => forms(value).some((f) => dump.includes(f))).map(([name]) => name);
    expect(found).toEqual([]);
  });
});
