// mina.admin.agent.list: the registered WeCom agents, without their secrets.
import { defineInterface } from '../../dispatch/interface.js';
import { listAgents } from '../../services/agents.js';

export default defineInterface<Record<string, never>>({
  access: 'admin',
  summary: 'List the registered WeCom agents, ordered by corpid then agentid (never their secrets).',
  schema: { type: 'object', required: [], additionalProperties: false },
  messages: ['AGENT_LIST'],
  returns: '`[{corpid, agentid, remark, created_at, updated_at}]`; `remark` is `null` when none was given.',
  errors: [2001, 2002],
  example: {},
  async handle(deps) {
    const agents = await listAgents(deps.store.db);
    return {
      message: 'AGENT_LIST',
      data: agents.map((a) => ({ corpid: a.corpid, agentid: a.agentid, remark: a.remark, created_at: a.created_at, updated_at: a.updated_at })),
    };
  },
});
