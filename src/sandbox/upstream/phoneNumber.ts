// POST /wxa/business/getuserphonenumber (getPhoneNumber, new code flow): token first, then the code —
// single use, 300 s, bound to the app that minted it (40013) and, when `openid` is given, to its user.
import { isRecord } from '../json.js';
import { wxError, wxJson, type Answer } from '../reply.js';
import type { Ctx } from '../state.js';
import { checkToken } from '../tokens.js';
import type { UpstreamRequest } from './routes.js';

/** "code的有效期为5min" (WECHAT.md §4.1). */
export const PHONE_CODE_TTL_MS = 300_000;

export function getUserPhoneNumber(ctx: Ctx, req: UpstreamRequest): Answer {
  const { state, config } = ctx;
  const now = config.now();
  const check = checkToken(state, 'wechat', req.query.get('access_token'), now);
  if (!check.ok) return wxError(check.errcode, check.errmsg);
  const appid = check.record.owner;

  if (!isRecord(req.json)) return wxError(47001, 'data format error');
  const { code: codeValue, openid } = req.json;
  if (codeValue !== undefined && typeof codeValue !== 'string') return wxError(47001, 'data format error');
  if (openid !== undefined && typeof openid !== 'string') return wxError(47001, 'data format error');
  if (!codeValue) return wxError(41008, 'missing code');

  const code = state.phoneCodes.get(codeValue);
  // Same convention as login codes: still valid at exactly 300 s.
  if (code === undefined || now - code.mintedAt > PHONE_CODE_TTL_MS) return wxError(40029, 'invalid code');
  // "请求appid身份与获取code的小程序appid不匹配": another app's code is 40013 and stays usable by its own app.
  if (code.appid !== appid) return wxError(40013, 'invalid appid');
  if (code.used) return wxError(40029, 'invalid code');
  // An openid mismatch does not consume the code: the rightful caller can still redeem it.
  if (openid && openid !== code.openid) return wxError(40029, 'invalid code');

  code.used = true;
  return wxJson({ errcode: 0, errmsg: 'ok', phone_info: phoneInfo(code.phone, appid, code.mintedAt) });
}

/** "+1 4155550100" → pure "4155550100", country "1"; a bare number is Chinese ("86"). */
function phoneInfo(phone: string, appid: string, mintedAt: number): object {
  const match = /^\+(\d+) (.+)$/.exec(phone);
  return {
    phoneNumber: phone,
    purePhoneNumber: match ? match[2] : phone,
    countryCode: match ? match[1] : '86',
    // The watermark time is when the user tapped the button, i.e. when the code was minted.
    watermark: { timestamp: Math.floor(mintedAt / 1000), appid },
  };
}
