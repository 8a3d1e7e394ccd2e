// POST /__sandbox/encrypt: produce open data (encryptedData + iv) the way the WeChat client does,
// so the gateway's decryption path can be tested with live keys.
import { createCipheriv, randomBytes } from 'node:crypto';
import { isRecord } from '../json.js';
import { controlJson } from '../reply.js';
import type { ControlHandler } from './types.js';
import { asObject, badInput, requiredString, requireUser } from './validate.js';

export const postEncrypt: ControlHandler = (ctx, req) => {
  const body = asObject(req.body);
  const appid = requiredString(body, 'appid');
  const openid = requiredString(body, 'openid');
  const data = body.data;
  if (!isRecord(data)) badInput('"data" must be a JSON object');
  const user = requireUser(ctx.state, appid, openid);

  // The watermark is WeChat's, never the caller's: it is what the gateway checks the appid against.
  const watermark = { appid, timestamp: Math.floor(ctx.config.now() / 1000) };
  const plaintext = JSON.stringify({ ...data, watermark });
  const iv = randomBytes(16);
  // createCipheriv pads with PKCS#7 by default, matching WXBizDataCrypt.
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(user.sessionKey, 'base64'), iv);
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return controlJson(200, { encrypt_data: encrypted.toString('base64'), iv: iv.toString('base64') });
};
