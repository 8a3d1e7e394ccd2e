// mina.admin.agent.delete: remove a WeCom agent with its cached tokens and tickets.
import { GatewayError } from '../../dispatch/codes.js';
import { defineInterface } from '../../dispatch/interface.js';
import { actorOf, audit } from '../../services/audit.js';
import { forgetAgent, removeAgent } from '../../services/agents.js';
import { agentId, corpId } from '../work/initagent.js';

interface Para { corpid: string; agentid: string }

export default defineInterface<Para>({
  access: 'admin',
  summary: 'Remove a WeCom agent registered by `qcloud.work.initagent`, with its cached access token and tickets.',
  schema: {
    type: 'object',
    properties: { corpid: corpId, agentid: agentId },
    required: ['corpid', 'agentid'],
    additionalProperties: false,
  },
  messages: ['AGENT_DELETED'],
  returns: '`{corpid, agentid, deleted: true}`.',
  errors: [1012, 2001, 2002],
  example: { corpid: 'ww0123456789abcdef', agentid: '1000002' },
  async handle(deps, para, ctx) {
    const deleted = await removeAgent(deps.store.db, para.corpid, para.agentid);
    forgetAgent(deps, para.corpid, para.agentid);
    await audit(deps, { actor: actorOf(ctx.caller), action: 'agent.delete', target: `${para.corpid}/${para.agentid}`, result: deleted ? 'ok' : 'not_found' });
    if (!deleted) {
      throw new GatewayError(1012, `WeCom agent ${para.corpid}/${para.agentid} is not registered on this gateway`);
    }
    return { message: 'AGENT_DELETED', data: { corpid: para.corpid, agentid: para.agentid, deleted: true } };
  },
});
