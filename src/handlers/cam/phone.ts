// qcloud.cam.phone: the session user's phone number from a getPhoneNumber code (the managed access token).
import { defineInterface } from '../../dispatch/interface.js';
import { appid, code, optional, sessionId, skey } from '../../dispatch/schemas.js';
import { requireApp } from '../../services/apps.js';
import { requireSession } from '../../services/sessions.js';
import { mpTokenSpec, withToken } from '../../services/tokens.js';

interface Para { id: string; skey: string; appid?: string; code: string }

export default defineInterface<Para>({
  access: 'session',
  summary: "The phone number of the session's user, from the `code` of `<button open-type=\"getPhoneNumber\">`. Calls `getuserphonenumber` with the managed access token and the session's openid, so a code another user obtained is refused (40029); a token error refreshes the token once and retries.",
  schema: {
    type: 'object',
    properties: { id: sessionId, skey, appid: optional(appid), code: { ...code, description: 'The code from the getPhoneNumber button (single-use, 5 minutes).' } },
    required: ['id', 'skey', 'code'],
    additionalProperties: false,
  },
  messages: ['PHONE_SUCCESS'],
  returns: '`{phone_number, pure_phone_number, country_code}` (`phone_number` has the country code for foreign numbers).',
  errors: [60012, 1012, 40029, 40014, 40013, 1005, 1007, 2004, 2005, 2003],
  example: { id: '6d7bdfd009ea5a65a0ae3d68ae925004', skey: '78e303e9a699126dc83f3bfd37b8ba6c', code: 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144' },
  async handle(deps, para, ctx) {
    const session = await requireSession(deps, para.id, para.skey, ctx.appid);
    const app = await requireApp(deps, session.appid);
    const phone = await withToken(deps, mpTokenSpec(deps, app), 'phone', (token) => deps.wechat.phoneNumber(token, para.code, session.openid));
    return { message: 'PHONE_SUCCESS', data: { phone_number: phone.phoneNumber, pure_phone_number: phone.purePhoneNumber, country_code: phone.countryCode } };
  },
});
