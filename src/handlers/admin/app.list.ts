// mina.admin.app.list: every registered app, without secrets.
import { defineInterface } from '../../dispatch/interface.js';
import { appView, listApps } from '../../services/apps.js';

export default defineInterface<Record<string, never>>({
  access: 'admin',
  summary: 'List the registered apps, ordered by appid (never their secrets).',
  schema: { type: 'object', required: [], additionalProperties: false },
  messages: ['APP_LIST'],
  returns: '`[{appid, type, login_duration, session_duration, max_sessions, token_api, watermark_max_age, cos, created_at, updated_at}]`, as `mina.admin.app.get` shows each.',
  errors: [2001, 2002],
  example: {},
  async handle(deps) {
    const apps = await listApps(deps.store.db);
    return { message: 'APP_LIST', data: apps.map((app) => appView(deps.box, app)) };
  },
});
