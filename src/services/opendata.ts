// Decryption of WeChat open data (AES-128-CBC, PKCS#7) and its watermark check.
import { createDecipheriv } from 'node:crypto';
import { GatewayError } from '../dispatch/codes.js';

export type OpenData = Record<string, unknown>;

/** Refuses bytes that are not UTF-8 (a decoder without `stream` keeps no state between calls). */
const utf8 = new TextDecoder('utf-8', { fatal: true });

const decodeBase64 = (field: string, value: string, bytes?: number): Buffer => {
  const buf = Buffer.from(value, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || (bytes !== undefined && buf.length !== bytes)) {
    throw new GatewayError(1003, `para.${field} must be base64${bytes ? ` of ${bytes} bytes` : ''}`);
  }
  return buf;
};

export interface Ciphertext { data: Buffer; iv: Buffer }

/** Checks the shape of `encrypt_data` and `iv` (1003 when malformed), before anything is spent on them. */
export function parseCiphertext(encryptData: string, iv: string): Ciphertext {
  const data = decodeBase64('encrypt_data', encryptData);
  if (data.length === 0 || data.length % 16 !== 0) throw new GatewayError(1003, 'para.encrypt_data is not whole AES blocks');
  return { data, iv: decodeBase64('iv', iv, 16) };
}

/** Decrypts under `sessionKey` (base64): 60022 when it does not decrypt (padding, UTF-8), 60021 when it is not a JSON object. */
export function decryptOpenData(sessionKey: string, { data, iv }: Ciphertext): OpenData {
  const stale = () => new GatewayError(60022, "encrypt_data does not decrypt under the user's current session_key: call wx.login, then fetch the data again");
  let text: string;
  try {
    const decipher = createDecipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv);
    // node's PKCS#7 check verifies every padding byte.
    text = utf8.decode(Buffer.concat([decipher.update(data), decipher.final()]));
  } catch {
    throw stale();
  }
  // Valid UTF-8 behind valid padding is what the right key gives: anything else wrong with it is malformed data.
  const malformed = () => new GatewayError(60021, 'the decrypted data is not a JSON object');
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { throw malformed(); }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed();
  return parsed as OpenData;
}

/** The data must name this app in its watermark and, when `maxAge` > 0, be at most `maxAge` seconds old. */
export function checkWatermark(data: OpenData, appid: string, maxAge: number, now: number): void {
  const wm = data.watermark as { appid?: unknown; timestamp?: unknown } | undefined;
  if (typeof wm !== 'object' || wm === null || typeof wm.appid !== 'string' || typeof wm.timestamp !== 'number') {
    throw new GatewayError(60021, 'the decrypted data has no valid watermark');
  }
  if (wm.appid !== appid) throw new GatewayError(60021, 'the decrypted data belongs to another app (watermark.appid)');
  if (maxAge > 0 && now - wm.timestamp > maxAge) {
    throw new GatewayError(60021, `the decrypted data is older than ${maxAge} s (watermark.timestamp); fetch it again`);
  }
}
