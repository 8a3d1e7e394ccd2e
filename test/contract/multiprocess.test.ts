// One upstream fetch per refresh across processes: 8 separate `mina-auth serve` processes on one MariaDB,
// each firing 200 concurrent qcloud.mimi.access_token calls at the moment the token is due.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.js';
import { recordLogOutput, recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

const PROCESSES = 8;
const CONCURRENT = 200;

describe.runIf(DIALECTS.includes('mysql'))('the token single flight across 8 processes on MariaDB', () => {
  let w: World;
  let key = '';
  let appid = '';
  const children: ChildProcess[] = [];
  let ports: number[] = [];
  let env: Record<string, string> = {};

  function serve(extra: Record<string, string> = {}): Promise<number> {
    const child = spawn(process.execPath, ['dist/cli.cjs', 'serve', '--port', '0', '--host', '127.0.0.1'], { env: { ...env, ...extra } });
    children.push(child);
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        recordLogOutput(d.toString());
        if (out === null) return;
        out += d.toString();
        const m = /"msg":"listening","port":(\d+)/.exec(out);
        if (m) { out = null as unknown as string; resolve(Number(m[1])); }
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err.slice(0, 500)}`)));
    });
  }

  beforeAll(async () => {
    w = await startWorld('mysql');
    ({ appid } = await w.addApp());
    ({ key } = await w.callerKey('fleet', ['qcloud.mimi.*:*']));
    env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_'))) as Record<string, string>,
      // A small pool per process: 8 of them share MariaDB's 151 connections with the rest of the suite.
      MINA_AUTH_DATABASE_URL: `${w.config.databaseUrl}?connectionLimit=3`, MINA_AUTH_MASTER_KEY: w.config.masterKey!.toString('base64'),
      // A long upstream timeout: under load a slow sandbox answer must not turn into a retried (double-counted) call.
      MINA_AUTH_WECHAT_BASE_URL: w.sandbox.url, MINA_AUTH_UPSTREAM_TIMEOUT_MS: '20000', MINA_AUTH_LOG_LEVEL: 'info',
    };
    ports = await Promise.all(Array.from({ length: PROCESSES }, () => serve()));
  }, 60_000);
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await agent.close();
    await w?.close();
  });

  const fetches = async () => (await w.stats()).calls['/cgi-bin/stable_token']?.[appid] ?? 0;
  const setRow = (values: Record<string, number>) => w.deps.store.db.updateTable('credentials').set(values).where('kind', '=', 'mp_token').where('owner', '=', appid).execute();
  // Client sockets idle for less than the server's 5 s keep-alive, so a storm never reuses one the server is closing.
  const agent = new Agent({ keepAliveTimeout: 1000, keepAliveMaxTimeout: 1000 });
  const call = async (port: number, para: Record<string, unknown>) => {
    const res = await request(`http://127.0.0.1:${port}/mina_auth`, { method: 'POST', dispatcher: agent, headers: { authorization: `Bearer ${key}` }, body: JSON.stringify({ interface: { interfaceName: 'qcloud.mimi.access_token', para: { appid, ...para } } }) });
    return (await res.body.json()) as { returnCode: number; returnData: { access_token: string } };
  };
  /** 8 processes × 200 concurrent calls, all at once. */
  const storm = async (para: Record<string, unknown> = {}) => {
    const answers = await Promise.all(ports.flatMap((port) => Array.from({ length: CONCURRENT }, () => call(port, para))));
    for (const a of answers) recordSecret(a.returnData?.access_token);
    expect(answers.filter((a) => a.returnCode !== 0)).toEqual([]);
    return new Set(answers.map((a) => a.returnData.access_token));
  };
  // Let every process's 2 s cache lapse, so the storm reads the store.
  const lapse = () => new Promise((r) => setTimeout(r, 2100));

  it('fetches once when the token is due for refresh-ahead', async () => {
    await storm();
    expect(await fetches()).toBe(1);
    await setRow({ refresh_after: 0 });
    await lapse();
    await storm();
    expect(await fetches()).toBe(2);
  }, 60_000);

  it('fetches once when the token has expired, and every caller gets the new one', async () => {
    await setRow({ expires_at: 1, refresh_after: 0 });
    await lapse();
    const tokens = await storm();
    expect(tokens.size).toBe(1);
    expect(await fetches()).toBe(3);
  }, 60_000);

  it('fetches once when every caller reports the current token as invalid', async () => {
    const [current] = await storm();
    await setRow({ fetched_at: 0 });
    await lapse();
    await storm({ invalid_token: current });
    expect(await fetches()).toBe(4);
  }, 60_000);

  it('lets another process take over when the lease holder is killed mid-fetch', async () => {
    const hung = await serve({ MINA_AUTH_UPSTREAM_TIMEOUT_MS: '60000' });
    await w.fault('/cgi-bin/stable_token', 'timeout');
    await setRow({ expires_at: 1, refresh_after: 0 });
    void call(hung, {}).catch(() => undefined);
    let lease = 0;
    for (let i = 0; i < 100 && !lease; i++) {
      await new Promise((r) => setTimeout(r, 50));
      lease = (await w.deps.store.db.selectFrom('credentials').select('lease_until').where('owner', '=', appid).where('kind', '=', 'mp_token').executeTakeFirstOrThrow()).lease_until;
    }
    expect(lease).toBeGreaterThan(0);
    // The lease is taken just before the request leaves: kill the holder only once WeChat has it (mid-fetch).
    for (let i = 0; i < 100 && (await fetches()) < 5; i++) await new Promise((r) => setTimeout(r, 50));
    children.at(-1)!.kill('SIGKILL');
    expect(await fetches()).toBe(5);
    // Time passes past the dead holder's lease (the world's gateway runs on an injected clock).
    w.clock.set(lease + 1);
    const env = await w.callWithKey(key, 'qcloud.mimi.access_token', { appid });
    recordSecret(env.returnData?.access_token);
    expect(env.returnCode).toBe(0);
    expect(await fetches()).toBe(6);
  }, 60_000);
});
