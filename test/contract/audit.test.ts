// The audit log (migration 0003): admin actions, credential fetches and invalidations, and aggregated failed
// caller-key uses land in audit_log, never with a secret in them; `mina-auth audit` lists them.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURE_FLUSH_SECONDS, flushCallerKeyFailures, noteCallerKeyFailure, pendingCallerKeyFailures } from '../../src/services/audit.js';
import { createKey } from '../../src/services/keys.js';
import { DIALECTS } from '../helpers/db.js';
import { recordLogOutput, recordSecret } from '../helpers/logs.js';
import { randomAppid, startWorld, type World } from '../helpers/world.js';

const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_')));

describe.each(DIALECTS)('the audit log on %s', (dialect) => {
  let w: World;
  let admin = '';
  let adminId = '';
  let svc = '';
  /** Every secret handed to or made by the gateway in this suite: none may be in the audit log. */
  const secrets: string[] = [];
  const secret = (value = randomBytes(16).toString('hex')) => { recordSecret(value); secrets.push(value); return value; };

  beforeAll(async () => {
    w = await startWorld(dialect, { sharedClock: true });
    ({ key: admin, key_id: adminId } = await createKey(w.deps.store.db, w.clock.now(), { name: 'ops', scopes: ['admin'] }));
    ({ key: svc } = await createKey(w.deps.store.db, w.clock.now(), { name: 'svc', scopes: ['qcloud.*:*'] }));
    secret(admin); secret(admin.split('_').slice(2).join('_')); secret(svc);
  });
  afterAll(async () => { await w?.close(); });

  const rows = () => w.deps.store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  const call = async (key: string, name: string, para: unknown) => {
    const env = await w.callWithKey(key, name, para);
    expect(env.returnCode, `${name}: ${env.detail}`).toBe(0);
    return env.returnData;
  };

  it('records admin actions, credential fetches and invalidations with the caller key id, and no secret', async () => {
    const appid = randomAppid();
    const appSecret = secret();
    await w.sandboxPost('/__sandbox/apps', { appid, secret: appSecret, type: 'miniprogram' });
    await call(admin, 'mina.admin.app.put', { appid, secret: appSecret, type: 'miniprogram', cos: { bucket: 'photos-1250000000', region: 'ap-guangzhou', secret_id: secret('AKID' + randomBytes(8).toString('hex')), secret_key: secret() } });
    const token = await call(svc, 'qcloud.mimi.access_token', { appid });
    secret(token.access_token);
    w.clock.advance(31);
    secret((await call(svc, 'qcloud.mimi.access_token', { appid, force: true })).access_token);
    // A new secret: the cached token is forgotten (invalidation).
    const rotated = secret();
    await w.sandboxPost('/__sandbox/apps', { appid, secret: rotated, type: 'miniprogram' });
    await call(admin, 'mina.admin.app.put', { appid, secret: rotated });
    const session = await w.login(appid);
    secret(session.skey);
    expect(await call(admin, 'mina.admin.session.revoke', { appid, openid: session.openid })).toEqual({ revoked: 1 });
    const corpid = 'ww' + randomBytes(6).toString('hex');
    await call(admin, 'qcloud.work.initagent', { corpid, agentid: '1000002', agentsecret: secret() });
    await call(admin, 'mina.admin.agent.delete', { corpid, agentid: '1000002' });
    const made = await call(admin, 'mina.admin.key.create', { name: 'orders', scopes: [`qcloud.mimi.access_token:${appid}`] });
    secret(made.key); secret(made.key.split('_').slice(2).join('_'));
    await call(admin, 'mina.admin.key.revoke', { key_id: made.key_id });
    await call(admin, 'mina.admin.app.delete', { appid });
    expect((await w.callWithKey(admin, 'mina.admin.app.delete', { appid })).returnCode).toBe(1012);

    const log = (await rows()).filter((r) => r.target.includes(appid) || r.target.includes(corpid) || r.target === made.key_id);
    expect(log.map((r) => [r.actor, r.action, r.target, r.result, r.detail])).toEqual([
      [adminId, 'app.put', appid, 'created', 'fields: cos,secret,type'],
      ['gateway', 'credentials.fetch', `mp_token:${appid}`, 'renewed', 'normal fetch, generation 1'],
      ['gateway', 'credentials.fetch', `mp_token:${appid}`, 'renewed', 'forced fetch, generation 2'],
      ['gateway', 'credentials.forget', appid, 'ok', expect.stringContaining('1 cached token/ticket row(s) forgotten')],
      [adminId, 'app.put', appid, 'updated', 'fields: secret'],
      [adminId, 'session.revoke', `${appid}/${session.openid}`, 'ok', '1 session(s) ended'],
      [adminId, 'agent.initagent', `${corpid}/1000002`, 'created', null],
      [adminId, 'agent.delete', `${corpid}/1000002`, 'ok', null],
      [adminId, 'key.create', made.key_id, 'ok', `name: orders; scopes: qcloud.mimi.access_token:${appid}`],
      [adminId, 'key.revoke', made.key_id, 'ok', null],
      [adminId, 'app.delete', appid, 'ok', null],
      [adminId, 'app.delete', appid, 'not_found', null],
    ]);
    const text = JSON.stringify(await rows());
    for (const s of secrets) expect(text, 'a secret is in the audit log').not.toContain(s);
  });

  it('counts failed caller-key uses in memory and writes one aggregated row per key id per minute, never per request', async () => {
    const before = (await rows()).length;
    // Unauthenticated requests never write to the store.
    const forged = `mak_f00dfeed0123_${randomBytes(32).toString('base64url')}`;
    secret(forged); secret(forged.split('_').slice(2).join('_'));
    for (let i = 0; i < 5; i++) expect((await w.callWithKey(forged, 'mina.admin.key.list', {})).returnCode).toBe(2001);
    expect((await rows()).length).toBe(before);

    // The request path recorded those 5 in memory (dispatch calls noteCallerKeyFailure on each 2001 with a key).
    expect(pendingCallerKeyFailures(w.deps)).toMatchObject({ f00dfeed0123: 5 });
    for (let i = 0; i < 7; i++) noteCallerKeyFailure(w.deps, forged);
    noteCallerKeyFailure(w.deps, 'not-a-key-at-all');
    expect(pendingCallerKeyFailures(w.deps)).toMatchObject({ f00dfeed0123: 12, '(malformed)': 1 });
    expect((await rows()).length).toBe(before);

    // The next audited (authenticated) action flushes: one row per key id with the count.
    await call(admin, 'mina.admin.key.list', {}); // not audited itself: nothing flushes
    expect((await rows()).length).toBe(before);
    await call(admin, 'mina.admin.session.revoke', { appid: (await w.addApp()).appid, openid: 'o-nobody' });
    const flushed = (await rows()).filter((r) => r.action === 'caller_key.failed');
    expect(flushed.map((r) => [r.actor, r.target, r.result])).toEqual([['unauthenticated', 'f00dfeed0123', 'denied'], ['unauthenticated', '(malformed)', 'denied']]);
    expect(flushed[0]!.detail).toMatch(/^12 failed uses \(2001\) from \S+ to \S+$/);
    expect(pendingCallerKeyFailures(w.deps)).toEqual({});

    // Within the minute: counted, not written, even when something else is audited.
    noteCallerKeyFailure(w.deps, forged);
    expect(await flushCallerKeyFailures(w.deps)).toBe(0);
    expect(pendingCallerKeyFailures(w.deps)).toEqual({ f00dfeed0123: 1 });
    // A minute later (the serve timer, or the next audited action) it is.
    w.clock.advance(FAILURE_FLUSH_SECONDS);
    expect(await flushCallerKeyFailures(w.deps)).toBe(1);
    expect((await rows()).filter((r) => r.action === 'caller_key.failed')).toHaveLength(3);
    const text = JSON.stringify(await rows());
    for (const s of secrets) expect(text, 'a secret is in the audit log').not.toContain(s);
  });

  it('mina-auth audit lists the entries (text and --json) without secrets', () => {
    const cli = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['dist/cli.cjs', 'audit', ...args, '--database-url', w.config.databaseUrl], { env: cleanEnv(), encoding: 'utf8', timeout: 20_000 });
      recordLogOutput(r.stdout + r.stderr);
      return r;
    };
    const json = cli('--since', '1h', '--json');
    expect(json.status, json.stderr).toBe(0);
    const entries = JSON.parse(json.stdout) as { id: number; at: number; actor: string; action: string; target: string; result: string; detail: string | null }[];
    expect(entries.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(entries[0]!)).toEqual(['id', 'at', 'actor', 'action', 'target', 'result', 'detail']);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['app.put', 'credentials.fetch', 'credentials.forget', 'session.revoke', 'agent.initagent', 'agent.delete', 'key.create', 'key.revoke', 'app.delete', 'caller_key.failed']));
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => a - b));
    const text = cli('--since', '1h');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^\\S+Z  ${adminId}  app\\.put  wx[0-9a-f]{16}  created  fields: cos,secret,type$`, 'm'));
    expect(cli('--since', '1h', '--limit', '2', '--json').stdout).toBe(JSON.stringify(entries.slice(-2)) + '\n');
    for (const s of secrets) expect(json.stdout + text.stdout, 'a secret is in the audit output').not.toContain(s);
    const bad = cli('--since', 'yesterday');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('mina-auth: --since takes a duration like 90s, 15m, 1h or 7d\n');
  });
});
