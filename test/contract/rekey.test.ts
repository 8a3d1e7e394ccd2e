// Master-key rotation (PROTOCOL §6): values sealed under key A still open once B is the master key and A an old
// key; `mina-auth rekey` re-seals every one of them under B (compare-and-swap, idempotent); afterwards a
// gateway that knows only B serves logins, sessions, open data, COS and tokens. A value no key opens is named.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { closeDeps, createDeps } from '../../src/deps.js';
import { createGatewayServer, listen, socketOrTrustedProxy } from '../../src/http/server.js';
import { countSealedUnder } from '../../src/services/rekey.js';
import { createSecretBox } from '../../src/services/secretbox.js';
import { DIALECTS } from '../helpers/db.js';
import { captureLogger, recordLogOutput, recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

const cleanEnv = (extra: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_'))), ...extra,
});
const newKey = () => { const k = randomBytes(32).toString('base64'); recordSecret(k); return k; };
const keyIdOf = (k: string) => createSecretBox(Buffer.from(k, 'base64')).keyId;

describe.each(DIALECTS)('master-key rotation and rekey on %s', (dialect) => {
  let w: World;
  let admin = '';
  let svc = '';
  let appid = '';
  let session: { id: string; skey: string; openid: string };
  let tokenBefore = '';
  const corpid = 'ww' + randomBytes(8).toString('hex');
  const agentid = '1000002';
  let keyA = '';
  const keyB = newKey();
  const gateways: { close(): Promise<void> }[] = [];

  /** Another gateway process on the same store and sandbox, with its own master key settings. */
  async function gateway(env: Record<string, string>) {
    const config = loadConfig({
      MINA_AUTH_DATABASE_URL: w.config.databaseUrl, MINA_AUTH_WECHAT_BASE_URL: w.sandbox.url, MINA_AUTH_WECOM_BASE_URL: w.sandbox.url,
      MINA_AUTH_UPSTREAM_TIMEOUT_MS: '1000', ...env,
    });
    const deps = createDeps(config, { log: captureLogger(), connectionLimit: 2 });
    const server = createGatewayServer(deps, socketOrTrustedProxy(config.trustedProxies));
    const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
    const g = {
      async call(name: string, para: unknown, key?: string): Promise<any> {
        const res = await fetch(base + '/mina_auth', { method: 'POST', headers: key ? { authorization: `Bearer ${key}` } : {}, body: JSON.stringify({ interface: { interfaceName: name, para } }) });
        const env = await res.json() as any;
        recordSecret(env?.returnData?.skey, env?.returnData?.access_token);
        return env;
      },
      async close() {
        await new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); });
        await closeDeps(deps);
      },
    };
    gateways.push(g);
    return g;
  }

  const rekey = (env: Record<string, string>) => {
    const r = spawnSync(process.execPath, ['dist/cli.cjs', 'rekey', '--batch', '2', '--database-url', w.config.databaseUrl], { env: cleanEnv(env), encoding: 'utf8', timeout: 20_000 });
    recordLogOutput(r.stdout + r.stderr);
    return r;
  };

  /** Everything that seals: app secret and COS profile, a session_key and kept login answer, a token, an agent. */
  beforeAll(async () => {
    w = await startWorld(dialect);
    keyA = w.config.masterKey!.toString('base64');
    recordSecret(keyA);
    ({ key: admin } = await w.callerKey('ops', ['admin']));
    ({ key: svc } = await w.callerKey('svc', ['qcloud.*:*']));
    ({ appid } = await w.addApp());
    const cosKey = randomBytes(20).toString('hex');
    recordSecret(cosKey);
    expect((await w.callWithKey(admin, 'mina.admin.app.put', { appid, cos: { bucket: 'photos-1250000000', region: 'ap-guangzhou', secret_id: 'AKIDexample0123', secret_key: cosKey } })).returnCode).toBe(0);
    for (let i = 0; i < 3; i++) session = await w.login(appid); // several users and kept answers: more than one batch
    const token = await w.callWithKey(svc, 'qcloud.mimi.access_token', { appid });
    expect(token.returnCode, token.detail).toBe(0);
    tokenBefore = token.returnData.access_token;
    recordSecret(tokenBefore);
    const agentSecret = randomBytes(16).toString('hex');
    recordSecret(agentSecret);
    await w.sandboxPost('/__sandbox/corps', { corpid, agentid, secret: agentSecret });
    expect((await w.callWithKey(admin, 'qcloud.work.initagent', { corpid, agentid, agentsecret: agentSecret })).returnCode).toBe(0);
  });
  afterAll(async () => {
    for (const g of gateways) await g.close();
    await w?.close();
  });

  const stableFetches = async () => (await w.stats()).calls['/cgi-bin/stable_token']?.[appid] ?? 0;

  /** Every kind of sealed value opens: old session_key (decrypt), COS profile, token, app secret (login), agent secret. */
  async function everythingOpens(g: Awaited<ReturnType<typeof gateway>>) {
    const auth = await g.call('qcloud.cam.auth', { id: session.id, skey: session.skey });
    expect(auth.returnCode, auth.detail).toBe(0);
    const sealed = await w.encrypt(appid, session.openid, { stepInfoList: [{ timestamp: 1700000000, step: 42 }] });
    const decrypted = await g.call('qcloud.cam.decrypt', { id: session.id, skey: session.skey, ...sealed });
    expect(decrypted.returnCode, decrypted.detail).toBe(0);
    const signed = await g.call('qcloud.cos.sign', { id: session.id, skey: session.skey, key: `users/${session.openid}/a.jpg` });
    expect(signed.returnCode, signed.detail).toBe(0);
    const fetches = await stableFetches();
    const token = await g.call('qcloud.mimi.access_token', { appid }, svc);
    expect(token.returnCode, token.detail).toBe(0);
    expect(token.returnData.access_token).toBe(tokenBefore);
    expect(await stableFetches(), 'the stored token was opened, not fetched again').toBe(fetches);
    const { code } = await w.wxLogin(appid);
    const login = await g.call('qcloud.cam.id_skey', { appid, code });
    expect(login.returnCode, login.detail).toBe(0);
  }

  it('rotates: old values open with A as an old key, rekey re-seals them all under B, B alone then opens everything', async () => {
    const idA = keyIdOf(keyA);
    const idB = keyIdOf(keyB);
    const underA = await countSealedUnder(w.deps.store.db, idA);
    expect(underA).toMatchObject({ 'apps.secret_sealed': 1, 'apps.cos_sealed': 1, 'agents.secret_sealed': 1, 'credentials.value_sealed': 1, 'users.session_key_sealed': 3 });
    expect(underA['login_claims.answer_sealed']).toBeGreaterThanOrEqual(3);

    // Rotation: B seals, A only opens.
    const rotated = await gateway({ MINA_AUTH_MASTER_KEY: keyB, MINA_AUTH_OLD_MASTER_KEYS: keyA });
    await everythingOpens(rotated);

    const env = { MINA_AUTH_MASTER_KEY: keyB, MINA_AUTH_OLD_MASTER_KEYS: keyA };
    const first = rekey(env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toContain('apps: 2 re-sealed, 0 changed meanwhile, 0 failed');
    expect(lines).toContain('agents: 1 re-sealed, 0 changed meanwhile, 0 failed');
    expect(lines).toContain('credentials: 1 re-sealed, 0 changed meanwhile, 0 failed');
    expect(lines).toContain('users: 3 re-sealed, 0 changed meanwhile, 0 failed');
    expect(lines.at(-1)).toMatch(new RegExp(`^\\d+ value\\(s\\) re-sealed under key id ${idB}$`));
    expect(Object.values(await countSealedUnder(w.deps.store.db, idA)).every((n) => n === 0), 'a value still under key A').toBe(true);

    // Idempotent.
    const again = rekey(env);
    expect(again.status).toBe(0);
    expect(again.stdout.trim().split('\n').at(-1)).toBe(`0 value(s) re-sealed under key id ${idB}`);

    // Key A is gone from the configuration: everything still opens.
    const onlyB = await gateway({ MINA_AUTH_MASTER_KEY: keyB });
    await everythingOpens(onlyB);
    const work = await onlyB.call('qcloud.work.access_token', { corpid, agentid }, svc);
    expect(work.returnCode, work.detail).toBe(0);
    recordSecret(work.returnData.access_token);

    // The rekey is in the audit log, without a secret.
    const rows = await w.deps.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'rekey').execute();
    expect(rows.map((r) => [r.actor, r.result])).toEqual([['cli', 'ok'], ['cli', 'ok']]);
  });

  it('names a value that no configured key opens (table and row) and exits 1', async () => {
    const keyC = newKey();
    const stray = createSecretBox(Buffer.from(keyC, 'base64')).seal('lost-secret', `agents.secret:${corpid}/77`);
    await w.deps.store.db.insertInto('agents').values({ corpid, agentid: '77', secret_sealed: stray, remark: null, created_at: 0, updated_at: 0 }).execute();
    try {
      const r = rekey({ MINA_AUTH_MASTER_KEY: keyB, MINA_AUTH_OLD_MASTER_KEYS: keyA });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('agents: 0 re-sealed, 0 changed meanwhile, 1 failed');
      const err = r.stderr.trim().split('\n');
      expect(err).toHaveLength(1);
      expect(err[0]).toBe(`mina-auth: agents row corpid=${corpid}, agentid=77 (secret_sealed) cannot be opened: sealed under key id ${keyIdOf(keyC)}, which is neither MINA_AUTH_MASTER_KEY nor in MINA_AUTH_OLD_MASTER_KEYS`);
    } finally {
      await w.deps.store.db.deleteFrom('agents').where('corpid', '=', corpid).where('agentid', '=', '77').execute();
    }
  });
});
