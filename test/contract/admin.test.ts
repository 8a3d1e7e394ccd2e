// The admin interfaces (PROTOCOL §5 "Admin"): apps, COS profiles, WeCom agents and session revocation, over HTTP.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgent, openAgentSecret } from '../../src/services/agents.js';
import { findApp, openCosProfile, openSecret } from '../../src/services/apps.js';
import type { CredentialKind } from '../../src/store/types.js';
import { DIALECTS } from '../helpers/db.js';
import { expectFailure, expectSuccess, type Reply } from '../helpers/expect.js';
import { recordSecret } from '../helpers/logs.js';
import { randomAppid, startWorld, type World } from '../helpers/world.js';

describe.each(DIALECTS)('admin interfaces on %s', (dialect) => {
  let w: World;
  let adminKey = '';
  /** Every secret this suite hands the gateway: none may appear in any answer. */
  const secrets: string[] = [];

  beforeAll(async () => {
    w = await startWorld(dialect);
    ({ key: adminKey } = await w.callerKey('admin-test', ['admin']));
  });
  afterAll(async () => { await w?.close(); });

  const secret = (value = randomBytes(16).toString('hex')) => {
    recordSecret(value);
    secrets.push(value);
    return value;
  };
  async function admin(name: string, para: unknown): Promise<Reply> {
    const r = await w.request('/mina_auth', {
      body: JSON.stringify({ version: 1, componentName: 'MA', interface: { interfaceName: name, para } }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    });
    expect(r.status).toBe(200);
    for (const s of secrets) expect(r.text, `${name} answered a secret`).not.toContain(s);
    return r.json;
  }
  const cosInput = () => ({ bucket: 'photos-1250000000', region: 'ap-guangzhou', secret_id: secret('AKID' + randomBytes(16).toString('hex')), secret_key: secret(randomBytes(16).toString('hex')) });
  const credential = (kind: CredentialKind, owner: string) => w.deps.store.db.insertInto('credentials').values({
    kind, owner, value_sealed: null, expires_at: w.clock.now() + 7200, fetched_at: w.clock.now(), refresh_after: 0, generation: 1,
    lease_until: 0, lease_holder: null, last_force_at: 0, day: 0, day_fetches: 0, day_forces: 0,
  }).execute();
  const credentials = async (owner: string) => (await w.deps.store.db.selectFrom('credentials').select('kind').where('owner', '=', owner).execute()).length;
  const registerInSandbox = async (appid: string, appSecret: string) => {
    const res = await fetch(`${w.sandbox.url}/__sandbox/apps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appid, secret: appSecret, type: 'miniprogram' }) });
    expect(res.ok).toBe(true);
  };

  it("creates an app, shows it without secrets, and seals the secret in the store", async () => {
    const appid = randomAppid();
    const appSecret = secret();
    const created = await admin('mina.admin.app.put', { appid, secret: appSecret, type: 'miniprogram' });
    expectSuccess(created, 'APP_CREATED');
    const view = {
      appid, type: 'miniprogram', login_duration: 30, session_duration: 2592000, max_sessions: 20, token_api: 'stable',
      watermark_max_age: 86400, cos: null, created_at: w.clock.now(), updated_at: w.clock.now(),
    };
    expect(created.returnData).toEqual(view);
    expect(Object.keys(created.returnData)).toEqual(Object.keys(view));

    const got = await admin('mina.admin.app.get', { appid });
    expectSuccess(got, 'APP_INFO');
    expect(got.returnData).toEqual(view);
    const row = await findApp(w.deps.store.db, appid);
    expect(JSON.stringify(row)).not.toContain(appSecret);
    expect(openSecret(w.deps.box, row!)).toBe(appSecret);
  });

  it('needs secret and type for a new app only, and checks every field', async () => {
    const appid = randomAppid();
    expectFailure(await admin('mina.admin.app.put', { appid, type: 'miniprogram' }), 1003, 'PARA_ERR', 'para.secret');
    expectFailure(await admin('mina.admin.app.put', { appid, secret: secret() }), 1003, 'PARA_ERR', 'para.type');
    expectFailure(await admin('mina.admin.app.put', { appid, max_sessions: 5 }), 1003, 'PARA_ERR', 'para.secret and para.type');
    expectFailure(await admin('mina.admin.app.get', { appid }), 1012, 'NO_APPID');
    for (const [field, value] of [['type', 'game'], ['token_api', 'fast'], ['max_sessions', 0], ['max_sessions', 1001], ['login_duration', 0],
      ['session_duration', 0], ['watermark_max_age', -1], ['max_sessions', '5'], ['secret', ''], ['appid', 'wx 1'], ['bogus', 1]] as const) {
      const env = await admin('mina.admin.app.put', { appid, secret: secret(), type: 'miniprogram', [field]: value });
      expectFailure(env, 1003, 'PARA_ERR', field === 'bogus' ? '"bogus"' : `para.${field}`);
    }
    expectSuccess(await admin('mina.admin.app.put', { appid, secret: secret(), type: 'official_account', max_sessions: 1000, watermark_max_age: 0, token_api: 'classic' }), 'APP_CREATED');
  });

  it('changes only the given fields of an existing app', async () => {
    const appid = randomAppid();
    const appSecret = secret();
    const first = await admin('mina.admin.app.put', { appid, secret: appSecret, type: 'miniprogram', login_duration: 7, max_sessions: 3 });
    w.clock.advance(60);
    const updated = await admin('mina.admin.app.put', { appid, session_duration: 600, token_api: 'classic' });
    expectSuccess(updated, 'APP_UPDATED');
    expect(updated.returnData).toEqual({ ...first.returnData, session_duration: 600, token_api: 'classic', updated_at: first.returnData.updated_at + 60 });
    // null counts as missing: nothing changes.
    expect((await admin('mina.admin.app.put', { appid, type: null, max_sessions: null, cos: null })).returnData).toMatchObject({ type: 'miniprogram', max_sessions: 3, cos: null });
    expect((await admin('mina.admin.app.put', { appid, type: 'official_account' })).returnData.type).toBe('official_account');
    expect(openSecret(w.deps.box, (await findApp(w.deps.store.db, appid))!)).toBe(appSecret);
  });

  it("forgets the app's cached tokens and tickets when, and only when, its secret changes", async () => {
    const appid = randomAppid();
    const appSecret = secret();
    await admin('mina.admin.app.put', { appid, secret: appSecret, type: 'official_account' });
    await credential('mp_token', appid);
    await credential('mp_ticket', appid);
    const other = randomAppid();
    await admin('mina.admin.app.put', { appid: other, secret: secret(), type: 'official_account' });
    await credential('mp_token', other);

    expectSuccess(await admin('mina.admin.app.put', { appid, max_sessions: 4 }), 'APP_UPDATED');
    expect(await credentials(appid)).toBe(2);
    expectSuccess(await admin('mina.admin.app.put', { appid, secret: appSecret }), 'APP_UPDATED');
    expect(await credentials(appid)).toBe(2);
    const newSecret = secret();
    expectSuccess(await admin('mina.admin.app.put', { appid, secret: newSecret }), 'APP_UPDATED');
    expect(await credentials(appid)).toBe(0);
    expect(await credentials(other)).toBe(1);
    expect(openSecret(w.deps.box, (await findApp(w.deps.store.db, appid))!)).toBe(newSecret);
  });

  it('logs users in to an app registered over the interface, with its current secret', async () => {
    const appid = randomAppid();
    const appSecret = secret();
    expectSuccess(await admin('mina.admin.app.put', { appid, secret: appSecret, type: 'miniprogram', max_sessions: 2 }), 'APP_CREATED');
    await registerInSandbox(appid, appSecret);
    const session = await w.login(appid);
    expect(session.duration).toBe(2592000);

    const rotated = secret();
    await admin('mina.admin.app.put', { appid, secret: rotated });
    const { code } = await w.wxLogin(appid);
    expectFailure(await w.call('qcloud.cam.id_skey', { appid, code }), 40013, 'WEIXIN_CREDENTIAL_ERR');
    await registerInSandbox(appid, rotated);
    await w.login(appid);
  });

  it('lists apps ordered by appid, without secrets', async () => {
    const appids = ['wxlist' + randomBytes(4).toString('hex') + 'b', 'wxlist' + randomBytes(4).toString('hex') + 'a'];
    for (const appid of appids) await admin('mina.admin.app.put', { appid, secret: secret(), type: 'miniprogram', cos: cosInput() });
    const list = await admin('mina.admin.app.list', {});
    expectSuccess(list, 'APP_LIST');
    const listed: string[] = list.returnData.map((a: { appid: string }) => a.appid);
    expect(listed).toEqual([...listed].sort());
    expect(listed).toEqual(expect.arrayContaining(appids));
    expect(list.returnData.find((a: { appid: string }) => a.appid === appids[0])).toEqual((await admin('mina.admin.app.get', { appid: appids[0] })).returnData);
    expect(JSON.stringify(list.returnData)).not.toMatch(/secret/);
  });

  it('stores a COS profile sealed, shows it without keys, keeps it on other updates, and removes it with cos: false', async () => {
    const appid = randomAppid();
    const cos = cosInput();
    const put = await admin('mina.admin.app.put', { appid, secret: secret(), type: 'miniprogram', cos });
    expectSuccess(put, 'APP_CREATED');
    const shown = { bucket: cos.bucket, region: cos.region, prefix: 'users/{openid}/', methods: ['PUT', 'GET', 'HEAD'], max_expires: 3600, max_size: null, require_content: false };
    expect(put.returnData.cos).toEqual(shown);
    const row = (await findApp(w.deps.store.db, appid))!;
    for (const plain of [cos.secret_id, cos.secret_key, cos.bucket]) expect(JSON.stringify(row)).not.toContain(plain);
    expect(openCosProfile(w.deps.box, row)).toEqual({ ...shown, secret_id: cos.secret_id, secret_key: cos.secret_key });

    expect((await admin('mina.admin.app.put', { appid, max_sessions: 9 })).returnData.cos).toEqual(shown);
    const custom = { ...cosInput(), prefix: 'uploads/{openid}/img-', methods: ['PUT', 'DELETE'], max_expires: 600, max_size: 1048576, require_content: true };
    const replaced = await admin('mina.admin.app.put', { appid, cos: custom });
    expect(replaced.returnData.cos).toEqual({ bucket: custom.bucket, region: custom.region, prefix: custom.prefix, methods: custom.methods, max_expires: 600, max_size: 1048576, require_content: true });
    expect(openCosProfile(w.deps.box, (await findApp(w.deps.store.db, appid))!)).toMatchObject({ secret_key: custom.secret_key });

    const removed = await admin('mina.admin.app.put', { appid, cos: false });
    expectSuccess(removed, 'APP_UPDATED');
    expect(removed.returnData.cos).toBeNull();
    expect((await findApp(w.deps.store.db, appid))!.cos_sealed).toBeNull();
  });

  it('refuses an invalid COS profile with 1003 naming the field, and changes nothing', async () => {
    const appid = randomAppid();
    await admin('mina.admin.app.put', { appid, secret: secret(), type: 'miniprogram', cos: cosInput() });
    const { secret_key: _k, ...noKey } = cosInput();
    const cases: [unknown, string][] = [
      [{ ...cosInput(), bucket: 'Photos' }, 'para.cos.bucket'],
      [{ ...cosInput(), region: 'guangzhou' }, 'para.cos.region'],
      [noKey, 'para.cos.secret_key'],
      [{ ...cosInput(), methods: ['PATCH'] }, 'para.cos.methods'],
      [{ ...cosInput(), methods: [] }, 'para.cos.methods'],
      [{ ...cosInput(), methods: ['GET', 'GET'] }, 'para.cos.methods'],
      [{ ...cosInput(), prefix: '../others/' }, 'para.cos.prefix'],
      [{ ...cosInput(), prefix: '/abs/' }, 'para.cos.prefix'],
      [{ ...cosInput(), prefix: 'users/{unionid}/' }, 'para.cos.prefix'],
      [{ ...cosInput(), max_expires: 0 }, 'para.cos.max_expires'],
      [{ ...cosInput(), max_size: 0 }, 'para.cos.max_size'],
      [{ ...cosInput(), require_content: 'yes' }, 'para.cos.require_content'],
      [{ ...cosInput(), token: 'x' }, 'para.cos has an unknown key "token"'],
      [true, 'para.cos'],
      ['false', 'para.cos'],
    ];
    for (const [cos, field] of cases) expectFailure(await admin('mina.admin.app.put', { appid, cos }), 1003, 'PARA_ERR', field);
    expect((await admin('mina.admin.app.get', { appid })).returnData.cos).toMatchObject({ bucket: 'photos-1250000000', methods: ['PUT', 'GET', 'HEAD'] });
  });

  it('deletes an app with its sessions and cached credentials; unknown apps answer 1012', async () => {
    const { appid } = await w.addApp();
    const session = await w.login(appid);
    await credential('mp_token', appid);
    const deleted = await admin('mina.admin.app.delete', { appid });
    expectSuccess(deleted, 'APP_DELETED');
    expect(deleted.returnData).toEqual({ appid, deleted: true });
    expect(await credentials(appid)).toBe(0);
    expectFailure(await w.call('qcloud.cam.auth', { id: session.id, skey: session.skey }), 60012, 'AUTH_FAIL');
    expectFailure(await admin('mina.admin.app.get', { appid }), 1012, 'NO_APPID');
    expectFailure(await admin('mina.admin.app.delete', { appid }), 1012, 'NO_APPID');
    expect((await admin('mina.admin.app.list', {})).returnData.map((a: { appid: string }) => a.appid)).not.toContain(appid);
  });

  it('registers a WeCom agent sealed, rotates its secret (forgetting its credentials), lists and deletes it', async () => {
    const corpid = 'ww' + randomBytes(8).toString('hex');
    const agentid = '1000002';
    const first = secret(randomBytes(32).toString('base64url').slice(0, 43));
    const created = await admin('qcloud.work.initagent', { corpid, agentid, agentsecret: first, remark: 'portal' });
    expectSuccess(created, 'INIT_AGENT_SUCCESS');
    expect(created.returnData).toEqual({ corpid, agentid });
    const row = (await findAgent(w.deps.store.db, corpid, agentid))!;
    expect(JSON.stringify(row)).not.toContain(first);
    expect(openAgentSecret(w.deps.box, row)).toBe(first);

    const owner = `${corpid}/${agentid}`;
    await credential('work_token', owner);
    await credential('work_agent_ticket', owner);
    await admin('qcloud.work.initagent', { corpid, agentid: '1000003', agentsecret: secret() });
    await credential('work_token', `${corpid}/1000003`);
    w.clock.advance(30);
    expectSuccess(await admin('qcloud.work.initagent', { corpid, agentid, agentsecret: first }), 'INIT_AGENT_SUCCESS');
    expect(await credentials(owner)).toBe(2);
    const second = secret(randomBytes(32).toString('base64url').slice(0, 43));
    expectSuccess(await admin('qcloud.work.initagent', { corpid, agentid, agentsecret: second }), 'INIT_AGENT_SUCCESS');
    expect(await credentials(owner)).toBe(0);
    expect(await credentials(`${corpid}/1000003`)).toBe(1);
    expect(openAgentSecret(w.deps.box, (await findAgent(w.deps.store.db, corpid, agentid))!)).toBe(second);

    const list = await admin('mina.admin.agent.list', {});
    expectSuccess(list, 'AGENT_LIST');
    const mine = list.returnData.filter((a: { corpid: string }) => a.corpid === corpid);
    expect(mine).toEqual([
      { corpid, agentid, remark: 'portal', created_at: w.clock.now() - 30, updated_at: w.clock.now() },
      { corpid, agentid: '1000003', remark: null, created_at: w.clock.now() - 30, updated_at: w.clock.now() - 30 },
    ]);

    await credential('work_token', owner);
    const deleted = await admin('mina.admin.agent.delete', { corpid, agentid });
    expectSuccess(deleted, 'AGENT_DELETED');
    expect(deleted.returnData).toEqual({ corpid, agentid, deleted: true });
    expect(await credentials(owner)).toBe(0);
    expect(await findAgent(w.deps.store.db, corpid, agentid)).toBeNull();
    expectFailure(await admin('mina.admin.agent.delete', { corpid, agentid }), 1012, 'NO_APPID');
    expect((await admin('mina.admin.agent.list', {})).returnData.filter((a: { corpid: string }) => a.corpid === corpid)).toHaveLength(1);
  });

  it('checks initagent para strictly (agentid is a string of digits)', async () => {
    for (const [para, field] of [
      [{ corpid: 'ww1', agentid: 1000002, agentsecret: 'x' }, 'para.agentid'],
      [{ corpid: 'ww1', agentid: '10000a', agentsecret: 'x' }, 'para.agentid'],
      [{ corpid: 'w w', agentid: '1', agentsecret: 'x' }, 'para.corpid'],
      [{ corpid: 'ww1', agentid: '1' }, 'para.agentsecret'],
      [{ corpid: 'ww1', agentid: '1', agentsecret: 'x', remark: 'r'.repeat(256) }, 'para.remark'],
    ] as const) expectFailure(await admin('qcloud.work.initagent', para), 1003, 'PARA_ERR', field);
    expectFailure(await admin('mina.admin.agent.delete', { corpid: 'ww-nobody', agentid: '1' }), 1012, 'NO_APPID');
  });

  it("revokes every session of one user, and only that user's", async () => {
    const { appid } = await w.addApp();
    const { appid: otherApp } = await w.addApp();
    const a1 = await w.login(appid, { openid: 'o-revoke-a' });
    const a2 = await w.login(appid, { openid: 'o-revoke-a' });
    const b = await w.login(appid, { openid: 'o-revoke-b' });
    const elsewhere = await w.login(otherApp, { openid: 'o-revoke-a' });

    const revoked = await admin('mina.admin.session.revoke', { appid, openid: 'o-revoke-a' });
    expectSuccess(revoked, 'SESSION_REVOKED');
    expect(revoked.returnData).toEqual({ revoked: 2 });
    for (const s of [a1, a2]) expectFailure(await w.call('qcloud.cam.auth', { id: s.id, skey: s.skey }), 60012, 'AUTH_FAIL');
    for (const s of [b, elsewhere]) expectSuccess(await w.call('qcloud.cam.auth', { id: s.id, skey: s.skey }), 'AUTH_SUCCESS');

    expect((await admin('mina.admin.session.revoke', { appid, openid: 'o-revoke-a' })).returnData).toEqual({ revoked: 0 });
    expect((await admin('mina.admin.session.revoke', { appid, openid: 'o-never-seen' })).returnData).toEqual({ revoked: 0 });
    await w.login(appid, { openid: 'o-revoke-a' });
    expectFailure(await admin('mina.admin.session.revoke', { appid: randomAppid(), openid: 'o-revoke-a' }), 1012, 'NO_APPID');
    expectFailure(await admin('mina.admin.session.revoke', { appid }), 1003, 'PARA_ERR', 'para.openid');
  });
});
