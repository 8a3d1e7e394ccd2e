// Read-only views and reset: GET /__sandbox/stats, GET /__sandbox/users, POST /__sandbox/reset.
import { controlJson } from '../reply.js';
import { resetState } from '../state.js';
import type { ControlHandler } from './types.js';
import { badInput } from './validate.js';

/** Shape fixed by PROTOCOL.md §7: {"calls": {"<path>": {"<appid>": n}}}. */
export const getStats: ControlHandler = (ctx) => {
  const calls = Object.fromEntries(
    [...ctx.state.calls].map(([path, perApp]) => [path, Object.fromEntries(perApp)]),
  );
  return controlJson(200, { calls });
};

export const getUsers: ControlHandler = (ctx, req) => {
  const appid = req.query.get('appid');
  const openid = req.query.get('openid');
  if (!appid || !openid) badInput('query parameters "appid" and "openid" are required');
  const user = ctx.state.users.get(appid)?.get(openid);
  if (user === undefined) return controlJson(404, { error: 'unknown user' });
  return controlJson(200, { openid: user.openid, unionid: user.unionid ?? null, session_key: user.sessionKey });
};

export const postReset: ControlHandler = (ctx) => {
  resetState(ctx.state);
  return controlJson(200, { ok: true });
};
