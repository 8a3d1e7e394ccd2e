// qcloud.cam.id_skey: exchange a wx.login code for a session (optionally decrypting user info, the Wafer 1 flow).
import { defineInterface } from '../../dispatch/interface.js';
import { appid, code, encryptData, iv, optional } from '../../dispatch/schemas.js';
import { resolveLoginApp } from '../../services/apps.js';
import { parseCiphertext } from '../../services/opendata.js';
import { login } from '../../services/sessions.js';

interface Para { appid?: string; code: string; encrypt_data?: string; iv?: string }

export default defineInterface<Para>({
  access: 'public',
  summary: 'Log a user in: exchanges the `wx.login` code at WeChat and creates a new session. With `encrypt_data` + `iv` it also decrypts and stores the user info. A repeated request with the same code gets the same answer, and the code is never sent to WeChat twice.',
  schema: {
    type: 'object',
    properties: { appid: optional(appid), code, encrypt_data: optional(encryptData), iv: optional(iv) },
    required: ['code'],
    additionalProperties: false,
  },
  messages: ['NEW_SESSION_SUCCESS', 'UPDATE_SESSION_SUCCESS'],
  returns: '`{id, skey, appid, openid, unionid, user_info, duration, expires_at}`: `duration` is the idle lifetime (`session_duration`), `expires_at` the absolute end of this session. `NEW_SESSION_SUCCESS` when the user is new to the gateway. Without `iv` (the Wafer Java SDK) `user_info` is the user info stored earlier, or null.',
  errors: [1012, 1005, 1006, 1007, 40013, 40029, 2004, 2005, 60021, 60022, 2003],
  example: { appid: 'wx0123456789abcdef', code: '0a3Xkx000aBcDe1f2G3h4i5j6k7l8m9n' },
  async handle(deps, para, ctx) {
    const app = await resolveLoginApp(deps, ctx.appid);
    // Checked before the code is spent, so malformed data never costs the user a login.
    const userData = para.encrypt_data && para.iv ? parseCiphertext(para.encrypt_data, para.iv) : null;
    return login(deps, app, para.code, userData);
  },
});
