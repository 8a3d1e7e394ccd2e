// Schema fragments shared by interfaces, so a field means the same everywhere.
import type { JSONSchemaType } from 'ajv';
import { APPID_PATTERN } from '../config.js';

export const appid = { type: 'string', pattern: APPID_PATTERN, description: 'The app; optional where the URL binds one.' } as const;
export const sessionId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$', description: 'Session id from `qcloud.cam.id_skey`.' } as const;
export const skey = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$', description: 'Session key from `qcloud.cam.id_skey`.' } as const;
export const code = { type: 'string', minLength: 1, maxLength: 512, description: 'A `wx.login` code.' } as const;
export const encryptData = { type: 'string', minLength: 1, maxLength: 49152, pattern: '^[A-Za-z0-9+/]+={0,2}$', description: '`encryptedData` from the mini program (base64).' } as const;
export const iv = { type: 'string', pattern: '^[A-Za-z0-9+/]{22}==$', description: '`iv` from the mini program (base64 of 16 bytes).' } as const;

/** Optional in a schema: absent keys and keys whose value is `null` are the same thing on the wire. */
export const optional = <T extends object>(s: T) => ({ ...s, nullable: true }) as T & { nullable: true };

export interface SessionPara { id: string; skey: string; appid?: string }
export interface OpenDataPara extends SessionPara { encrypt_data: string; iv: string }

/** The para of a call that only names a session. */
export const sessionPara: JSONSchemaType<SessionPara> = {
  type: 'object',
  properties: { id: sessionId, skey, appid: optional(appid) },
  required: ['id', 'skey'],
  additionalProperties: false,
};

/** The para of a call that decrypts open data for a session's user. */
export const openDataPara: JSONSchemaType<OpenDataPara> = {
  type: 'object',
  properties: { id: sessionId, skey, appid: optional(appid), encrypt_data: encryptData, iv },
  required: ['id', 'skey', 'encrypt_data', 'iv'],
  additionalProperties: false,
};

/** A secret as WeChat, WeCom and COS issue them: printable ASCII without spaces. */
export const secretText = { type: 'string', pattern: '^[\\x21-\\x7e]{1,256}$' } as const;
/** The id part of a caller key `mak_<keyId>_<secret>`. */
export const keyId = { type: 'string', pattern: '^[a-z0-9]{8,16}$' } as const;

export const corpid = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'The WeCom corp (`ww…`).' } as const;
export const agentid = { type: 'string', pattern: '^[0-9]{1,20}$', description: 'The WeCom agent (application) id, as a string of digits.' } as const;
export const force = { type: 'boolean', description: 'A real refresh (budgeted: at most one per 30 s and a daily budget per app).' } as const;
export const invalidToken = { type: 'string', minLength: 1, maxLength: 2048, description: 'A token that just failed with 40001/42001/40014: refreshed only if it is still the current one.' } as const;
export const pageUrl = { type: 'string', minLength: 8, maxLength: 2048, pattern: '^https?://', description: 'The full URL of the page calling wx.config (a `#…` fragment is ignored).' } as const;
