// qcloud.work.ticket: the WeCom corp's jsapi_ticket (wx.config), held once for every process.
import { defineInterface } from '../../dispatch/interface.js';
import { agentid, corpid, force, optional } from '../../dispatch/schemas.js';
import { getCredential } from '../../services/credentials.js';
import { workTicketSpec } from '../../services/tokens.js';

interface Para { corpid: string; agentid: string; force?: boolean }

export default defineInterface<Para>({
  access: 'privileged',
  summary: "The corp's `jsapi_ticket` for `wx.config` (`get_jsapi_ticket`, fetched with the agent's token). Fetched again only on expiry, on a ticket error, or on a budgeted `force` (WeCom allows 400 per hour per corp, 100 per agent).",
  schema: {
    type: 'object',
    properties: { corpid, agentid, force: optional(force) },
    required: ['corpid', 'agentid'],
    additionalProperties: false,
  },
  messages: ['NEW_TICKET_SUCCESS', 'OLD_TICKET_SUCCESS'],
  returns: '`{corpid, ticket, exp}`.',
  errors: [2001, 2002, 2003, 1012, 1005, 1007, 1015, 40013, 40014, 2004, 2005],
  resource: (p) => `${p.corpid}/${p.agentid}`,
  example: { corpid: 'ww0123456789abcdef', agentid: '1000002' },
  async handle(deps, para) {
    const ticket = await getCredential(deps, await workTicketSpec(deps, para.corpid, para.agentid), { force: para.force === true });
    return {
      message: ticket.fresh ? 'NEW_TICKET_SUCCESS' : 'OLD_TICKET_SUCCESS',
      data: { corpid: para.corpid, ticket: ticket.value, exp: ticket.expiresAt },
      detail: ticket.detail,
    };
  },
});
