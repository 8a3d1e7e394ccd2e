// qcloud.cam.logout: end one session at once.
import { defineInterface } from '../../dispatch/interface.js';
import { appid, optional, sessionId, skey } from '../../dispatch/schemas.js';
import { deleteSession, requireSession } from '../../services/sessions.js';

interface Para { id: string; skey: string; appid?: string }

export default defineInterface<Para>({
  access: 'session',
  summary: "End this session at once. The user's other sessions (other devices) stay logged in.",
  schema: {
    type: 'object',
    properties: { id: sessionId, skey, appid: optional(appid) },
    required: ['id', 'skey'],
    additionalProperties: false,
  },
  messages: ['LOGOUT_SUCCESS'],
  returns: '`""`.',
  errors: [60012, 1012],
  async handle(deps, para, ctx) {
    const { session } = await requireSession(deps, para.id, para.skey, ctx.appid);
    await deleteSession(deps.store.db, session.id);
    return { message: 'LOGOUT_SUCCESS', data: '' };
  },
});
