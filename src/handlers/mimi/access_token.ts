// qcloud.mimi.access_token: the app's one shared access token (mini program or Official Account).
import { defineInterface } from '../../dispatch/interface.js';
import { appid, force, invalidToken, optional } from '../../dispatch/schemas.js';
import { requireApp } from '../../services/apps.js';
import { getCredential } from '../../services/credentials.js';
import { mpTokenSpec, secondsLeft } from '../../services/tokens.js';

interface Para { appid: string; force?: boolean; invalid_token?: string }

export default defineInterface<Para>({
  access: 'privileged',
  summary: "The app's access token, held once for every process: `stable_token` by default (`token_api: \"classic\"` uses `/cgi-bin/token`). One upstream fetch per refresh across all instances; renewed ahead of expiry (stable ≤ 5 min left, classic ≤ 10 min). `invalid_token` reports a token that just failed: it is refreshed only if it is still the current one (stable: one normal-mode fetch, never a forced one). `force` is a real refresh, at most once per 30 s and within a daily budget (stable 10, classic 200); outside them the current token comes back with a `detail`.",
  schema: {
    type: 'object',
    properties: { appid, force: optional(force), invalid_token: optional(invalidToken) },
    required: ['appid'],
    additionalProperties: false,
  },
  messages: ['NEW_TOKEN_SUCCESS', 'OLD_TOKEN_SUCCESS'],
  returns: '`{appid, access_token, exp, expires_in}`: `exp` is the real end of this token (Unix seconds), `expires_in` what is left of it.',
  errors: [2001, 2002, 2003, 1012, 1005, 1007, 1014, 40013, 2004, 2005],
  resource: (p) => p.appid,
  example: { appid: 'wx0123456789abcdef' },
  async handle(deps, para) {
    const app = await requireApp(deps, para.appid);
    const token = await getCredential(deps, mpTokenSpec(deps, app), { force: para.force === true, invalid: para.invalid_token });
    return {
      message: token.fresh ? 'NEW_TOKEN_SUCCESS' : 'OLD_TOKEN_SUCCESS',
      data: { appid: app.appid, access_token: token.value, exp: token.expiresAt, expires_in: secondsLeft(token, deps.clock.now()) },
      detail: token.detail,
    };
  },
});
