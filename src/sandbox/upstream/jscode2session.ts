// GET /sns/jscode2session (code2Session): check order, single-use 5-minute codes, per-user minute quota.
import { wxError, wxJson, type Answer } from '../reply.js';
import type { Ctx } from '../state.js';
import type { UpstreamRequest } from './routes.js';

/** wx.login codes live 5 minutes (WECHAT.md §1). */
export const CODE_TTL_MS = 300_000;

export function jscode2session(ctx: Ctx, req: UpstreamRequest): Answer {
  const { state, config } = ctx;
  // Empty values count as missing: that is how a client with an unset variable calls.
  const appid = req.query.get('appid') || undefined;
  const secret = req.query.get('secret') || undefined;
  const jsCode = req.query.get('js_code') || undefined;
  if (appid === undefined) return wxError(41002, 'appid missing');
  if (secret === undefined) return wxError(41004, 'appsecret missing');
  if (jsCode === undefined) return wxError(41008, 'missing code');
  if (req.query.get('grant_type') !== 'authorization_code') return wxError(40002, 'invalid grant_type');

  const app = state.apps.get(appid);
  if (app === undefined) return wxError(40013, 'invalid appid');
  if (app.secret !== secret) return wxError(40125, 'invalid appsecret');

  const now = config.now();
  const code = state.codes.get(jsCode);
  if (code === undefined || now - code.mintedAt > CODE_TTL_MS || code.appid !== appid) {
    return wxError(40029, 'invalid code');
  }
  if (code.used) return wxError(40163, 'code been used');
  const user = state.users.get(appid)?.get(code.openid);
  if (user === undefined) return wxError(40029, 'invalid code');

  // The quota is checked before consuming, so a throttled client can retry the same code next minute.
  if (!countLoginCall(ctx, appid, user.openid, now)) {
    return wxError(45011, 'api minute-quota reach limit mustslower retry next minute');
  }
  code.used = true;
  // Real successes carry no errcode, and unionid only when the user has one.
  return wxJson(
    user.unionid === undefined
      ? { session_key: user.sessionKey, openid: user.openid }
      : { session_key: user.sessionKey, openid: user.openid, unionid: user.unionid },
  );
}

/** Counts one call for (appid, openid) in the current clock minute; false once over the quota. */
function countLoginCall(ctx: Ctx, appid: string, openid: string, now: number): boolean {
  const key = `${appid}\n${openid}`;
  const minute = Math.floor(now / 60_000);
  const entry = ctx.state.loginCalls.get(key);
  const count = entry !== undefined && entry.minute === minute ? entry.count + 1 : 1;
  ctx.state.loginCalls.set(key, { minute, count });
  return count <= ctx.config.loginQuotaPerMinute;
}
