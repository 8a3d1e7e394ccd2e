// qcloud.work.access_token: a WeCom agent's access token, held once for every process.
import { defineInterface } from '../../dispatch/interface.js';
import { agentid, corpid, force, invalidToken, optional } from '../../dispatch/schemas.js';
import { getCredential } from '../../services/credentials.js';
import { secondsLeft, workTokenSpec } from '../../services/tokens.js';

interface Para { corpid: string; agentid: string; force?: boolean; invalid_token?: string }

export default defineInterface<Para>({
  access: 'privileged',
  summary: "A WeCom agent's access token (`gettoken` with the agent's secret; WeCom answers the same token while it is valid). Same single flight, `invalid_token` compare-and-swap and `force` budget as `qcloud.mimi.access_token`.",
  schema: {
    type: 'object',
    properties: { corpid, agentid, force: optional(force), invalid_token: optional(invalidToken) },
    required: ['corpid', 'agentid'],
    additionalProperties: false,
  },
  messages: ['NEW_TOKEN_SUCCESS', 'OLD_TOKEN_SUCCESS'],
  returns: '`{corpid, agentid, access_token, exp, expires_in}`.',
  errors: [2001, 2002, 2003, 1012, 1005, 1007, 1014, 40013, 2004, 2005],
  resource: (p) => `${p.corpid}/${p.agentid}`,
  example: { corpid: 'ww0123456789abcdef', agentid: '1000002' },
  async handle(deps, para) {
    const token = await getCredential(deps, await workTokenSpec(deps, para.corpid, para.agentid), { force: para.force === true, invalid: para.invalid_token });
    return {
      message: token.fresh ? 'NEW_TOKEN_SUCCESS' : 'OLD_TOKEN_SUCCESS',
      data: { corpid: para.corpid, agentid: para.agentid, access_token: token.value, exp: token.expiresAt, expires_in: secondsLeft(token, deps.clock.now()) },
      detail: token.detail,
    };
  },
});
