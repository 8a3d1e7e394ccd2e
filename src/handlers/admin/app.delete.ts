// mina.admin.app.delete: remove an app with its users, sessions, and cached tokens and tickets.
import { GatewayError } from '../../dispatch/codes.js';
import { defineInterface } from '../../dispatch/interface.js';
import { appid } from '../../dispatch/schemas.js';
import { actorOf, audit } from '../../services/audit.js';
import { forgetApp, removeApp } from '../../services/apps.js';

interface Para { appid: string }

export default defineInterface<Para>({
  access: 'admin',
  summary: 'Remove an app, with its users, their sessions (dead at once) and its cached access token and tickets.',
  schema: {
    type: 'object',
    properties: { appid: { ...appid, description: 'The app to remove.' } },
    required: ['appid'],
    additionalProperties: false,
  },
  messages: ['APP_DELETED'],
  returns: '`{appid, deleted: true}`.',
  errors: [1012, 2001, 2002],
  example: { appid: 'wx0123456789abcdef' },
  async handle(deps, para, ctx) {
    const deleted = await removeApp(deps.store.db, para.appid);
    forgetApp(deps, para.appid);
    await audit(deps, { actor: actorOf(ctx.caller), action: 'app.delete', target: para.appid, result: deleted ? 'ok' : 'not_found' });
    if (!deleted) {
      throw new GatewayError(1012, `appid ${para.appid} is not registered on this gateway`);
    }
    return { message: 'APP_DELETED', data: { appid: para.appid, deleted: true } };
  },
});
