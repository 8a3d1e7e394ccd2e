// mina-auth doctor against the sandbox: one ok/FAIL line per check, exit 1 on any failure; an app whose IP
// whitelist excludes this machine is named with the egress IP WeChat saw; stored tokens are left alone.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.js';
import { recordLogOutput, recordSecret } from '../helpers/logs.js';
import { randomAppid, startWorld, type World } from '../helpers/world.js';

describe.each(DIALECTS)('mina-auth doctor on %s', (dialect) => {
  let w: World;
  let good = '';
  const blocked = randomAppid();
  const corpid = 'ww' + randomBytes(6).toString('hex');
  let env: Record<string, string> = {};

  beforeAll(async () => {
    w = await startWorld(dialect);
    ({ appid: good } = await w.addApp());
    const secret = randomBytes(16).toString('hex');
    recordSecret(secret);
    await w.addApp({ appid: blocked, secret, token_api: 'classic' });
    await w.sandboxPost('/__sandbox/apps', { appid: blocked, secret, type: 'miniprogram', ip_whitelist: ['10.1.2.3'] });
    const agentSecret = randomBytes(16).toString('hex');
    recordSecret(agentSecret);
    await w.sandboxPost('/__sandbox/corps', { corpid, agentid: '1000002', secret: agentSecret });
    const { key } = await w.callerKey('ops', ['admin']);
    expect((await w.callWithKey(key, 'qcloud.work.initagent', { corpid, agentid: '1000002', agentsecret: agentSecret })).returnCode).toBe(0);
    env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_'))) as Record<string, string>,
      MINA_AUTH_MASTER_KEY: w.config.masterKey!.toString('base64'), MINA_AUTH_WECHAT_BASE_URL: w.sandbox.url,
      MINA_AUTH_WECOM_BASE_URL: w.sandbox.url, MINA_AUTH_UPSTREAM_TIMEOUT_MS: '1000',
    };
  });
  afterAll(async () => { await w?.close(); });

  /** Run asynchronously: the sandbox lives in this process and must keep answering meanwhile. */
  const doctor = (extra: Record<string, string> = {}, url = w.config.databaseUrl) => new Promise<{ status: number | null; lines: string[]; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli.cjs', 'doctor', '--database-url', url], { env: { ...env, ...extra }, timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (status) => {
      recordLogOutput(stdout + stderr);
      resolve({ status, lines: stdout.trim().split('\n'), stderr });
    });
  });

  it('names the egress IP of an app WeChat refuses (40164), passes the rest, and leaves stored tokens alone', async () => {
    const svc = (await w.callerKey('svc', ['qcloud.*:*'])).key;
    const token = await w.callWithKey(svc, 'qcloud.mimi.access_token', { appid: good });
    recordSecret(token.returnData.access_token);
    const row = () => w.deps.store.db.selectFrom('credentials').selectAll().where('owner', '=', good).executeTakeFirstOrThrow();
    const stored = await row();

    const r = await doctor();
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.lines[0]).toMatch(/^ok {3}config: /);
    expect(r.lines[0]).not.toContain(env.MINA_AUTH_MASTER_KEY);
    expect(r.lines.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^ok {3}store: ${dialect} answers \\(\\d+ ms\\)$`)),
      'ok   migrations: schema up to date',
      expect.stringMatching(new RegExp(`^ok {3}master key: key id ${w.deps.box.keyId} opens \\d+ sampled sealed value\\(s\\)$`)),
      // listApps orders by appid
      ...([[good, expect.stringMatching(new RegExp(`^ok {3}app ${good}: WeChat accepts its credentials from this machine \\(stable_token, \\d+ s left\\)$`))],
        [blocked, `FAIL app ${blocked}: WeChat refused the gateway's egress IP 127.0.0.1 (errcode 40164): add it to the IP whitelist`]] as const)
        .slice().sort(([a], [b]) => (a < b ? -1 : 1)).map(([, l]) => l),
      expect.stringMatching(new RegExp(`^ok {3}agent ${corpid}/1000002: WeCom accepts its credentials from this machine \\(gettoken, \\d+ s left\\)$`)),
    ]);
    // The check went upstream but wrote nothing: same token, same generation, same counters.
    expect(await row()).toEqual(stored);
  });

  it('exits 0 when every check passes', async () => {
    const secret = randomBytes(16).toString('hex');
    recordSecret(secret);
    await w.addApp({ appid: blocked, secret, token_api: 'classic' });
    await w.sandboxPost('/__sandbox/apps', { appid: blocked, secret, type: 'miniprogram', ip_whitelist: null });
    const r = await doctor();
    expect(r.lines.filter((l) => !l.startsWith('ok   '))).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('fails the master-key check, naming rows, when the key does not open the sealed values', async () => {
    const other = randomBytes(32).toString('base64');
    recordSecret(other);
    const r = await doctor({ MINA_AUTH_MASTER_KEY: other });
    expect(r.status).toBe(1);
    const line = r.lines.find((l) => l.includes('master key:'))!;
    expect(line).toMatch(/^FAIL master key: \d+ sampled value\(s\) do not open: apps appid=wx[0-9a-f]{16} \(key id [0-9a-f]{8}\);/);
    expect(r.lines.find((l) => l.includes(`app ${good}:`))).toBe(`FAIL app ${good}: its secret does not open under the configured master keys`);
  });

  it('fails on an unreachable store and on a bad setting, one line each', async () => {
    const down = await doctor({}, 'mysql://root@127.0.0.1:1/nope');
    expect(down.status).toBe(1);
    expect(down.lines).toEqual([expect.stringMatching(/^ok {3}config: MySQL 127\.0\.0\.1:1\/nope;/), 'FAIL store: mysql store unreachable: ECONNREFUSED']);
    const bad = await doctor({ MINA_AUTH_MASTER_KEY: 'short' });
    expect(bad.status).toBe(1);
    expect(bad.lines).toEqual(['FAIL config: MINA_AUTH_MASTER_KEY must be 32 bytes in base64 (e.g. from: openssl rand -base64 32)']);
  });
});
