// Registered apps: lookup, the default-app rule, writes from the CLI and the admin interfaces (secrets and COS keys sealed).
import { GatewayError } from '../dispatch/codes.js';
import type { Deps } from '../deps.js';
import { isConstraintViolation } from '../store/errors.js';
import type { AppRow, AppType, Db, TokenApi } from '../store/types.js';
import { forgetCredentials } from './credentials.js';
import { opensTo, type SecretBox } from './secretbox.js';

export const APP_DEFAULTS = { login_duration: 30, session_duration: 2592000, max_sessions: 20, watermark_max_age: 86400 } as const;

export async function findApp(db: Db, appid: string): Promise<AppRow | null> {
  return (await db.selectFrom('apps').selectAll().where('appid', '=', appid).executeTakeFirst()) ?? null;
}

const appRow = (appid: string) => `app:${appid}`;

/** The app as this process read it ≤ 2 s ago (`fresh`: from the store now), or 1012. */
export async function requireApp(deps: Deps, appid: string, fresh = false): Promise<AppRow> {
  const app = await (fresh ? findApp(deps.store.db, appid) : deps.rows.read(appRow(appid), () => findApp(deps.store.db, appid)));
  if (!app) throw new GatewayError(1012, `appid ${appid} is not registered on this gateway`);
  return app;
}

/** The app a login is for: the given appid, else MINA_AUTH_DEFAULT_APPID, else the only registered mini program. */
export async function resolveLoginApp(deps: Deps, appid: string | null): Promise<AppRow> {
  const chosen = appid ?? deps.config.defaultAppid;
  if (chosen) {
    // Read from the store: a login sends the secret to WeChat, and a rotated one must be used at once.
    const app = await requireApp(deps, chosen, true);
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

/** After a change through this process: its next read comes from the store. */
export const forgetApp = (deps: Deps, appid: string) => deps.rows.forget(appRow(appid));

/** The sealing contexts of an app's secret and COS profile (also read by `mina-auth rekey` and `doctor`). */
export const appSecretContext = (appid: string) => `apps.secret:${appid}`;
export const cosContext = (appid: string) => `apps.cos:${appid}`;

export const openSecret = (box: SecretBox, app: AppRow) => box.open(app.secret_sealed, appSecretContext(app.appid));

export interface AppInput {
  appid: string;
  type: AppType;
  secret: string;
  login_duration?: number;
  session_duration?: number;
  max_sessions?: number;
  watermark_max_age?: number;
  token_api?: TokenApi;
}

/** Creates or replaces an app (the CLI's `app add`): settings not given go back to their defaults; token_api (unless given) and COS are kept. */
export async function putApp(db: Db, box: SecretBox, now: number, input: AppInput): Promise<'created' | 'updated'> {
  const { created } = await updateApp(db, box, now, { ...APP_DEFAULTS, ...withoutUndefined(input) });
  return created ? 'created' : 'updated';
}

/** A COS profile as given to `mina.admin.app.put`; absent options take COS_DEFAULTS. */
export interface CosInput {
  bucket: string;
  region: string;
  secret_id: string;
  secret_key: string;
  prefix?: string;
  methods?: CosMethod[];
  max_expires?: number;
  max_size?: number;
  require_content?: boolean;
}
export type CosMethod = 'GET' | 'PUT' | 'HEAD' | 'POST' | 'DELETE';
/** The profile `qcloud.cos.sign` works with: every option filled in; `max_size` null = no limit of the gateway's own. */
export type CosProfile = Required<Omit<CosInput, 'max_size'>> & { max_size: number | null };
export const COS_DEFAULTS = { prefix: 'users/{openid}/', methods: ['PUT', 'GET', 'HEAD'] as CosMethod[], max_expires: 3600, max_size: null, require_content: false };

export function openCosProfile(box: SecretBox, app: Pick<AppRow, 'appid' | 'cos_sealed'>): CosProfile | null {
  if (!app.cos_sealed) return null;
  return { ...COS_DEFAULTS, ...(JSON.parse(box.open(app.cos_sealed, cosContext(app.appid))) as CosInput) };
}

/** What `mina.admin.app.*` shows of an app: never the app secret, nor the COS secret_id / secret_key. */
export interface AppView {
  appid: string; type: AppType; login_duration: number; session_duration: number; max_sessions: number; token_api: TokenApi;
  watermark_max_age: number; cos: Omit<CosProfile, 'secret_id' | 'secret_key'> | null; created_at: number; updated_at: number;
}

export function appView(box: SecretBox, app: AppRow): AppView {
  const cos = openCosProfile(box, app);
  return {
    appid: app.appid, type: app.type, login_duration: app.login_duration, session_duration: app.session_duration,
    max_sessions: app.max_sessions, token_api: app.token_api, watermark_max_age: app.watermark_max_age,
    cos: cos && { bucket: cos.bucket, region: cos.region, prefix: cos.prefix, methods: cos.methods, max_expires: cos.max_expires, max_size: cos.max_size, require_content: cos.require_content },
    created_at: app.created_at, updated_at: app.updated_at,
  };
}

/** The changes of `mina.admin.app.put`: only given fields change; `cos: false` removes the COS profile. */
export interface AppChanges {
  appid: string;
  type?: AppType;
  secret?: string;
  login_duration?: number;
  session_duration?: number;
  max_sessions?: number;
  token_api?: TokenApi;
  watermark_max_age?: number;
  cos?: CosInput | false;
}

const withoutUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * Creates an app (`type` and `secret` required) or changes the given fields of an existing one. A new secret
 * makes the app's cached tokens and tickets worthless, so they are forgotten in the same transaction.
 */
export async function updateApp(db: Db, box: SecretBox, now: number, changes: AppChanges): Promise<{ created: boolean; app: AppRow }> {
  const { appid, secret, cos, ...settings } = changes;
  const sealCos = (c: CosInput | false | undefined) => (c === undefined ? {} : { cos_sealed: c ? box.seal(JSON.stringify(withoutUndefined(c)), cosContext(appid)) : null });
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const old = await findApp(trx, appid);
        if (!old) {
          const missing = (['secret', 'type'] as const).filter((k) => changes[k] === undefined);
          if (missing.length) throw new GatewayError(1003, `appid ${appid} is not registered yet: a new app needs ${missing.map((k) => `para.${k}`).join(' and ')}`);
          await trx.insertInto('apps').values({
            ...APP_DEFAULTS, token_api: 'stable', ...withoutUndefined(settings), type: changes.type!, appid,
            secret_sealed: box.seal(secret!, appSecretContext(appid)), cos_sealed: null, ...sealCos(cos), created_at: now, updated_at: now,
          }).execute();
          // Leftovers of an earlier app with this appid (removed by an older version, or imported) are not this app's.
          await forgetCredentials(trx, [appid]);
          return { created: true, app: (await findApp(trx, appid))! };
        }
        const newSecret = secret !== undefined && !opensTo(() => openSecret(box, old), secret);
        await trx.updateTable('apps').set({
          ...withoutUndefined(settings), ...sealCos(cos), updated_at: now,
          ...(newSecret ? { secret_sealed: box.seal(secret, appSecretContext(appid)) } : {}),
        }).where('appid', '=', appid).execute();
        if (newSecret) await forgetCredentials(trx, [appid]);
        return { created: false, app: (await findApp(trx, appid))! };
      });
    } catch (err) {
      // Two creations of one appid at once: the loser's insert hits the primary key; it becomes an update.
      if (attempt === 0 && isConstraintViolation(err)) continue;
      throw err;
    }
  }
}

export async function listApps(db: Db): Promise<AppRow[]> {
  return db.selectFrom('apps').selectAll().orderBy('appid').execute();
}

/** Removes an app and everything that belongs to it (users, sessions, login claims, cached tokens and tickets). */
export async function removeApp(db: Db, appid: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('appid', '=', appid).execute();
    await trx.deleteFrom('users').where('appid', '=', appid).execute();
    await trx.deleteFrom('login_claims').where('appid', '=', appid).execute();
    await forgetCredentials(trx, [appid]);
    const res = await trx.deleteFrom('apps').where('appid', '=', appid).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  });
}
