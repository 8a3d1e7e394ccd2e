// qcloud.work.jssdk_signature: a WeCom page signature (corp: wx.config, agent: wx.agentConfig); tickets stay inside.
import { defineInterface } from '../../dispatch/interface.js';
import { agentid, corpid, pageUrl } from '../../dispatch/schemas.js';
import { getCredential } from '../../services/credentials.js';
import { signPage } from '../../services/jssdk.js';
import { workAgentTicketSpec, workTicketSpec } from '../../services/tokens.js';

interface Para { corpid: string; agentid: string; url: string; type: 'corp' | 'agent' }

export default defineInterface<Para>({
  access: 'privileged',
  summary: 'Sign a page for WeCom: `type: "corp"` with the corp ticket (for `wx.config`), `"agent"` with the agent ticket (for `wx.agentConfig`). Same algorithm as `qcloud.mimi.jssdk_signature`.',
  schema: {
    type: 'object',
    properties: { corpid, agentid, url: pageUrl, type: { type: 'string', enum: ['corp', 'agent'], description: '`corp` (wx.config) or `agent` (wx.agentConfig).' } },
    required: ['corpid', 'agentid', 'url', 'type'],
    additionalProperties: false,
  },
  messages: ['SIGNATURE_SUCCESS'],
  returns: '`{corpid, agentid, timestamp, nonceStr, signature}`.',
  errors: [2001, 2002, 1012, 1005, 1007, 1015, 1016, 40013, 40014, 2004, 2005],
  resource: (p) => `${p.corpid}/${p.agentid}`,
  example: { corpid: 'ww0123456789abcdef', agentid: '1000002', url: 'https://example.com/page', type: 'agent' },
  async handle(deps, para) {
    const spec = para.type === 'corp' ? await workTicketSpec(deps, para.corpid, para.agentid) : await workAgentTicketSpec(deps, para.corpid, para.agentid);
    const ticket = await getCredential(deps, spec);
    return { message: 'SIGNATURE_SUCCESS', data: { corpid: para.corpid, agentid: para.agentid, ...signPage(ticket.value, para.url, deps.clock.now()) } };
  },
});
