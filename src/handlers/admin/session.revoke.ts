// mina.admin.session.revoke: log one user of an app out everywhere, at once.
import { defineInterface } from '../../dispatch/interface.js';
import { appid } from '../../dispatch/schemas.js';
import { actorOf, audit } from '../../services/audit.js';
import { requireApp } from '../../services/apps.js';
import { revokeUserSessions } from '../../services/sessions.js';

interface Para { appid: string; openid: string }

export default defineInterface<Para>({
  access: 'admin',
  summary: "End every session of one user (appid + openid) at once, on all devices; the user's next call answers 60012 and the client logs in again. Other users are untouched.",
  schema: {
    type: 'object',
    properties: {
      appid: { ...appid, description: 'The app.' },
      openid: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$', description: "The user's openid in that app." },
    },
    required: ['appid', 'openid'],
    additionalProperties: false,
  },
  messages: ['SESSION_REVOKED'],
  returns: '`{revoked}`: how many sessions were ended (0 when the user had none).',
  errors: [1012, 2001, 2002],
  example: { appid: 'wx0123456789abcdef', openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz0' },
  async handle(deps, para, ctx) {
    await requireApp(deps, para.appid, true);
    const revoked = await revokeUserSessions(deps.store.db, para.appid, para.openid);
    await audit(deps, { actor: actorOf(ctx.caller), action: 'session.revoke', target: `${para.appid}/${para.openid}`, result: 'ok', detail: `${revoked} session(s) ended` });
    return { message: 'SESSION_REVOKED', data: { revoked } };
  },
});
