// qcloud.mimi.jssdk_signature: the wx.config signature of a page; the ticket never leaves the gateway.
import { defineInterface } from '../../dispatch/interface.js';
import { appid, pageUrl } from '../../dispatch/schemas.js';
import { requireApp } from '../../services/apps.js';
import { getCredential } from '../../services/credentials.js';
import { signPage } from '../../services/jssdk.js';
import { mpTicketSpec } from '../../services/tokens.js';

interface Para { appid: string; url: string }

export default defineInterface<Para>({
  access: 'privileged',
  summary: 'Sign a page for `wx.config` with the Official Account\'s jsapi_ticket: sha1 of `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`, the url without its `#…` fragment. The page passes the same `nonceStr` and `timestamp` to `wx.config`.',
  schema: {
    type: 'object',
    properties: { appid, url: pageUrl },
    required: ['appid', 'url'],
    additionalProperties: false,
  },
  messages: ['SIGNATURE_SUCCESS'],
  returns: '`{appId, timestamp, nonceStr, signature}`, ready for `wx.config`.',
  errors: [2001, 2002, 1012, 1005, 1007, 1015, 40013, 40014, 2004, 2005],
  resource: (p) => p.appid,
  example: { appid: 'wx0123456789abcdef', url: 'https://example.com/page?x=1' },
  async handle(deps, para) {
    const app = await requireApp(deps, para.appid);
    const ticket = await getCredential(deps, mpTicketSpec(deps, app));
    return { message: 'SIGNATURE_SUCCESS', data: { appId: app.appid, ...signPage(ticket.value, para.url, deps.clock.now()) } };
  },
});
