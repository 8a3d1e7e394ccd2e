// qcloud.cam.logout: end one session at once.
import { defineInterface } from '../../dispatch/interface.js';
import { sessionPara, type SessionPara } from '../../dispatch/schemas.js';
import { deleteSession, requireSession } from '../../services/sessions.js';

export default defineInterface<SessionPara>({
  access: 'session',
  summary: "End this session at once. The user's other sessions (other devices) stay logged in.",
  schema: sessionPara,
  messages: ['LOGOUT_SUCCESS'],
  returns: '`""`.',
  errors: [60012, 1012, 2003],
  example: { id: '6d7bdfd009ea5a65a0ae3d68ae925004', skey: '78e303e9a699126dc83f3bfd37b8ba6c' },
  async handle(deps, para, ctx) {
    const session = await requireSession(deps, para.id, para.skey, ctx.appid);
    await deleteSession(deps.store.db, session.id);
    return { message: 'LOGOUT_SUCCESS', data: '' };
  },
});
