// POST /__sandbox/login: what wx.login does on the phone — find or create the user, maybe rotate
// the session_key, and mint a single-use code for jscode2session.
import { randomLoginCode, randomOpenid, randomSessionKey } from '../random.js';
import { controlJson } from '../reply.js';
import { pruneOldest, uniqueKey, type Ctx, type User } from '../state.js';
import { CODE_TTL_MS } from '../upstream/jscode2session.js';
import type { ControlHandler } from './types.js';
import { asObject, badInput, optionalSessionKey, optionalString, requiredString } from './validate.js';

export const postLogin: ControlHandler = (ctx, req) => {
  const body = asObject(req.body);
  const appid = requiredString(body, 'appid');
  const openid = optionalString(body, 'openid') ?? randomOpenid();
  const unionid = optionalString(body, 'unionid');
  const sessionKey = optionalSessionKey(body, 'session_key');
  if (!ctx.state.apps.has(appid)) badInput(`unknown appid "${appid}" (POST /__sandbox/apps first)`);

  const now = ctx.config.now();
  const user = upsertUser(ctx, appid, openid, now);
  if (unionid !== undefined) user.unionid = unionid;
  if (sessionKey !== undefined) {
    // Unconditional, so tests can pin the official vectors' key.
    user.sessionKey = sessionKey;
    user.keyRotatedAt = now;
  }

  // Expired codes answer 40029 exactly like unknown ones, so dropping them changes nothing visible and
  // keeps long dev/bench runs from growing without bound. Codes are stored in mint order.
  pruneOldest(ctx.state.codes, (entry) => !(now - entry.mintedAt <= CODE_TTL_MS));
  const code = uniqueKey(ctx.state.codes, randomLoginCode);
  ctx.state.codes.set(code, { appid, openid, mintedAt: now, used: false });
  return controlJson(200, { code, openid, session_key: user.sessionKey });
};

/** WeChat rotates the key on wx.login, but not more often than a minimum period (WECHAT.md §1). */
function upsertUser(ctx: Ctx, appid: string, openid: string, now: number): User {
  let appUsers = ctx.state.users.get(appid);
  if (appUsers === undefined) {
    appUsers = new Map();
    ctx.state.users.set(appid, appUsers);
  }
  const existing = appUsers.get(openid);
  if (existing === undefined) {
    const user: User = { openid, sessionKey: randomSessionKey(), keyRotatedAt: now };
    appUsers.set(openid, user);
    return user;
  }
  if (now - existing.keyRotatedAt >= ctx.config.keyRotationMs) {
    existing.sessionKey = randomSessionKey();
    existing.keyRotatedAt = now;
  }
  return existing;
}
