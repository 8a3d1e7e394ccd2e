// POST /__sandbox/apps: register an app (or update it; its users and tokens are kept).
// Options omitted on a re-post keep their previous values; ip_whitelist: null removes the whitelist.
import { controlJson } from '../reply.js';
import type { App, AppType } from '../state.js';
import type { ControlHandler } from './types.js';
import { asObject, badInput, optionalBoolean, optionalInteger, optionalIpList, requiredString } from './validate.js';

const APP_TYPES: readonly AppType[] = ['miniprogram', 'official_account'];

/** WECHAT.md §3.4 (getAccessToken, configurable because it varies per account) and §3.2 (stable_token). */
export const DEFAULT_TOKEN_DAILY_QUOTA = 2000;
export const DEFAULT_STABLE_DAILY_QUOTA = 500_000;

export const postApps: ControlHandler = (ctx, req) => {
  const body = asObject(req.body);
  const appid = requiredString(body, 'appid');
  const secret = requiredString(body, 'secret');
  const type = body.type;
  if (type !== undefined && !APP_TYPES.includes(type as AppType)) {
    badInput('"type" must be "miniprogram" or "official_account"');
  }
  const ipWhitelist = optionalIpList(body, 'ip_whitelist');
  const frozen = optionalBoolean(body, 'frozen');
  const tokenDailyQuota = optionalInteger(body, 'token_daily_quota', 0);
  const stableDailyQuota = optionalInteger(body, 'stable_token_daily_quota', 0);

  const previous = ctx.state.apps.get(appid);
  const app: App = {
    appid,
    secret,
    type: (type as AppType | undefined) ?? previous?.type ?? 'miniprogram',
    frozen: frozen ?? previous?.frozen ?? false,
    tokenDailyQuota: tokenDailyQuota ?? previous?.tokenDailyQuota ?? DEFAULT_TOKEN_DAILY_QUOTA,
    stableDailyQuota: stableDailyQuota ?? previous?.stableDailyQuota ?? DEFAULT_STABLE_DAILY_QUOTA,
  };
  const whitelist = ipWhitelist === undefined ? previous?.ipWhitelist : (ipWhitelist ?? undefined);
  if (whitelist !== undefined) app.ipWhitelist = whitelist;
  ctx.state.apps.set(appid, app);
  return controlJson(200, { ok: true });
};
