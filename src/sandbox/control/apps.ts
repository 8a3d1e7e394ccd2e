// POST /__sandbox/apps: register an app (or replace its secret/type; its users are kept).
import { controlJson } from '../reply.js';
import type { AppType } from '../state.js';
import type { ControlHandler } from './types.js';
import { asObject, badInput, requiredString } from './validate.js';

const APP_TYPES: readonly AppType[] = ['miniprogram', 'official_account'];

export const postApps: ControlHandler = (ctx, req) => {
  const body = asObject(req.body);
  const appid = requiredString(body, 'appid');
  const secret = requiredString(body, 'secret');
  const type = body.type ?? 'miniprogram';
  if (!APP_TYPES.includes(type as AppType)) badInput('"type" must be "miniprogram" or "official_account"');
  ctx.state.apps.set(appid, { appid, secret, type: type as AppType });
  return controlJson(200, { ok: true });
};
