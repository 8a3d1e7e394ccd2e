// Import of a Wafer session server's database (`cAuth`: cAppinfo, cSessionInfo, cAppinfo_work; upstream or the
// sdlyfjx fork), PROTOCOL §6: secrets sealed and skeys hashed on the way in, live sessions keep their absolute expiry.
import { Kysely, MysqlDialect, sql } from 'kysely';
import { createPool } from 'mysql2';
import { APPID_PATTERN } from '../config.js';
import { agentid, corpid, secretText } from '../dispatch/schemas.js';
import type { Db } from '../store/types.js';
import { findAgent, openAgentSecret, putAgent } from './agents.js';
import { APP_DEFAULTS, findApp, openSecret, updateApp } from './apps.js';
import { opensTo, sha256Hex, type SecretBox } from './secretbox.js';
import { sessionKeyContext, sessionOver } from './sessions.js';

export const DEFAULT_WAFER_TIMEZONE = 'Asia/Shanghai';

/** Bad input: the source is unreachable, is not a Wafer database, or holds a value the gateway cannot take. */
export class WaferImportError extends Error {}

/** The Wafer tables, as far as the import reads them (fork-only columns are read only when they exist). */
interface WaferDb {
  cAppinfo: { appid: string; secret: string; login_duration: number | null; session_duration: number | null };
  cSessionInfo: {
    id: number; uuid: string; skey: string; create_time: unknown; last_visit_time: unknown; open_id: string;
    session_key: string; user_info: string | null; appid: string | null; union_id: string | null;
  };
  cAppinfo_work: { corpid: string; agentid: string; agentsecret: string; remark: string | null };
}

export interface WaferApp { appid: string; secret: string; login_duration: number; session_duration: number }
export interface WaferAgent { corpid: string; agentid: string; secret: string; remark: string | null }
export interface WaferUser {
  appid: string; openid: string; sessionKey: string; unionid: string | null; userInfo: string | null;
  /** Earliest login seen in the source, and the login the session_key comes from (Unix seconds). */
  firstSeen: number; loginAt: number;
}
export interface WaferSession { id: string; appid: string; openid: string; skeyHash: string; createdAt: number; lastVisitAt: number }

/** What the source holds that the gateway takes: only users with a live session, and only live sessions. */
export interface WaferPlan {
  apps: WaferApp[];
  agents: WaferAgent[];
  users: WaferUser[];
  sessions: WaferSession[];
  skipped: { expired: number; invalid: number; unknownApp: number };
}

export interface WaferWrites { apps: number; agents: number; users: number; sessions: number; conflicts: number }
export interface WaferImportSummary extends WaferPlan { written: WaferWrites | null }

export interface WaferImportOptions {
  /** mysql://USER:PASS@HOST:PORT/cAuth */
  from: string;
  /** The zone Wafer wrote its DATETIMEs in (Asia/Shanghai for upstream, PRC for the fork). */
  timezone?: string;
  dryRun?: boolean;
  /** Unix seconds: sessions expired at this time are skipped. */
  now: number;
}

/** Reads the Wafer database and, unless a dry run, upserts it into the store. Repeat-safe. */
export async function importWafer(target: { db: Db; box: SecretBox } | null, opts: WaferImportOptions): Promise<WaferImportSummary> {
  const plan = await planWaferImport(opts);
  if (opts.dryRun) return { ...plan, written: null };
  if (!target) throw new Error('importWafer: a store is needed unless dryRun');
  return { ...plan, written: await writeWafer(target.db, target.box, opts.now, plan) };
}

/** Reads and checks the Wafer database; writes nothing anywhere. */
export async function planWaferImport(opts: Omit<WaferImportOptions, 'dryRun'>): Promise<WaferPlan> {
  const toUnix = zonedTimeParser(opts.timezone ?? DEFAULT_WAFER_TIMEZONE);
  const source = openWaferSource(opts.from);
  try {
    return await readWafer(source, toUnix, opts.now);
  } finally {
    await source.destroy();
  }
}

export function formatWaferSummary(s: WaferPlan): string {
  const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const skipped = [`${s.skipped.expired} expired skipped`];
  if (s.skipped.invalid) skipped.push(`${s.skipped.invalid} invalid skipped`);
  if (s.skipped.unknownApp) skipped.push(`${s.skipped.unknownApp} of unknown apps skipped`);
  return `imported ${n(s.apps.length, 'app')}, ${n(s.agents.length, 'agent')}, ${n(s.users.length, 'user')}, `
    + `${n(s.sessions.length, 'live session')} (${skipped.join(', ')})`;
}

function openWaferSource(url: string): Kysely<WaferDb> {
  if (!/^mysql:\/\/[^/]+\/[^/?]+/.test(url)) throw new WaferImportError('--from must be mysql://USER:PASS@HOST:PORT/DATABASE (the Wafer cAuth database)');
  let uri: string;
  try {
    uri = new URL(url).toString();
  } catch {
    throw new WaferImportError('--from is not a valid mysql:// URL');
  }
  // dateStrings: Wafer's DATETIMEs are wall-clock times of --timezone, not of this process; they are converted here.
  const pool = createPool({ uri, connectionLimit: 1, dateStrings: true, charset: 'utf8mb4', connectTimeout: 5_000 });
  return new Kysely<WaferDb>({ dialect: new MysqlDialect({ pool }) });
}

/** The source, read in one consistent snapshot, with writes refused where the server can refuse them. */
async function readWafer(source: Kysely<WaferDb>, toUnix: (v: unknown) => number | null, now: number): Promise<WaferPlan> {
  try {
    return await source.connection().execute(async (conn) => {
      // MySQL ≥ 5.6.5 / MariaDB ≥ 10.0; older servers just run without the guard (the import only selects).
      await sql`SET SESSION TRANSACTION READ ONLY`.execute(conn).catch(() => {});
      await sql`START TRANSACTION WITH CONSISTENT SNAPSHOT`.execute(conn);
      try {
        return await readTables(conn, toUnix, now);
      } finally {
        await sql`ROLLBACK`.execute(conn).catch(() => {});
      }
    });
  } catch (err) {
    if (err instanceof WaferImportError) throw err;
    const code = (err as { code?: unknown }).code;
    // Driver errors (unreachable, access denied, unknown database, …) are the user's to fix; mysql2 never puts the password in them.
    if (typeof code === 'string') throw new WaferImportError(`cannot read the Wafer database: ${(err as Error).message}`);
    throw err;
  }
}

async function readTables(conn: Kysely<WaferDb>, toUnix: (v: unknown) => number | null, now: number): Promise<WaferPlan> {
  const database = (await sql<{ db: string | null }>`SELECT DATABASE() AS db`.execute(conn)).rows[0]?.db;
  if (!database) throw new WaferImportError('--from must name the Wafer database (mysql://…/cAuth)');
  const tableNames = (await sql<{ name: string }>`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`
    .execute(conn)).rows.map((r) => r.name);
  // lower_case_table_names and the README's `cAppInfo` spelling: match names case-insensitively, the exact one first.
  const table = (name: keyof WaferDb) => (tableNames.includes(name) ? name : tableNames.find((t) => t.toLowerCase() === name.toLowerCase())) as keyof WaferDb | undefined;
  const columns = async (name: string) => new Set((await sql<{ name: string }>`SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${name}`
    .execute(conn)).rows.map((r) => r.name.toLowerCase()));
  const requireColumns = async (name: string, wanted: string[]) => {
    const have = await columns(name);
    const missing = wanted.filter((c) => !have.has(c));
    if (missing.length) throw new WaferImportError(`${database}.${name} has no column ${missing.join(', ')}: not a Wafer session server database`);
    return have;
  };

  const appTable = table('cAppinfo') as 'cAppinfo' | undefined;
  const sessionTable = table('cSessionInfo') as 'cSessionInfo' | undefined;
  if (!appTable || !sessionTable) throw new WaferImportError(`${database} has no ${appTable ? 'cSessionInfo' : 'cAppinfo'} table: not a Wafer session server database`);
  await requireColumns(appTable, ['appid', 'secret', 'login_duration', 'session_duration']);
  const sessionColumns = await requireColumns(sessionTable, ['id', 'uuid', 'skey', 'create_time', 'last_visit_time', 'open_id', 'session_key', 'user_info']);

  // Cached access tokens and tickets (fork columns) are never selected: the gateway fetches its own.
  // Wafer 1 took the last row of `select * from cAppinfo` (primary-key order) as its one app.
  const appRows = await conn.selectFrom(appTable).select(['appid', 'secret', 'login_duration', 'session_duration']).orderBy('appid').execute();
  const apps = appRows.map(toApp);
  const appsById = new Map(apps.map((a) => [a.appid, a]));
  if (appsById.size !== apps.length) throw new WaferImportError(`${appTable} lists an appid twice`);
  const defaultApp = apps.at(-1) ?? null;

  const workTable = table('cAppinfo_work') as 'cAppinfo_work' | undefined;
  let agents: WaferAgent[] = [];
  if (workTable) {
    await requireColumns(workTable, ['corpid', 'agentid', 'agentsecret', 'remark']);
    agents = (await conn.selectFrom(workTable).select(['corpid', 'agentid', 'agentsecret', 'remark']).orderBy('corpid').orderBy('agentid').execute()).map(toAgent);
  }

  // Pass 1: everything but user_info (up to 2 KB a row), to classify sessions and pick each user's latest login.
  const hasAppid = sessionColumns.has('appid');
  const hasUnionid = sessionColumns.has('union_id');
  type SessionCol = keyof WaferDb['cSessionInfo'];
  const cols: SessionCol[] = ['id', 'uuid', 'skey', 'create_time', 'last_visit_time', 'open_id', 'session_key',
    ...(hasAppid ? ['appid' as const] : []), ...(hasUnionid ? ['union_id' as const] : [])];
  const rows = await conn.selectFrom(sessionTable).select(cols).orderBy('id').execute();

  const skipped = { expired: 0, invalid: 0, unknownApp: 0 };
  const sessions = new Map<string, WaferSession>();
  interface Source { rowId: number; createdAt: number; sessionKey: string; unionid: string | null }
  const userRows = new Map<string, { appid: string; openid: string; rows: Source[] }>();
  for (const row of rows) {
    const uuid = text(row.uuid);
    const skey = text(row.skey);
    const openid = text(row.open_id);
    const sessionKey = text(row.session_key);
    const createdAt = toUnix(row.create_time);
    const lastVisitAt = toUnix(row.last_visit_time);
    // Blank uuid, skey, open_id or session_key, values longer than the gateway's columns, or unreadable times.
    if (!uuid.trim() || uuid.length > 64 || !skey.trim() || !openid.trim() || openid.length > 128 || !sessionKey.trim()
      || createdAt === null || lastVisitAt === null) {
      skipped.invalid++;
      continue;
    }
    // Upstream rows (no appid column) and fork rows with an empty appid belong to the one app Wafer 1 used.
    const waferAppid = hasAppid ? text(row.appid).trim() : '';
    const app = waferAppid ? appsById.get(waferAppid) : defaultApp;
    if (!app) {
      skipped.unknownApp++;
      continue;
    }
    const userKey = `${app.appid}\0${openid}`;
    const user = userRows.get(userKey) ?? { appid: app.appid, openid, rows: [] };
    userRows.set(userKey, user);
    const unionid = hasUnionid ? text(row.union_id).trim() : '';
    user.rows.push({ rowId: Number(row.id), createdAt, sessionKey, unionid: unionid && unionid.length <= 128 ? unionid : null });
    if (sessionOver(createdAt, lastVisitAt, app, now)) {
      skipped.expired++;
      continue;
    }
    const session = { id: uuid, appid: app.appid, openid, skeyHash: sha256Hex(skey), createdAt, lastVisitAt };
    const seen = sessions.get(uuid);
    // Wafer never made a uuid twice on purpose; should it have, the later login wins and the other is invalid.
    if (seen) skipped.invalid++;
    if (!seen || seen.createdAt <= createdAt) sessions.set(uuid, session);
  }

  // Pass 2: user_info of the users being imported. The session_key, unionid and user_info come from the user's
  // latest login that has them (one row per openid in Wafer, but concurrent first logins could make two).
  const liveUserKeys = new Set([...sessions.values()].map((s) => `${s.appid}\0${s.openid}`));
  const liveUsers = [...userRows.entries()].filter(([key]) => liveUserKeys.has(key)).map(([, u]) => u);
  const infoByRow = new Map<number, string | null>();
  const wantedRows = liveUsers.flatMap((u) => u.rows.map((r) => r.rowId));
  for (let i = 0; i < wantedRows.length; i += 500) {
    const chunk = wantedRows.slice(i, i + 500);
    for (const r of await conn.selectFrom(sessionTable).select(['id', 'user_info']).where('id', 'in', chunk).execute()) {
      infoByRow.set(Number(r.id), decodeUserInfo(r.user_info));
    }
  }
  const users: WaferUser[] = liveUsers.map((u) => {
    const latestFirst = [...u.rows].sort((a, b) => b.createdAt - a.createdAt || b.rowId - a.rowId);
    const latest = latestFirst[0]!;
    const userInfo = latestFirst.map((r) => infoByRow.get(r.rowId) ?? null).find((info) => info !== null) ?? null;
    const infoUnionid = userInfo === null ? null : (JSON.parse(userInfo) as { unionId?: unknown }).unionId;
    const unionid = latestFirst.find((r) => r.unionid)?.unionid
      ?? (typeof infoUnionid === 'string' && infoUnionid && infoUnionid.length <= 128 ? infoUnionid : null);
    return {
      appid: u.appid, openid: u.openid, sessionKey: latest.sessionKey, unionid, userInfo,
      firstSeen: Math.min(...u.rows.map((r) => r.createdAt)), loginAt: latest.createdAt,
    };
  });
  return { apps, agents, users, sessions: [...sessions.values()], skipped };
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function toApp(row: WaferDb['cAppinfo']): WaferApp {
  const appid = text(row.appid);
  if (!new RegExp(APPID_PATTERN).test(appid)) throw new WaferImportError(`cAppinfo has an appid the gateway cannot take (letters, digits, _ and -, at most 64): "${appid.slice(0, 64)}"`);
  const secret = text(row.secret);
  if (!secret.trim()) throw new WaferImportError(`cAppinfo: app ${appid} has an empty secret`);
  return {
    appid, secret,
    login_duration: wholeIn(row.login_duration, APP_DEFAULTS.login_duration, 1, 3650, `cAppinfo: app ${appid} login_duration (days)`),
    session_duration: wholeIn(row.session_duration, APP_DEFAULTS.session_duration, 1, 315360000, `cAppinfo: app ${appid} session_duration (seconds)`),
  };
}

/** What the gateway's own interfaces accept (src/dispatch/schemas.ts). */
const CORPID = new RegExp(corpid.pattern);
const AGENTID = new RegExp(agentid.pattern);
const SECRET = new RegExp(secretText.pattern);

function toAgent(row: WaferDb['cAppinfo_work']): WaferAgent {
  const corpid = text(row.corpid);
  const agentid = text(row.agentid);
  const name = `cAppinfo_work: agent ${corpid.slice(0, 64)}/${agentid.slice(0, 20)}`;
  if (!CORPID.test(corpid) || !AGENTID.test(agentid)) throw new WaferImportError(`${name} has a corpid or agentid the gateway cannot take`);
  const secret = text(row.agentsecret);
  if (!SECRET.test(secret)) throw new WaferImportError(`${name} has an empty or malformed agentsecret`);
  const remark = row.remark === null || row.remark === undefined ? null : text(row.remark).slice(0, 255);
  return { corpid, agentid, secret, remark };
}

function wholeIn(v: unknown, fallback: number, min: number, max: number, what: string): number {
  if (v === null || v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new WaferImportError(`${what} is ${String(v)}; the gateway takes ${min} to ${max}`);
  return n;
}

/**
 * Wafer 1 stored `base64(JSON)`; a hand-edited or other row may hold plain JSON. Anything that is not a JSON
 * object either way (empty, garbage, the old decrypt path's noise) becomes null, as Wafer itself answered.
 */
export function decodeUserInfo(stored: string | null | undefined): string | null {
  const value = (stored ?? '').trim();
  if (!value) return null;
  const asObject = (s: string): string | null => {
    try {
      const parsed: unknown = JSON.parse(s);
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? JSON.stringify(parsed) : null;
    } catch {
      return null;
    }
  };
  if (/^[A-Za-z0-9+/\s]+={0,2}$/.test(value)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const fromBase64 = decoded.includes('\uFFFD') ? null : asObject(decoded);
    if (fromBase64) return fromBase64;
  }
  return asObject(value);
}

/**
 * A parser of Wafer times to Unix seconds: `YYYY-MM-DD HH:MM:SS` wall-clock times in `timeZone` (IANA name; the
 * offset comes from Intl, so DST zones work too), or integers (the Oct-2016 schema stored Unix seconds).
 */
export function zonedTimeParser(timeZone: string): (v: unknown) => number | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    throw new WaferImportError(`unknown time zone "${timeZone}" (an IANA name such as Asia/Shanghai or UTC)`);
  }
  // The zone's offset at instant `ms`: its wall clock read as if it were UTC, minus the instant.
  const offsetAt = (ms: number): number => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(ms / 1000) * 1000;
  };
  const offsets = new Map<number, number>();
  return (v) => {
    if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? v : null;
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(text(v).trim());
    if (!m) return /^\d{9,10}$/.test(text(v).trim()) ? Number(text(v).trim()) : null;
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    const check = new Date(wall);
    // Zero dates (0000-00-00 00:00:00) and impossible ones (02-30) are not times.
    if (y < 1970 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
    // Zones change offset on quarter hours at the finest, so one lookup serves a quarter hour of wall time.
    const bucket = Math.floor(wall / 900_000);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = offsetAt(wall - offsetAt(wall)); // a second look when the first guess crossed a DST change
      offsets.set(bucket, offset);
    }
    return Math.floor((wall - offset) / 1000);
  };
}

const CHUNK = 100;

/** Upserts the plan. Unchanged rows are not written, so a second import writes nothing. */
export async function writeWafer(db: Db, box: SecretBox, now: number, plan: WaferPlan): Promise<WaferWrites> {
  const written: WaferWrites = { apps: 0, agents: 0, users: 0, sessions: 0, conflicts: 0 };

  for (const app of plan.apps) {
    const old = await findApp(db, app.appid);
    if (old && old.login_duration === app.login_duration && old.session_duration === app.session_duration && opensTo(() => openSecret(box, old), app.secret)) continue;
    // updateApp seals the secret, and forgets cached tokens when it changed. An existing app keeps its type.
    await updateApp(db, box, now, { appid: app.appid, ...(old ? {} : { type: 'miniprogram' as const }), secret: app.secret, login_duration: app.login_duration, session_duration: app.session_duration });
    written.apps++;
  }

  for (const agent of plan.agents) {
    const old = await findAgent(db, agent.corpid, agent.agentid);
    if (old && (agent.remark === null || agent.remark === old.remark) && opensTo(() => openAgentSecret(box, old), agent.secret)) continue;
    await putAgent(db, box, now, { corpid: agent.corpid, agentid: agent.agentid, secret: agent.secret, ...(agent.remark === null ? {} : { remark: agent.remark }) });
    written.agents++;
  }

  const sessionsByUser = groupBy(plan.sessions, (s) => `${s.appid}\0${s.openid}`);
  const byApp = groupBy(plan.users, (u) => u.appid);

  for (const [appid, users] of byApp) {
    for (let i = 0; i < users.length; i += CHUNK) {
      const chunk = users.slice(i, i + CHUNK);
      const sessions = chunk.flatMap((u) => sessionsByUser.get(`${u.appid}\0${u.openid}`) ?? []);
      await db.transaction().execute(async (trx) => {
        await writeUsers(trx, box, appid, chunk, written);
        await writeSessions(trx, sessions, written);
      });
    }
  }
  return written;
}


async function writeUsers(db: Db, box: SecretBox, appid: string, users: WaferUser[], written: WaferWrites): Promise<void> {
  const existing = new Map((await db.selectFrom('users').select(['openid', 'updated_at'])
    .where('appid', '=', appid).where('openid', 'in', users.map((u) => u.openid)).execute()).map((r) => [r.openid, Number(r.updated_at)]));
  const fresh = users.filter((u) => !existing.has(u.openid));
  if (fresh.length) {
    await db.insertInto('users').values(fresh.map((u) => ({
      appid, openid: u.openid, unionid: u.unionid, session_key_sealed: box.seal(u.sessionKey, sessionKeyContext(appid, u.openid)),
      user_info: u.userInfo, created_at: u.firstSeen, updated_at: u.loginAt,
    }))).execute();
    written.users += fresh.length;
  }
  // updated_at of an imported user is the Wafer login its session_key comes from: a later import replaces it only
  // with a newer Wafer login, never a session_key the gateway got since.
  for (const u of users.filter((x) => existing.has(x.openid) && existing.get(x.openid)! < x.loginAt)) {
    await db.updateTable('users').set({
      session_key_sealed: box.seal(u.sessionKey, sessionKeyContext(appid, u.openid)), updated_at: u.loginAt,
      ...(u.unionid ? { unionid: u.unionid } : {}), ...(u.userInfo ? { user_info: u.userInfo } : {}),
    }).where('appid', '=', appid).where('openid', '=', u.openid).execute();
    written.users++;
  }
}

async function writeSessions(db: Db, sessions: WaferSession[], written: WaferWrites): Promise<void> {
  if (!sessions.length) return;
  const existing = new Map((await db.selectFrom('sessions').select(['id', 'appid', 'openid', 'skey_hash', 'created_at', 'last_visit_at'])
    .where('id', 'in', sessions.map((s) => s.id)).execute()).map((r) => [r.id, r]));
  const fresh = sessions.filter((s) => !existing.has(s.id));
  if (fresh.length) {
    await db.insertInto('sessions').values(fresh.map((s) => ({
      id: s.id, appid: s.appid, openid: s.openid, skey_hash: s.skeyHash, created_at: s.createdAt, last_visit_at: s.lastVisitAt,
    }))).execute();
    written.sessions += fresh.length;
  }
  for (const s of sessions) {
    const old = existing.get(s.id);
    if (!old) continue;
    if (old.appid !== s.appid || old.openid !== s.openid) {
      written.conflicts++; // the id is another user's session on the gateway: never touched
      continue;
    }
    // Wafer keeps one uuid per user and rotates the skey at each login: a new skey is a newer login. The same skey
    // keeps the later of the two visits (the gateway may have renewed it since the last import).
    const sameLogin = old.skey_hash === s.skeyHash;
    const lastVisitAt = sameLogin ? Math.max(Number(old.last_visit_at), s.lastVisitAt) : s.lastVisitAt;
    if (sameLogin && Number(old.created_at) === s.createdAt && Number(old.last_visit_at) === lastVisitAt) continue;
    await db.updateTable('sessions').set({ skey_hash: s.skeyHash, created_at: s.createdAt, last_visit_at: lastVisitAt }).where('id', '=', s.id).execute();
    written.sessions++;
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
