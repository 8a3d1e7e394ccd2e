// The command line as scripts and people use it (PROTOCOL §8), run from the built bundle dist/cli.cjs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordLogOutput, recordSecret } from './helpers/logs.js';

const cleanEnv = (extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_'))), ...extra,
});
const tmp = () => mkdtempSync(join(tmpdir(), 'mina-auth-cli-'));

function cli(args: string[], opts: { env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { env: cleanEnv(opts.env), input: opts.input, encoding: 'utf8', timeout: 20_000 });
  recordLogOutput(r.stdout + r.stderr);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const running: ChildProcess[] = [];
// Each command runs in its own process group, so `npm run dev` takes its node child down with it.
afterEach(() => { for (const p of running.splice(0)) process.kill(-p.pid!, 'SIGTERM'); });

/** Starts a long-running command; resolves with everything it printed once `until` matches. */
function start(command: string, args: string[], until: RegExp, env: Record<string, string> = {}): Promise<{ out: string; proc: ChildProcess }> {
  const proc = spawn(command, args, { env: cleanEnv(env), detached: true });
  running.push(proc);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; stdout: ${out}\nstderr: ${err}`)), 25_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      recordLogOutput(d.toString());
      if (until.test(out)) { clearTimeout(timer); resolve({ out, proc }); }
    });
    proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}; stderr: ${err}`)); });
  });
}

describe('mina-auth', () => {
  it('prints usage, and one clear line with exit 2 on bad input', () => {
    expect(cli(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('usage: mina-auth') });
    for (const args of [['nope'], ['app', 'add'], ['app', 'frob', 'wx1'], ['migrate', '--bogus'], ['app', 'add', 'bad appid!', '--secret', 's'], ['dev', '--port', 'x']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^mina-auth: /);
    }
    for (const command of ['dev', 'serve', 'sandbox', 'migrate', 'app', 'key', 'refresh', 'sweep']) {
      expect(cli([command, '--help']).stdout, command).toContain('usage:');
    }
  });

  it('refuses unknown or malformed settings at start-up', () => {
    const data = tmp();
    expect(cli(['migrate', '--data', data], { env: { MINA_AUTH_PORTT: '1' } }).stderr).toContain('unknown setting MINA_AUTH_PORTT');
    expect(cli(['migrate', '--data', data], { env: { MINA_AUTH_PORT: 'x' } }).status).toBe(2);
    expect(cli(['migrate', '--data', data], { env: { MINA_AUTH_MASTER_KEY: 'short' } }).stderr).toContain('MINA_AUTH_MASTER_KEY must be 32 bytes');
    expect(cli(['dev', '--data', data], { env: { MINA_AUTH_DATABASE_URL: 'mysql://root@127.0.0.1/test' } }).stderr).toContain('dev only uses the embedded SQLite store');
    expect(cli(['serve', '--database-url', 'mysql://root@127.0.0.1:3306/test']).stderr).toContain('MINA_AUTH_MASTER_KEY is required with a MySQL store');
  });

  it('migrates, then adds, lists and removes apps; secrets never printed', () => {
    const data = tmp();
    expect(cli(['app', 'list', '--data', data]).stderr).toContain('mina-auth migrate');
    expect(cli(['migrate', '--data', data])).toMatchObject({ status: 0, stdout: 'applied: 0001_sessions, 0002_credentials, 0003_audit\n' });
    expect(cli(['migrate', '--data', data]).stdout).toBe('the schema is up to date\n');
    const secret = randomBytes(16).toString('hex');
    recordSecret(secret);
    const add = cli(['app', 'add', 'wx00000000000000a1', '--secret', '-', '--session-duration', '3600', '--data', data], { input: secret + '\n' });
    expect(add).toMatchObject({ status: 0, stdout: 'created wx00000000000000a1 (miniprogram)\n' });
    expect(add.stderr).toContain('made a new master key');
    expect(cli(['app', 'add', 'wx00000000000000a2', '--secret', secret, '--type', 'official_account', '--token-api', 'classic', '--data', data]).stdout).toBe('created wx00000000000000a2 (official_account)\n');
    const list = cli(['app', 'list', '--json', '--data', data]);
    expect(JSON.parse(list.stdout)).toEqual([
      { appid: 'wx00000000000000a1', type: 'miniprogram', login_duration: 30, session_duration: 3600, max_sessions: 20, watermark_max_age: 86400, token_api: 'stable' },
      { appid: 'wx00000000000000a2', type: 'official_account', login_duration: 30, session_duration: 2592000, max_sessions: 20, watermark_max_age: 86400, token_api: 'classic' },
    ]);
    expect(list.stdout + cli(['app', 'list', '--data', data]).stdout).not.toContain(secret);
    expect(cli(['app', 'add', 'wx00000000000000a3', '--secret', 's', '--type', 'game', '--data', data]).status).toBe(2);
    expect(cli(['app', 'remove', 'wx00000000000000a2', '--data', data]).status).toBe(0);
    expect(cli(['app', 'remove', 'wx00000000000000a2', '--data', data]).status).toBe(2);
    expect(cli(['sweep', '--data', data]).stdout).toBe('swept 0 expired sessions and 0 spent login claims\n');
    expect(cli(['refresh', '--data', data]).stdout).toBe('0 due, 0 renewed, 0 failed\n');
  });

  it('creates caller keys shown once, lists them without secrets, revokes them', () => {
    const data = tmp();
    cli(['migrate', '--data', data]);
    const created = cli(['key', 'create', '--name', 'orders', '--scope', 'qcloud.mimi.*:wx0123456789abcdef', '--scope', 'admin', '--expires-in', '30', '--data', data]);
    expect(created.status).toBe(0);
    const key = created.stdout.trim();
    recordSecret(key, key.split('_').slice(2).join('_'));
    expect(key).toMatch(/^mak_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    const keyId = key.split('_')[1]!;
    const list = cli(['key', 'list', '--json', '--data', data]);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ key_id: keyId, name: 'orders', scopes: ['qcloud.mimi.*:wx0123456789abcdef', 'admin'], revoked_at: null })]);
    expect(list.stdout + cli(['key', 'list', '--data', data]).stdout).not.toContain(key.split('_').slice(2).join('_'));
    expect(cli(['key', 'create', '--name', 'x', '--scope', 'no-colon', '--data', data]).status).toBe(2);
    expect(cli(['key', 'create', '--name', 'x', '--data', data]).status).toBe(2);
    expect(cli(['key', 'revoke', keyId, '--data', data]).stdout).toBe(`revoked ${keyId}\n`);
    expect(cli(['key', 'revoke', keyId, '--data', data]).status).toBe(2);
    expect(cli(['key', 'list', '--data', data]).stdout).toContain(`${keyId}  revoked  orders`);
  });

  it('dev prints a curl walk-through that works when pasted', async () => {
    const { out } = await start(process.execPath, ['dist/cli.cjs', 'dev', '--port', '0', '--sandbox-port', '0', '--data', tmp()], /# --- end ---/);
    const script = out.slice(out.indexOf('# --- mina-auth walk-through ---'), out.indexOf('# --- end ---'));
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 20_000 });
    const answers = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    for (const a of answers) recordSecret(a.returnData?.skey, a.returnData?.access_token);
    expect(answers.map((a) => a.returnMessage)).toEqual(['NEW_SESSION_SUCCESS', 'AUTH_SUCCESS', 'DECRYPT_SUCCESS', 'LOGOUT_SUCCESS', 'AUTH_FAIL', 'NEW_TOKEN_SUCCESS']);
    expect(answers[2].returnData.stepInfoList).toEqual([{ timestamp: 1700000000, step: 8000 }]);
  });

  it('npm run dev -- --json --port 0 … prints one JSON line first', async () => {
    const data = tmp();
    const { out } = await start('npm', ['run', '--silent', 'dev', '--', '--json', '--port', '0', '--sandbox-port', '0', '--data', data], /\}\n/);
    const first = JSON.parse(out.split('\n')[0]!);
    expect(Object.keys(first)).toEqual(['gateway', 'sandbox', 'appid', 'admin_key', 'data']);
    expect(first.admin_key).toMatch(/^mak_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    recordSecret(first.admin_key);
    expect(first).toMatchObject({ gateway: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/mina_auth$/), sandbox: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), appid: 'wx0123456789abcdef', data });
    const health = await fetch(first.gateway.replace('/mina_auth', '/healthz'));
    expect(health.status).toBe(200);
  });

  it('serve refuses an unmigrated store, then serves a migrated one', async () => {
    const data = tmp();
    expect(cli(['serve', '--port', '0', '--data', data]).stderr).toContain('needs migrating first');
    cli(['migrate', '--data', data]);
    const { out } = await start(process.execPath, ['dist/cli.cjs', 'serve', '--port', '0', '--host', '127.0.0.1', '--data', data], /"listening"/);
    const port = JSON.parse(out.split('\n').find((l) => l.includes('"listening"'))!).port;
    const r = await fetch(`http://127.0.0.1:${port}/mina_auth`, { method: 'POST', body: JSON.stringify({ interface: { interfaceName: 'qcloud.cam.auth', para: { id: 'a', skey: 'b' } } }) });
    expect(((await r.json()) as { returnCode: number }).returnCode).toBe(60012);
  });
});
