// qcloud.cam.userinfo: decrypt user info (wx.getUserInfo) with the session's user key and store it.
import { defineInterface } from '../../dispatch/interface.js';
import { openDataPara, type OpenDataPara } from '../../dispatch/schemas.js';
import { decryptForSession, saveUserInfo } from '../../services/sessions.js';

export default defineInterface<OpenDataPara>({
  access: 'session',
  summary: "Decrypt the user info from `wx.getUserInfo` under the user's current session_key, check its watermark, and store it as the user's `user_info`.",
  schema: openDataPara,
  messages: ['UPDATE_USERINFO_SUCCESS'],
  returns: '`{id, appid, user_info}`.',
  errors: [60012, 1012, 60021, 60022, 2003],
  example: { id: '6d7bdfd009ea5a65a0ae3d68ae925004', skey: '78e303e9a699126dc83f3bfd37b8ba6c', encrypt_data: 'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS', iv: 'r7BXXKkLb8qrSNn05n0qiA==' },
  async handle(deps, para, ctx) {
    const { session, data } = await decryptForSession(deps, para, ctx.appid);
    await saveUserInfo(deps, session.appid, session.openid, data);
    return { message: 'UPDATE_USERINFO_SUCCESS', data: { id: session.id, appid: session.appid, user_info: data } };
  },
});
