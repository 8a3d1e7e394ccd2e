// qcloud.cam.auth: check a session (id + skey) and renew its sliding expiry.
import { defineInterface } from '../../dispatch/interface.js';
import { sessionPara, type SessionPara } from '../../dispatch/schemas.js';
import { parseUserInfo, requireSession } from '../../services/sessions.js';

export default defineInterface<SessionPara>({
  access: 'session',
  summary: "Check a session. Succeeds while the session is within both its absolute lifetime (`login_duration` days since login) and its idle lifetime (`session_duration` seconds since the last successful check).",
  schema: sessionPara,
  messages: ['AUTH_SUCCESS'],
  returns: '`{id, appid, openid, unionid, user_info, expires_at}`; `expires_at` is the effective end (the earlier of the two expiries).',
  errors: [60012, 1012, 2003],
  example: { id: '6d7bdfd009ea5a65a0ae3d68ae925004', skey: '78e303e9a699126dc83f3bfd37b8ba6c' },
  async handle(deps, para, ctx) {
    const s = await requireSession(deps, para.id, para.skey, ctx.appid);
    return {
      message: 'AUTH_SUCCESS',
      data: { id: s.id, appid: s.appid, openid: s.openid, unionid: s.unionid, user_info: parseUserInfo(s.user_info), expires_at: s.expiresAt },
    };
  },
});
