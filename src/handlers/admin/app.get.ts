// mina.admin.app.get: one app's settings, without its secrets.
import { defineInterface } from '../../dispatch/interface.js';
import { appid } from '../../dispatch/schemas.js';
import { appView, requireApp } from '../../services/apps.js';

interface Para { appid: string }

export default defineInterface<Para>({
  access: 'admin',
  summary: "Show one app's settings. Never its secret, nor its COS secret_id / secret_key.",
  schema: {
    type: 'object',
    properties: { appid: { ...appid, description: 'The app.' } },
    required: ['appid'],
    additionalProperties: false,
  },
  messages: ['APP_INFO'],
  returns: '`{appid, type, login_duration, session_duration, max_sessions, token_api, watermark_max_age, cos, created_at, updated_at}`; `cos` is `{bucket, region, prefix, methods, max_expires, max_size, require_content}` or `null`.',
  errors: [1012, 2001, 2002],
  example: { appid: 'wx0123456789abcdef' },
  async handle(deps, para) {
    const app = await requireApp(deps, para.appid, true);
    return { message: 'APP_INFO', data: appView(deps.box, app) };
  },
});
