// qcloud.work.agent.ticket: a WeCom agent's own jsapi_ticket (wx.agentConfig), with its own expiry.
import { defineInterface } from '../../dispatch/interface.js';
import { agentid, corpid, force, optional } from '../../dispatch/schemas.js';
import { getCredential } from '../../services/credentials.js';
import { workAgentTicketSpec } from '../../services/tokens.js';

interface Para { corpid: string; agentid: string; force?: boolean }

export default defineInterface<Para>({
  access: 'privileged',
  summary: "The agent's jsapi_ticket for `wx.agentConfig` (`ticket/get?type=agent_config` with the agent's token), kept with its own expiry. Fetched again only on expiry, on a ticket error, or on a budgeted `force` (WeCom allows 100 per hour per agent).",
  schema: {
    type: 'object',
    properties: { corpid, agentid, force: optional(force) },
    required: ['corpid', 'agentid'],
    additionalProperties: false,
  },
  messages: ['NEW_AGENT_TICKET_SUCCESS', 'OLD_AGENT_TICKET_SUCCESS'],
  returns: '`{corpid, agentid, agent_ticket, exp}`.',
  errors: [2001, 2002, 2003, 1012, 1005, 1007, 1016, 40013, 40014, 2004, 2005],
  resource: (p) => `${p.corpid}/${p.agentid}`,
  example: { corpid: 'ww0123456789abcdef', agentid: '1000002' },
  async handle(deps, para) {
    const ticket = await getCredential(deps, await workAgentTicketSpec(deps, para.corpid, para.agentid), { force: para.force === true });
    return {
      message: ticket.fresh ? 'NEW_AGENT_TICKET_SUCCESS' : 'OLD_AGENT_TICKET_SUCCESS',
      data: { corpid: para.corpid, agentid: para.agentid, agent_ticket: ticket.value, exp: ticket.expiresAt },
      detail: ticket.detail,
    };
  },
});
