// qcloud.work.initagent: register a WeCom agent (corpid/agentid) or rotate its secret. Admin class, Wafer's name.
import { defineInterface } from '../../dispatch/interface.js';
import { agentid, corpid, secretText } from '../../dispatch/schemas.js';
import { actorOf, audit } from '../../services/audit.js';
import { forgetAgent, putAgent } from '../../services/agents.js';

export const corpId = { ...corpid, description: 'The WeCom corp id (`ww…`).' } as const;
export const agentId = { ...agentid, description: 'The agent id: a string of digits (e.g. `"1000002"`), not a JSON number.' } as const;

interface Para { corpid: string; agentid: string; agentsecret: string; remark?: string }

export default defineInterface<Para>({
  access: 'admin',
  summary: "Register a WeCom agent, or rotate its secret (a different secret makes the gateway forget the agent's cached access token and tickets). The secret is stored sealed and never shown again. Without `remark`, a rotation keeps the agent's remark.",
  schema: {
    type: 'object',
    properties: {
      corpid: corpId,
      agentid: agentId,
      agentsecret: { ...secretText, description: "The agent's Secret." },
      remark: { type: 'string', maxLength: 255, nullable: true, description: 'A note for people (shown by `mina.admin.agent.list`).' },
    },
    required: ['corpid', 'agentid', 'agentsecret'],
    additionalProperties: false,
  },
  messages: ['INIT_AGENT_SUCCESS'],
  returns: '`{corpid, agentid}`.',
  errors: [2001, 2002],
  example: { corpid: 'ww0123456789abcdef', agentid: '1000002', agentsecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE', remark: 'intranet portal' },
  async handle(deps, para, ctx) {
    const outcome = await putAgent(deps.store.db, deps.box, deps.clock.now(), { corpid: para.corpid, agentid: para.agentid, secret: para.agentsecret, remark: para.remark });
    forgetAgent(deps, para.corpid, para.agentid);
    await audit(deps, { actor: actorOf(ctx.caller), action: 'agent.initagent', target: `${para.corpid}/${para.agentid}`, result: outcome });
    return { message: 'INIT_AGENT_SUCCESS', data: { corpid: para.corpid, agentid: para.agentid } };
  },
});
