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
