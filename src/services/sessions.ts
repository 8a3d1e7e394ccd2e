// Sessions (PROTOCOL §5): the repeat-safe code exchange, one session per login, expiry, and the sweep.
import { randomBytes } from 'node:crypto';
import { GatewayError } from '../dispatch/codes.js';
import type { Deps } from '../deps.js';
import { isConstraintViolation, isStoreOutage } from '../store/errors.js';
import { batchedLookup } from '../store/lookup.js';
import type { AppRow, Db, UserRow } from '../store/types.js';
import { UpstreamError } from '../wechat/client.js';
import { upstreamToGateway } from '../wechat/errors.js';
import { openSecret, requireApp } from './apps.js';
import { checkWatermark, decryptOpenData, parseCiphertext, type Ciphertext, type OpenData } from './opendata.js';
import { isDigestOf, sha256Hex } from './secretbox.js';

/** A login code lives 5 minutes at WeChat; its claim (and kept answer) no longer. */
const CODE_TTL = 300;
/** The sliding-expiry write is throttled to once a minute per session. */
const VISIT_WRITE_INTERVAL = 60;
const DAY = 86400;

export interface LoginData {
  id: string;
  skey: string;
  appid: string;
  openid: string;
  unionid: string | null;
  user_info: OpenData | null;
  duration: number;
  expires_at: number;
}
export interface LoginAnswer {
  message: 'NEW_SESSION_SUCCESS' | 'UPDATE_SESSION_SUCCESS';
  data: LoginData;
}
type KeptAnswer = { ok: true; answer: LoginAnswer } | { ok: false; code: GatewayError['code']; detail: string };

/** The sealing contexts of a login's kept answer and of a user's session_key (also read by rekey, doctor, the Wafer import). */
export const claimContext = (appid: string, mac: string) => `login_claims.answer:${appid}:${mac}`;
export const sessionKeyContext = (appid: string, openid: string) => `users.session_key:${appid}:${openid}`;

/**
 * Exchanges a login code for a new session. The (appid, HMAC(code)) claim is taken before WeChat is called,
 * so a duplicate of the request waits for and gets the same answer, and the code is never sent twice.
 */
export async function login(deps: Deps, app: AppRow, code: string, userData: Ciphertext | null): Promise<LoginAnswer> {
  const { db } = deps.store;
  const now = deps.clock.now();
  const mac = deps.box.mac('login-code', `${app.appid}\0${code}`);
  try {
    await db.insertInto('login_claims').values({ appid: app.appid, code_mac: mac, state: 'pending', answer_sealed: null, created_at: now }).execute();
  } catch (err) {
    if (isConstraintViolation(err)) return replay(deps, app.appid, mac);
    throw err;
  }
  const keep = (kept: KeptAnswer) => db.updateTable('login_claims')
    .set({ state: 'done', answer_sealed: deps.box.seal(JSON.stringify(kept), claimContext(app.appid, mac)) })
    .where('appid', '=', app.appid).where('code_mac', '=', mac).execute();
  let kept: KeptAnswer;
  try {
    kept = { ok: true, answer: await exchange(deps, app, code, userData, now) };
  } catch (err) {
    if (err instanceof UpstreamError && err.failure.kind === 'network' && !err.failure.sent) {
      // The code never reached WeChat and is still good: release the claim so the client may retry with it.
      await db.deleteFrom('login_claims').where('appid', '=', app.appid).where('code_mac', '=', mac).execute();
    }
    const gatewayError = err instanceof UpstreamError ? upstreamToGateway(err, 'login') : err;
    if (!(gatewayError instanceof GatewayError)) {
      // The store (or a bug) failed after WeChat took the code: tell duplicates at once, if the store lets us.
      await keep({ ok: false, code: isStoreOutage(err) ? 1001 : 1000, detail: 'the gateway failed after WeChat took this code: call wx.login again' }).catch(() => {});
      throw err;
    }
    kept = { ok: false, code: gatewayError.code, detail: gatewayError.detail };
  }
  await keep(kept);
  await sweep(deps, { app, batch: 20, once: true });
  return unpack(kept);
}

function unpack(kept: KeptAnswer): LoginAnswer {
  if (!kept.ok) throw new GatewayError(kept.code, kept.detail);
  return kept.answer;
}

/** A duplicate of a login: wait for the first request's answer; never call WeChat with the code again. */
async function replay(deps: Deps, appid: string, mac: string): Promise<LoginAnswer> {
  const deadline = Date.now() + deps.config.upstreamTimeoutMs * 3 + 1000;
  for (;;) {
    const claim = await deps.store.db.selectFrom('login_claims').selectAll()
      .where('appid', '=', appid).where('code_mac', '=', mac).executeTakeFirst();
    if (!claim) throw new GatewayError(1005, 'an earlier request with this code could not reach WeChat; retry');
    if (claim.created_at <= deps.clock.now() - CODE_TTL) {
      throw new GatewayError(40029, 'this login code was used more than 5 minutes ago: call wx.login again');
    }
    if (claim.state === 'done' && claim.answer_sealed) {
      return unpack(JSON.parse(deps.box.open(claim.answer_sealed, claimContext(appid, mac))) as KeptAnswer);
    }
    if (Date.now() > deadline) throw new GatewayError(1005, 'an earlier request with this code did not finish: call wx.login again');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function exchange(deps: Deps, app: AppRow, code: string, userData: Ciphertext | null, now: number): Promise<LoginAnswer> {
  const wx = await deps.wechat.jscode2session(app.appid, openSecret(deps.box, app), code);
  let userInfo: OpenData | null = null;
  let decryptError: unknown = null;
  if (userData) {
    try {
      userInfo = decryptOpenData(wx.session_key, userData);
      checkWatermark(userInfo, app.appid, app.watermark_max_age, now);
    } catch (err) {
      userInfo = null;
      decryptError = err;
    }
  }
  const unionid = wx.unionid ?? (typeof userInfo?.unionId === 'string' ? userInfo.unionId : null);
  const isNew = await saveUser(deps, app.appid, wx.openid, wx.session_key, unionid, userInfo, now);
  // The user's new session_key is kept even when their data did not decrypt: it is their current key.
  if (decryptError) throw decryptError;
  const { id, skey } = await createSession(deps.store.db, app, wx.openid, now);
  const user = await findUser(deps.store.db, app.appid, wx.openid);
  return {
    message: isNew ? 'NEW_SESSION_SUCCESS' : 'UPDATE_SESSION_SUCCESS',
    data: {
      id, skey, appid: app.appid, openid: wx.openid,
      unionid: user?.unionid ?? null,
      user_info: parseUserInfo(user?.user_info),
      duration: app.session_duration,
      expires_at: now + app.login_duration * DAY,
    },
  };
}

/** Inserts or updates the (appid, openid) user; true when the user is new to the gateway. */
async function saveUser(deps: Deps, appid: string, openid: string, sessionKey: string, unionid: string | null, userInfo: OpenData | null, now: number): Promise<boolean> {
  const { db } = deps.store;
  const sealed = deps.box.seal(sessionKey, sessionKeyContext(appid, openid));
  const info = userInfo ? JSON.stringify(userInfo) : null;
  try {
    await db.insertInto('users').values({ appid, openid, unionid, session_key_sealed: sealed, user_info: info, created_at: now, updated_at: now }).execute();
    return true;
  } catch (err) {
    if (!isConstraintViolation(err)) throw err;
  }
  await db.updateTable('users')
    .set({ session_key_sealed: sealed, updated_at: now, ...(unionid ? { unionid } : {}), ...(info ? { user_info: info } : {}) })
    .where('appid', '=', appid).where('openid', '=', openid).execute();
  return false;
}

export async function saveUserInfo(deps: Deps, appid: string, openid: string, userInfo: OpenData): Promise<void> {
  const unionid = typeof userInfo.unionId === 'string' ? userInfo.unionId : undefined;
  await deps.store.db.updateTable('users')
    .set({ user_info: JSON.stringify(userInfo), updated_at: deps.clock.now(), ...(unionid ? { unionid } : {}) })
    .where('appid', '=', appid).where('openid', '=', openid).execute();
}

export async function findUser(db: Db, appid: string, openid: string): Promise<UserRow | null> {
  return (await db.selectFrom('users').selectAll().where('appid', '=', appid).where('openid', '=', openid).executeTakeFirst()) ?? null;
}

export const parseUserInfo = (userInfo: string | null | undefined): OpenData | null => (userInfo ? JSON.parse(userInfo) as OpenData : null);

export const openSessionKey = (deps: Deps, user: Pick<UserRow, 'appid' | 'openid' | 'session_key_sealed'>) =>
  deps.box.open(user.session_key_sealed, sessionKeyContext(user.appid, user.openid));

async function createSession(db: Db, app: AppRow, openid: string, now: number): Promise<{ id: string; skey: string }> {
  const id = randomBytes(16).toString('hex');
  const skey = randomBytes(16).toString('hex');
  try {
    await db.insertInto('sessions').values({ id, appid: app.appid, openid, skey_hash: sha256Hex(skey), created_at: now, last_visit_at: now }).execute();
  } catch (err) {
    if (isConstraintViolation(err)) throw new GatewayError(1006, 'the store rejected the new session; retry the login');
    throw err;
  }
  // At most max_sessions live sessions per user: the oldest go first (never the one just made).
  const surplus = await db.selectFrom('sessions').select('id')
    .where('appid', '=', app.appid).where('openid', '=', openid).where('id', '!=', id)
    .orderBy('seq', 'desc')
    .limit(1000).offset(Math.max(app.max_sessions - 1, 0)).execute();
  if (surplus.length) await db.deleteFrom('sessions').where('id', 'in', surplus.map((s) => s.id)).execute();
  return { id, skey };
}

/** A live session joined with what the session interfaces need of its app and user. */
export interface LiveSession {
  id: string;
  appid: string;
  openid: string;
  created_at: number;
  last_visit_at: number;
  login_duration: number;
  session_duration: number;
  watermark_max_age: number;
  unionid: string | null;
  user_info: string | null;
  session_key_sealed: string;
  /** The effective end: the earlier of the absolute and the sliding expiry. */
  expiresAt: number;
}

/** The one query of session checks, for every id asked for in one event-loop turn (the bench runs it through each layer). */
export const liveSessionQuery = (db: Db, ids: string[]) => db.selectFrom('sessions as s')
  .innerJoin('apps as a', 'a.appid', 's.appid')
  .innerJoin('users as u', (join) => join.onRef('u.appid', '=', 's.appid').onRef('u.openid', '=', 's.openid'))
  .select(['s.id', 's.appid', 's.openid', 's.skey_hash', 's.created_at', 's.last_visit_at',
    'a.login_duration', 'a.session_duration', 'a.watermark_max_age', 'u.unionid', 'u.user_info', 'u.session_key_sealed'])
  .where('s.id', 'in', ids);
const liveSessionRow = batchedLookup(liveSessionQuery, (row) => row.id);

/**
 * The session for (id, skey), if it is live and belongs to `appid` (when one is given), with its sliding
 * expiry renewed; one query on the hot path. A miss is a value: the reason, for the caller to report as 60012.
 */
export async function findLiveSession(deps: Deps, id: string, skey: string, appid: string | null): Promise<LiveSession | { miss: string }> {
  const { db } = deps.store;
  const row = await liveSessionRow(deps.store, id);
  // The same answer for an unknown id, a wrong skey, or a removed app; the hash is compared in constant time.
  if (!row || !isDigestOf(row.skey_hash, skey)) return { miss: 'no session matches this id and skey' };
  if (appid !== null && row.appid !== appid) {
    await requireApp(deps, appid);
    return { miss: 'the session belongs to another app' };
  }
  const now = deps.clock.now();
  const over = sessionOver(row.created_at, row.last_visit_at, row, now);
  if (over) return { miss: over };
  let lastVisit = row.last_visit_at;
  if (now - lastVisit >= VISIT_WRITE_INTERVAL) {
    await db.updateTable('sessions').set({ last_visit_at: now }).where('id', '=', id).execute();
    lastVisit = now;
  }
  // Built field by field: objects made by rest and spread here outlived two scavenges and were promoted to the old
  // generation (V8), which grew the heap by about 10 MB under the auth load (bench/README.md, "Changes measured").
  return {
    id: row.id, appid: row.appid, openid: row.openid, created_at: row.created_at, last_visit_at: lastVisit,
    login_duration: row.login_duration, session_duration: row.session_duration, watermark_max_age: row.watermark_max_age,
    unionid: row.unionid, user_info: row.user_info, session_key_sealed: row.session_key_sealed,
    expiresAt: Math.min(absoluteEnd(row.created_at, row.login_duration), lastVisit + row.session_duration),
  };
}

const absoluteEnd = (createdAt: number, loginDurationDays: number) => createdAt + loginDurationDays * DAY;

/**
 * Why a session is over at `now`, or null while it lives: `login_duration` days after the login (absolute), or
 * `session_duration` seconds after its last visit (sliding). Also the Wafer import's rule for old sessions.
 */
export function sessionOver(createdAt: number, lastVisitAt: number, app: Pick<AppRow, 'login_duration' | 'session_duration'>, now: number): string | null {
  if (now >= absoluteEnd(createdAt, app.login_duration)) return 'the session has expired (login_duration since login)';
  if (now >= lastVisitAt + app.session_duration) return 'the session has expired (idle longer than session_duration)';
  return null;
}

/** The guard of every session interface: the live session, or 60012. */
export async function requireSession(deps: Deps, id: string, skey: string, appid: string | null): Promise<LiveSession> {
  const found = await findLiveSession(deps, id, skey, appid);
  if ('miss' in found) throw new GatewayError(60012, `${found.miss}; log in again`);
  return found;
}

/** Decrypts open data for the session's user, under the user's current session_key, watermark checked. */
export async function decryptForSession(deps: Deps, para: { id: string; skey: string; encrypt_data: string; iv: string }, appid: string | null): Promise<{ session: LiveSession; data: OpenData }> {
  const ciphertext = parseCiphertext(para.encrypt_data, para.iv);
  const session = await requireSession(deps, para.id, para.skey, appid);
  const data = decryptOpenData(openSessionKey(deps, session), ciphertext);
  checkWatermark(data, session.appid, session.watermark_max_age, deps.clock.now());
  return { session, data };
}

/** Ends every session of one user of an app at once (`mina.admin.session.revoke`); returns how many. */
export async function revokeUserSessions(db: Db, appid: string, openid: string): Promise<number> {
  const res = await db.deleteFrom('sessions').where('appid', '=', appid).where('openid', '=', openid).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export interface SweepOptions {
  /** Only this app's sessions (all apps when absent). */
  app?: AppRow;
  batch: number;
  /** One batch only: the little sweep done on each login. */
  once?: boolean;
}

/** Deletes expired sessions and spent login claims; returns how many of each. */
export async function sweep(deps: Deps, opts: SweepOptions): Promise<{ sessions: number; claims: number }> {
  const { db } = deps.store;
  const now = deps.clock.now();
  const counts = { sessions: 0, claims: 0 };
  const apps = opts.app ? [opts.app] : await db.selectFrom('apps').selectAll().execute();
  for (const app of apps) {
    for (;;) {
      const ids = (await db.selectFrom('sessions').select('id').where('appid', '=', app.appid)
        .where((eb) => eb.or([
          eb('created_at', '<=', now - app.login_duration * DAY),
          eb('last_visit_at', '<=', now - app.session_duration),
        ])).limit(opts.batch).execute()).map((r) => r.id);
      if (ids.length) await db.deleteFrom('sessions').where('id', 'in', ids).execute();
      counts.sessions += ids.length;
      if (opts.once || ids.length < opts.batch) break;
    }
  }
  for (;;) {
    const macs = (await db.selectFrom('login_claims').select('code_mac').where('created_at', '<=', now - CODE_TTL)
      .limit(opts.batch).execute()).map((r) => r.code_mac);
    if (macs.length) await db.deleteFrom('login_claims').where('code_mac', 'in', macs).where('created_at', '<=', now - CODE_TTL).execute();
    counts.claims += macs.length;
    if (opts.once || macs.length < opts.batch) break;
  }
  return counts;
}
