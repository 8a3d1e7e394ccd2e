// mina-auth import-wafer (PROTOCOL §6): a Wafer `cAuth` database on MariaDB (upstream and fork schemas) copied into
// either store dialect; imported sessions authenticate with their original absolute expiry, secrets are sealed,
// skeys hashed, a second import writes nothing, and Wafer's local times are read in the given time zone.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgentSecret } from '../../src/services/agents.js';
import { openSecret } from '../../src/services/apps.js';
import { createSecretBox } from '../../src/services/secretbox.js';
import { openSessionKey } from '../../src/services/sessions.js';
import { formatWaferSummary, importWafer } from '../../src/services/wafer-import.js';
import { openStore } from '../../src/store/db.js';
import type { Db } from '../../src/store/types.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/db.js';
import { expectFailure, expectSuccess } from '../helpers/expect.js';
import { recordLogOutput, recordSecret } from '../helpers/logs.js';
import { randomAppid, startWorld, type World } from '../helpers/world.js';

const HOUR = 3600;
const DAY = 86400;
const hex = (bytes = 16) => randomBytes(bytes).toString('hex');
const sha256Hex = (v: string) => createHash('sha256').update(v).digest('hex');
/** Wafer's DATETIME for instant t, as PHP's date() wrote it in Asia/Shanghai (UTC+8, no DST since 1991). */
const shanghai = (t: number) => new Date((t + 8 * HOUR) * 1000).toISOString().slice(0, 19).replace('T', ' ');
const base64Json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');

interface Source { db: TestDatabase; conn: Connection; insert(table: string, row: object): Promise<void>; close(): Promise<void> }

/** A fresh MariaDB database holding the Wafer schema of `fixture`. */
async function waferSource(fixture: 'upstream' | 'fork'): Promise<Source> {
  const db = await createTestDatabase('mysql');
  const conn = await createConnection({ uri: db.url, multipleStatements: true, charset: 'utf8mb4' });
  await conn.query(readFileSync(`test/fixtures/wafer/${fixture}.sql`, 'utf8'));
  return {
    db, conn,
    async insert(table, row) {
      const cols = Object.keys(row);
      await conn.execute(`INSERT INTO \`${table}\` (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(row) as (string | number | null)[]);
    },
    async close() { await conn.end(); await db.drop(); },
  };
}

interface WaferRow { uuid: string; skey: string; open_id: string; session_key: string; create_time: string; last_visit_time: string; user_info: string; appid?: string; union_id?: string }

function waferRow(created: number, lastVisit: number, extra: Partial<WaferRow> = {}): WaferRow {
  const row = {
    uuid: hex(), skey: hex(), open_id: `o${hex(13)}`, session_key: randomBytes(16).toString('base64'),
    create_time: shanghai(created), last_visit_time: shanghai(lastVisit), user_info: '', ...extra,
  };
  recordSecret(row.skey, row.session_key);
  return row;
}

/** An upstream database: one app (login_duration 2 days, session_duration 36 h) and its sessions as of `now`. */
async function upstreamSource(now: number) {
  const src = await waferSource('upstream');
  const app = { appid: randomAppid(), secret: hex(), login_duration: 2, session_duration: 36 * HOUR };
  recordSecret(app.secret);
  await src.insert('cAppinfo', app);
  const infoA = { openId: '', nickName: '小程序用户', gender: 1, unionId: `oU${hex(12)}`, watermark: { timestamp: now - DAY, appid: app.appid } };
  const infoB = { nickName: 'plain json', city: 'Shenzhen' };
  const rows = {
    live: waferRow(now - DAY, now - HOUR),
    plain: waferRow(now - 2 * HOUR, now - 2 * HOUR, { user_info: JSON.stringify(infoB) }),
    garbage: waferRow(now - 3 * HOUR, now - 3 * HOUR, { user_info: 'bm90IGpzb24gYXQgYWxs!!' }),
    pastLogin: waferRow(now - 49 * HOUR, now - HOUR),
    idle: waferRow(now - 47 * HOUR, now - 37 * HOUR),
    noSkey: waferRow(now - HOUR, now - HOUR, { skey: '' }),
  };
  infoA.openId = rows.live.open_id;
  rows.live.user_info = base64Json(infoA);
  for (const row of Object.values(rows)) await src.insert('cSessionInfo', row);
  return { src, app, rows, infoA, infoB };
}

/** Every value of the store's tables, as text, to look for plaintext. */
async function storeText(db: Db): Promise<string> {
  const tables = ['apps', 'users', 'sessions', 'agents', 'credentials', 'login_claims'] as const;
  const all = await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute()));
  return JSON.stringify(all);
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['apps', 'users', 'sessions', 'agents', 'credentials'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, (await db.selectFrom(t).selectAll().execute()).length])));
}

describe.runIf(DIALECTS.includes('mysql'))('import-wafer', () => {
  describe.each(DIALECTS)('into %s', (dialect) => {
    let w: World;
    beforeAll(async () => { w = await startWorld(dialect); });
    afterAll(async () => { await w?.close(); });

    const auth = (row: { uuid: string; skey: string }) => w.call('qcloud.cam.auth', { id: row.uuid, skey: row.skey });

    it('imports an upstream database: live sessions keep their id, skey and absolute expiry; expired ones do not come', async () => {
      const now = w.clock.now();
      const { src, app, rows, infoA, infoB } = await upstreamSource(now);
      try {
        const target = { db: w.deps.store.db, box: w.deps.box };
        const first = await importWafer(target, { from: src.db.url, now });
        expect(formatWaferSummary(first)).toBe('imported 1 app, 0 agents, 3 users, 3 live sessions (2 expired skipped, 1 invalid skipped)');
        expect(first.written).toEqual({ apps: 1, agents: 0, users: 3, sessions: 3, conflicts: 0 });

        const live = await auth(rows.live);
        expectSuccess(live, 'AUTH_SUCCESS');
        expect(live.returnData).toEqual({
          id: rows.live.uuid, appid: app.appid, openid: rows.live.open_id, unionid: infoA.unionId, user_info: infoA,
          expires_at: now - DAY + app.login_duration * DAY, // the original create_time + login_duration days
        });
        const plain = await auth(rows.plain);
        expectSuccess(plain, 'AUTH_SUCCESS');
        // Here the idle limit (36 h from this check) comes before the absolute one (48 h from login).
        expect(plain.returnData).toMatchObject({ unionid: null, user_info: infoB, expires_at: now + 36 * HOUR });
        expect((await auth(rows.garbage)).returnData).toMatchObject({ openid: rows.garbage.open_id, user_info: null });
        for (const dead of [rows.pastLogin, rows.idle]) expectFailure(await auth(dead), 60012, 'AUTH_FAIL');
        expectFailure(await auth({ uuid: rows.noSkey.uuid, skey: hex() }), 60012, 'AUTH_FAIL');
        expectFailure(await auth({ uuid: rows.live.uuid, skey: rows.plain.skey }), 60012, 'AUTH_FAIL');

        const db = w.deps.store.db;
        const appRow = (await db.selectFrom('apps').selectAll().where('appid', '=', app.appid).executeTakeFirstOrThrow());
        expect(appRow).toMatchObject({ type: 'miniprogram', login_duration: 2, session_duration: 36 * HOUR });
        expect(openSecret(w.deps.box, appRow)).toBe(app.secret);
        const session = await db.selectFrom('sessions').selectAll().where('id', '=', rows.live.uuid).executeTakeFirstOrThrow();
        expect({ ...session, seq: 0, created_at: Number(session.created_at) }).toMatchObject({ appid: app.appid, openid: rows.live.open_id, skey_hash: sha256Hex(rows.live.skey), created_at: now - DAY });
        const user = await db.selectFrom('users').selectAll().where('appid', '=', app.appid).where('openid', '=', rows.live.open_id).executeTakeFirstOrThrow();
        expect(openSessionKey(w.deps, user)).toBe(rows.live.session_key);
        expect(await db.selectFrom('users').select('openid').where('openid', 'in', [rows.pastLogin.open_id, rows.idle.open_id, rows.noSkey.open_id]).execute()).toEqual([]);

        const text = await storeText(db);
        for (const value of [app.secret, ...Object.values(rows).flatMap((r) => [r.skey, r.session_key])].filter(Boolean)) expect(text).not.toContain(value);

        // Again: nothing written, no duplicates, and the visit the gateway recorded since is not moved back.
        const before = await rowCounts(db);
        const visited = Number((await db.selectFrom('sessions').select('last_visit_at').where('id', '=', rows.live.uuid).executeTakeFirstOrThrow()).last_visit_at);
        expect(visited).toBe(now);
        const second = await importWafer(target, { from: src.db.url, now });
        expect(second.written).toEqual({ apps: 0, agents: 0, users: 0, sessions: 0, conflicts: 0 });
        expect(formatWaferSummary(second)).toBe(formatWaferSummary(first));
        expect(await rowCounts(db)).toEqual(before);
        expect(Number((await db.selectFrom('sessions').select('last_visit_at').where('id', '=', rows.live.uuid).executeTakeFirstOrThrow()).last_visit_at)).toBe(visited);
        expectSuccess(await auth(rows.live), 'AUTH_SUCCESS');

        // A later Wafer login of the same user (Wafer keeps the uuid, rotates the skey) replaces the imported one.
        const relogin = waferRow(now - 13 * HOUR, now - 13 * HOUR, { uuid: rows.live.uuid, open_id: rows.live.open_id, user_info: rows.live.user_info });
        await src.conn.execute('UPDATE cSessionInfo SET skey = ?, session_key = ?, create_time = ?, last_visit_time = ? WHERE uuid = ?',
          [relogin.skey, relogin.session_key, relogin.create_time, relogin.last_visit_time, relogin.uuid]);
        expect((await importWafer(target, { from: src.db.url, now })).written).toMatchObject({ users: 1, sessions: 1 });
        expectFailure(await auth(rows.live), 60012, 'AUTH_FAIL');
        expect((await auth(relogin)).returnData).toMatchObject({ id: rows.live.uuid, expires_at: now - 13 * HOUR + 2 * DAY });
        const reloginUser = await db.selectFrom('users').selectAll().where('appid', '=', app.appid).where('openid', '=', rows.live.open_id).executeTakeFirstOrThrow();
        expect(openSessionKey(w.deps, reloginUser)).toBe(relogin.session_key);
        expect(await rowCounts(db)).toEqual(before);
      } finally {
        await src.close();
      }
    });

    it('imports the fork: apps by cSessionInfo.appid, union_id, WeCom agents; cached tokens and tickets stay behind', async () => {
      const now = w.clock.now();
      const src = await waferSource('fork');
      try {
        const [appA, appB] = [randomAppid(), randomAppid()].sort() as [string, string];
        const secrets = { [appA]: hex(), [appB]: hex() };
        const cached = { token: `tok_${hex()}`, ticket: `tkt_${hex()}`, agentTicket: `atk_${hex()}` };
        recordSecret(...Object.values(secrets), ...Object.values(cached));
        await src.insert('cAppinfo', { appid: appA, secret: secrets[appA], access_token: cached.token, expires_in: 7200, update_time: shanghai(now - 60) });
        await src.insert('cAppinfo', { appid: appB, secret: secrets[appB], login_duration: null, session_duration: null });
        const agent = { corpid: `ww${hex(8)}`, agentid: '1000002', agentsecret: randomBytes(32).toString('base64url').slice(0, 43), remark: '内网门户' };
        recordSecret(agent.agentsecret);
        await src.insert('cAppinfo_work', { ...agent, access_token: cached.token, ticket: cached.ticket, agent_ticket: cached.agentTicket, update_time: shanghai(now - 60) });

        const infoB = { nickName: 'B', unionId: `oU${hex(12)}` };
        const twice = `o${hex(13)}`;
        const rows = {
          unionColumn: waferRow(now - DAY, now - DAY, { appid: appA, union_id: `oU${hex(12)}` }),
          unionInInfo: waferRow(now - DAY, now - DAY, { appid: appB, user_info: base64Json(infoB) }),
          noAppid: waferRow(now - DAY, now - DAY, { appid: '' }),
          unknownApp: waferRow(now - DAY, now - DAY, { appid: randomAppid() }),
          olderTwin: waferRow(now - 2 * DAY, now - 2 * DAY, { appid: appA, open_id: twice }),
          newerTwin: waferRow(now - DAY, now - HOUR, { appid: appA, open_id: twice }),
          expired: waferRow(now - 31 * DAY, now - 31 * DAY, { appid: appA }),
        };
        for (const row of Object.values(rows)) await src.insert('cSessionInfo', row);

        const db = w.deps.store.db;
        const before = await rowCounts(db);
        const target = { db, box: w.deps.box };
        const summary = await importWafer(target, { from: src.db.url, now });
        expect(formatWaferSummary(summary)).toBe('imported 2 apps, 1 agent, 4 users, 5 live sessions (1 expired skipped, 1 of unknown apps skipped)');

        expect((await auth(rows.unionColumn)).returnData).toMatchObject({ appid: appA, unionid: rows.unionColumn.union_id, user_info: null, expires_at: now - DAY + 30 * DAY });
        expect((await auth(rows.unionInInfo)).returnData).toMatchObject({ appid: appB, unionid: infoB.unionId, user_info: infoB });
        // An empty appid is Wafer 1's one app: the last cAppinfo row.
        expect((await auth(rows.noAppid)).returnData).toMatchObject({ appid: appB });
        expectFailure(await auth(rows.unknownApp), 60012, 'AUTH_FAIL');
        expectFailure(await auth(rows.expired), 60012, 'AUTH_FAIL');
        // Two Wafer rows of one user (concurrent first logins): one user with the later session_key, two sessions.
        expectSuccess(await auth(rows.olderTwin), 'AUTH_SUCCESS');
        expectSuccess(await auth(rows.newerTwin), 'AUTH_SUCCESS');
        const twin = await db.selectFrom('users').selectAll().where('appid', '=', appA).where('openid', '=', twice).executeTakeFirstOrThrow();
        expect(openSessionKey(w.deps, twin)).toBe(rows.newerTwin.session_key);

        const apps = await db.selectFrom('apps').selectAll().where('appid', 'in', [appA, appB]).orderBy('appid').execute();
        expect(apps.map((a) => [a.appid, a.type, a.login_duration, a.session_duration])).toEqual([[appA, 'miniprogram', 30, 2592000], [appB, 'miniprogram', 30, 2592000]]);
        for (const a of apps) expect(openSecret(w.deps.box, a)).toBe(secrets[a.appid]);
        const agentRow = await db.selectFrom('agents').selectAll().where('corpid', '=', agent.corpid).executeTakeFirstOrThrow();
        expect(agentRow).toMatchObject({ agentid: '1000002', remark: agent.remark });
        expect(openAgentSecret(w.deps.box, agentRow)).toBe(agent.agentsecret);
        expect(await db.selectFrom('credentials').selectAll().where('owner', 'in', [appA, appB, `${agent.corpid}/1000002`]).execute()).toEqual([]);

        const text = await storeText(db);
        for (const value of [...Object.values(secrets), ...Object.values(cached), agent.agentsecret, ...Object.values(rows).flatMap((r) => [r.skey, r.session_key])]) {
          expect(text).not.toContain(value);
        }
        const after = await rowCounts(db);
        expect(after).toEqual({ ...before, apps: before.apps! + 2, agents: before.agents! + 1, users: before.users! + 4, sessions: before.sessions! + 5 });
        expect((await importWafer(target, { from: src.db.url, now })).written).toEqual({ apps: 0, agents: 0, users: 0, sessions: 0, conflicts: 0 });
        expect(await rowCounts(db)).toEqual(after);
      } finally {
        await src.close();
      }
    });
  });

  describe('through the built CLI', () => {
    const masterKey = randomBytes(32).toString('base64');
    const cleanEnv = () => ({ ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_'))), MINA_AUTH_MASTER_KEY: masterKey });
    function cli(args: string[]) {
      const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { env: cleanEnv(), encoding: 'utf8', timeout: 20_000 });
      recordLogOutput(r.stdout + r.stderr);
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    }
    const tmp = () => mkdtempSync(join(tmpdir(), 'mina-auth-wafer-'));

    it('imports into --data, repeat-safe; --dry-run writes nothing; --timezone moves the times', async () => {
      const now = Math.floor(Date.now() / 1000);
      const { src, app, rows } = await upstreamSource(now);
      try {
        const data = tmp();
        const dry = cli(['import-wafer', '--from', src.db.url, '--data', data, '--dry-run']);
        const line = 'imported 1 app, 0 agents, 3 users, 3 live sessions (2 expired skipped, 1 invalid skipped)';
        expect(dry).toMatchObject({ status: 0, stdout: `${line}\ndry run: nothing was written\n` });
        expect(existsSync(join(data, 'mina-auth.db'))).toBe(false);
        expect(cli(['import-wafer', '--from', src.db.url, '--data', data]).stderr).toContain('mina-auth migrate');
        expect(cli(['migrate', '--data', data]).status).toBe(0);
        const first = cli(['import-wafer', '--from', src.db.url, '--data', data]);
        expect(first).toMatchObject({ status: 0, stdout: `${line}\n`, stderr: '' });
        expect(cli(['import-wafer', '--from', src.db.url, '--data', data, '--timezone', 'Asia/Shanghai'])).toMatchObject({ status: 0, stdout: `${line}\n` });

        const utc = tmp();
        cli(['migrate', '--data', utc]);
        // Read as UTC, every time is 8 h later: the two sessions expired in Shanghai time are live.
        expect(cli(['import-wafer', '--from', src.db.url, '--data', utc, '--timezone', 'UTC']).stdout)
          .toBe('imported 1 app, 0 agents, 5 users, 5 live sessions (0 expired skipped, 1 invalid skipped)\n');

        const store = openStore(`sqlite:${join(data, 'mina-auth.db')}`);
        const utcStore = openStore(`sqlite:${join(utc, 'mina-auth.db')}`);
        try {
          expect(await rowCounts(store.db)).toEqual({ apps: 1, users: 3, sessions: 3, agents: 0, credentials: 0 });
          const created = async (db: Db) => Number((await db.selectFrom('sessions').select('created_at').where('id', '=', rows.live.uuid).executeTakeFirstOrThrow()).created_at);
          expect(await created(store.db)).toBe(now - DAY);
          expect(await created(utcStore.db)).toBe(now - DAY + 8 * HOUR);
          const session = await store.db.selectFrom('sessions').selectAll().where('id', '=', rows.live.uuid).executeTakeFirstOrThrow();
          expect(session.skey_hash).toBe(sha256Hex(rows.live.skey));
          const appRow = await store.db.selectFrom('apps').selectAll().executeTakeFirstOrThrow();
          expect(openSecret(createSecretBox(Buffer.from(masterKey, 'base64')), appRow)).toBe(app.secret);
          const text = await storeText(store.db);
          for (const value of [app.secret, ...Object.values(rows).flatMap((r) => [r.skey, r.session_key])].filter(Boolean)) {
            expect(text).not.toContain(value);
            expect(dry.stdout + first.stdout + first.stderr).not.toContain(value);
          }
        } finally {
          await store.close();
          await utcStore.close();
        }
      } finally {
        await src.close();
      }
    }, 90_000);

    it('answers bad input with one line and exit 2', async () => {
      const data = tmp();
      cli(['migrate', '--data', data]);
      const empty = await createTestDatabase('mysql');
      const badApp = await waferSource('upstream');
      try {
        await badApp.insert('cAppinfo', { appid: randomAppid(), secret: '' });
        const cases: [string[], string][] = [
          [[], 'needs --from'],
          [['--from', 'http://example.com/cAuth'], '--from must be mysql://'],
          [['--from', 'mysql://root@127.0.0.1:3306/'], '--from must be mysql://'],
          [['--from', badApp.db.url, '--timezone', 'Mars/Olympus'], 'unknown time zone "Mars/Olympus"'],
          [['--from', 'mysql://root@127.0.0.1:1/cAuth'], 'cannot read the Wafer database'],
          [['--from', 'mysql://root@127.0.0.1:3306/mina_no_such_db_x'], 'cannot read the Wafer database'],
          [['--from', empty.url], 'has no cAppinfo table'],
          [['--from', badApp.db.url], 'has an empty secret'],
          [['--from', badApp.db.url, '--bogus'], 'bogus'],
        ];
        for (const [args, message] of cases) {
          const r = cli(['import-wafer', ...args, '--data', data]);
          expect(r.status, args.join(' ')).toBe(2);
          expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
          expect(r.stderr, args.join(' ')).toMatch(/^mina-auth: /);
          expect(r.stderr, args.join(' ')).toContain(message);
        }
        expect(cli(['import-wafer', '--help']).stdout).toContain('usage: mina-auth import-wafer');
        expect(cli(['--help']).stdout).toContain('import-wafer');
      } finally {
        await empty.drop();
        await badApp.close();
      }
    }, 90_000);
  });
});
