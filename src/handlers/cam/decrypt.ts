// qcloud.cam.decrypt: decrypt open data (WeRun, share info, legacy phone number) for a session's user.
import { defineInterface } from '../../dispatch/interface.js';
import { openDataPara, type OpenDataPara } from '../../dispatch/schemas.js';
import { decryptForSession } from '../../services/sessions.js';

export default defineInterface<OpenDataPara>({
  access: 'session',
  summary: "Decrypt open data (AES-128-CBC, PKCS#7 checked) under the user's current session_key. The watermark must name the session's app and, unless the app's `watermark_max_age` is 0, be at most that many seconds old.",
  schema: openDataPara,
  messages: ['DECRYPT_SUCCESS'],
  returns: 'The decrypted JSON object, as WeChat made it (with its `watermark`).',
  errors: [60012, 1012, 60021, 60022, 2003],
  example: { id: '6d7bdfd009ea5a65a0ae3d68ae925004', skey: '78e303e9a699126dc83f3bfd37b8ba6c', encrypt_data: 'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS', iv: 'r7BXXKkLb8qrSNn05n0qiA==' },
  async handle(deps, para, ctx) {
    const { data } = await decryptForSession(deps, para, ctx.appid);
    return { message: 'DECRYPT_SUCCESS', data };
  },
});
