// GET /cgi-bin/token (getAccessToken): every call issues a new token; the previous one stays honoured
// 300 s more, older ones die at once; daily quota per app → 45009.
import { today } from '../quota.js';
import { wxError, wxErrorNoComma, wxJson, type Answer } from '../reply.js';
import type { Ctx } from '../state.js';
import { appTokensOf, issueToken, OVERLAP_MS, revoke, TOKEN_TTL_MS } from '../tokens.js';
import { checkCredentials } from './credentials.js';
import type { UpstreamRequest } from './routes.js';

export function getToken(ctx: Ctx, req: UpstreamRequest): Answer {
  const { state, config } = ctx;
  const checked = checkCredentials(
    ctx,
    req.ip,
    {
      appid: req.query.get('appid') || undefined,
      secret: req.query.get('secret') || undefined,
      grantType: req.query.get('grant_type') ?? undefined,
    },
    // On this endpoint the official table gives 40001 (not 40125) for a wrong AppSecret.
    () => wxError(40001, 'invalid credential, access_token is invalid or not latest'),
  );
  if (!checked.ok) return checked.answer;
  const { app } = checked;

  const now = config.now();
  const tokens = appTokensOf(state, app.appid);
  // Only granted calls count: a client told 45009 does not dig itself deeper by retrying.
  const calls = today(tokens.tokenCalls, now);
  if (calls.count >= app.tokenDailyQuota) {
    return wxErrorNoComma(
      45009,
      'reach max api daily quota limit, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
    );
  }
  calls.count += 1;

  // "重复获取将导致上次获取的access_token失效", with a 5-minute overlap for the latest one only.
  const previous = tokens.classic.at(-1);
  for (const older of tokens.classic.slice(0, -1)) revoke(state, older, now);
  if (previous !== undefined) revoke(state, previous, now + OVERLAP_MS);
  const token = issueToken(state, 'classic', app.appid, now);
  tokens.classic = previous === undefined ? [token] : [previous, token];
  return wxJson({ access_token: token, expires_in: TOKEN_TTL_MS / 1000 });
}
