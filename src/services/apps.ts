// Registered apps: lookup, the default-app rule, and writes from the CLI (secrets sealed).
import { GatewayError } from '../dispatch/codes.js';
import type { Deps } from '../deps.js';
import type { AppRow, AppType, Db } from '../store/types.js';
import type { SecretBox } from './secretbox.js';

export const APP_DEFAULTS = { login_duration: 30, session_duration: 2592000, max_sessions: 20, watermark_max_age: 86400 } as const;

export async function findApp(db: Db, appid: string): Promise<AppRow | null> {
  return (await db.selectFrom('apps').selectAll().where('appid', '=', appid).executeTakeFirst()) ?? null;
}

export async function requireApp(db: Db, appid: string): Promise<AppRow> {
  const app = await findApp(db, appid);
  if (!app) throw new GatewayError(1012, `appid ${appid} is not registered on this gateway`);
  return app;
}

/** The app a login is for: the given appid, else MINA_AUTH_DEFAULT_APPID, else the only registered mini program. */
export async function resolveLoginApp(deps: Deps, appid: string | null): Promise<AppRow> {
  const chosen = appid ?? deps.config.defaultAppid;
  if (chosen) {
    const app = await requireApp(deps.store.db, chosen);
    if (app.type !== 'miniprogram') throw new GatewayError(1003, `appid ${chosen} is an ${app.type}; only a mini program can log users in`);
    return app;
  }
  const minis = await deps.store.db.selectFrom('apps').selectAll().where('type', '=', 'miniprogram').limit(2).execute();
  if (minis.length !== 1) {
    throw new GatewayError(1012, minis.length === 0
      ? 'no appid given and no mini program is registered'
      : 'no appid given and several mini programs are registered: pass para.appid, use /mina_auth/<appid>, or set MINA_AUTH_DEFAULT_APPID');
  }
  return minis[0]!;
}

export const openSecret = (box: SecretBox, app: AppRow) => box.open(app.secret_sealed, `apps.secret:${app.appid}`);

export interface AppInput {
  appid: string;
  type: AppType;
  secret: string;
  login_duration?: number;
  session_duration?: number;
  max_sessions?: number;
  watermark_max_age?: number;
}

/** Creates or replaces an app. */
export async function putApp(db: Db, box: SecretBox, now: number, input: AppInput): Promise<'created' | 'updated'> {
  const values = {
    type: input.type,
    secret_sealed: box.seal(input.secret, `apps.secret:${input.appid}`),
    login_duration: input.login_duration ?? APP_DEFAULTS.login_duration,
    session_duration: input.session_duration ?? APP_DEFAULTS.session_duration,
    max_sessions: input.max_sessions ?? APP_DEFAULTS.max_sessions,
    watermark_max_age: input.watermark_max_age ?? APP_DEFAULTS.watermark_max_age,
    updated_at: now,
  };
  const res = await db.updateTable('apps').set(values).where('appid', '=', input.appid).executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) return 'updated';
  await db.insertInto('apps').values({ appid: input.appid, ...values, token_api: 'stable', cos_sealed: null, created_at: now }).execute();
  return 'created';
}

export async function listApps(db: Db): Promise<AppRow[]> {
  return db.selectFrom('apps').selectAll().orderBy('appid').execute();
}

/** Removes an app and everything that belongs to it (users, sessions, login claims). */
export async function removeApp(db: Db, appid: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('appid', '=', appid).execute();
    await trx.deleteFrom('users').where('appid', '=', appid).execute();
    await trx.deleteFrom('login_claims').where('appid', '=', appid).execute();
    const res = await trx.deleteFrom('apps').where('appid', '=', appid).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  });
}
