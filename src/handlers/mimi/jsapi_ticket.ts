// qcloud.mimi.jsapi_ticket: the Official Account's JS-SDK ticket, held once for every process.
import { defineInterface } from '../../dispatch/interface.js';
import { appid, force, optional } from '../../dispatch/schemas.js';
import { requireApp } from '../../services/apps.js';
import { getCredential } from '../../services/credentials.js';
import { mpTicketSpec } from '../../services/tokens.js';

interface Para { appid: string; force?: boolean }

export default defineInterface<Para>({
  access: 'privileged',
  summary: "The Official Account's JS-SDK `jsapi_ticket` (7200 s). Fetched again only on expiry, on a ticket error (a token error refreshes the token once), or on a budgeted `force`. Prefer `qcloud.mimi.jssdk_signature`, which keeps the ticket inside the gateway.",
  schema: {
    type: 'object',
    properties: { appid, force: optional(force) },
    required: ['appid'],
    additionalProperties: false,
  },
  messages: ['NEW_TICKET_SUCCESS', 'OLD_TICKET_SUCCESS'],
  returns: '`{appid, ticket, exp}`.',
  errors: [2001, 2002, 2003, 1012, 1005, 1007, 1015, 40013, 40014, 2004, 2005],
  resource: (p) => p.appid,
  example: { appid: 'wx0123456789abcdef' },
  async handle(deps, para) {
    const app = await requireApp(deps, para.appid);
    const ticket = await getCredential(deps, mpTicketSpec(deps, app), { force: para.force === true });
    return {
      message: ticket.fresh ? 'NEW_TICKET_SUCCESS' : 'OLD_TICKET_SUCCESS',
      data: { appid: app.appid, ticket: ticket.value, exp: ticket.expiresAt },
      detail: ticket.detail,
    };
  },
});
