// POST /__sandbox/phone_code: what the phone-number button does on the client — mint a single-use
// getPhoneNumber code bound to (appid, openid) and carrying the number to reveal.
import { randomPhoneCode } from '../random.js';
import { controlJson } from '../reply.js';
import { pruneOldest, uniqueKey } from '../state.js';
import { PHONE_CODE_TTL_MS } from '../upstream/phoneNumber.js';
import type { ControlHandler } from './types.js';
import { asObject, badInput, requiredString, requireUser } from './validate.js';

/** A Chinese number as is ("13800138000"), or "+<country code> <number>" ("+1 4155550100"). */
const PHONE = /^(\+[1-9]\d{0,3} )?\d{4,15}$/;

export const postPhoneCode: ControlHandler = (ctx, req) => {
  const body = asObject(req.body);
  const appid = requiredString(body, 'appid');
  const openid = requiredString(body, 'openid');
  const phone = requiredString(body, 'phone');
  if (!PHONE.test(phone)) badInput('"phone" must look like "13800138000" or "+1 4155550100"');
  requireUser(ctx.state, appid, openid);

  const now = ctx.config.now();
  // Same reasoning as login codes: expired codes answer like unknown ones, so they can go.
  pruneOldest(ctx.state.phoneCodes, (entry) => !(now - entry.mintedAt <= PHONE_CODE_TTL_MS));
  const code = uniqueKey(ctx.state.phoneCodes, randomPhoneCode);
  ctx.state.phoneCodes.set(code, { appid, openid, phone, mintedAt: now, used: false });
  return controlJson(200, { code });
};
