// COS signatures: the XML-API v5 request signature of qcloud.cos.sign (cos-nodejs-sdk-v5, loaded on first use)
// and the legacy COS v4 signature string of qcloud.cos.auth.* (pure, node:crypto).
import { createHmac, randomInt } from 'node:crypto';
import { GatewayError } from '../dispatch/codes.js';
import type { CosMethod, CosProfile } from './apps.js';

/** `encodeURIComponent` plus `! ' ( ) *`: PHP's rawurlencode, and the `enc()` of the COS v5 signature. */
export function rawUrlEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

// ---- COS v4 (JSON API, legacy): a copy of cos-php-sdk-v4 Auth::createSignature, as the WaferOnSCF fork has it ----

export interface V4Input {
  /** The Tencent Cloud APPID (`a`). */
  appid: string;
  /** The short bucket name, without `-<appid>` (`b`). */
  bucket: string;
  secretId: string;
  secretKey: string;
  /** `e`: the expiry (Unix seconds) of a reusable signature; 0 for a non-reusable one. */
  expiration: number;
  /** `/<appid>/<bucket>/<path>` (see v4FileId), or null for a reusable signature bound to no file. */
  fileId: string | null;
}

/** The fileId a v4 signature is bound to; a reusable signature without a filepath (PHP `empty("")`) is bound to none. */
export function v4FileId(appid: string, bucket: string, filepath: string | undefined, reusable: boolean): string | null {
  if (reusable && !filepath) return null;
  const path = filepath ?? '';
  return `/${appid}/${bucket}${path.startsWith('/') ? path : '/' + path}`;
}

/** PHP's rand(): 0 … 2147483647. */
export const v4Random = (): number => randomInt(0, 2147483648);

/**
 * base64( HMAC-SHA1(secretKey, plain) ‖ plain ), plain = `a=…&b=…&k=…&e=…&t=…&r=…&f=…` (the fork's field order),
 * f = rawurlencode(fileId) with `%2F` back to `/`. `t` (now) and `r` (random) are given, so it is pure.
 */
export function v4Signature(input: V4Input, t: number, r: number): string {
  let f = '';
  if (input.fileId !== null) {
    try {
      f = rawUrlEncode(input.fileId).replace(/%2F/g, '/');
    } catch {
      throw new GatewayError(1003, 'para.filepath is not valid Unicode');
    }
  }
  const plain = `a=${input.appid}&b=${input.bucket}&k=${input.secretId}&e=${input.expiration}&t=${t}&r=${r}&f=${f}`;
  const mac = createHmac('sha1', input.secretKey).update(plain, 'utf8').digest();
  return Buffer.concat([mac, Buffer.from(plain, 'utf8')]).toString('base64');
}

// ---- COS v5 (XML API): qcloud.cos.sign ----

type CosSdk = typeof import('cos-nodejs-sdk-v5');
type CosSdkMethod = NonNullable<Parameters<CosSdk['getAuthorization']>[0]['Method']>;
/** The SDK costs ~170 ms of CPU to load (SCF.md §5): only a request that signs pays it (the module cache keeps it). */
async function loadSdk(): Promise<CosSdk> {
  const m = await import('cos-nodejs-sdk-v5');
  return (m as unknown as { default: CosSdk }).default ?? m;
}

export interface SignRequest {
  key: string;
  method?: CosMethod;
  expires?: number;
  content_type?: string;
  content_length?: number;
}

export interface Signed {
  authorization: string;
  bucket: string;
  region: string;
  key: string;
  url: string;
  expires_at: number;
}

/** `expires` when the caller gives none (capped by the profile's max_expires). */
export const DEFAULT_EXPIRES = 600;

/** The profile's prefix for one user: `{openid}` and `{appid}` filled in. */
export const expandPrefix = (template: string, who: { appid: string; openid: string }): string =>
  template.replaceAll('{openid}', who.openid).replaceAll('{appid}', who.appid);

/**
 * Refuses (1003) a key that is not a plain relative object key under `prefix`: a leading `/`, a backslash, control
 * characters, `.`/`..`/empty segments, and percent-encoded `.`, `/`, `\`, `%` or control characters — a proxy
 * or client that decodes or normalises the path must not be able to turn the key into another user's.
 */
export function checkKey(key: string, prefix: string): void {
  const refuse = (why: string): never => { throw new GatewayError(1003, `para.key ${why}`); };
  if (key.startsWith('/')) refuse('must be relative (no leading "/")');
  if (key.includes('\\')) refuse('must not contain a backslash');
  if (/[\u0000-\u001f\u007f]/.test(key)) refuse('must not contain control characters');
  if (/%(2e|2f|5c|25|[01][0-9a-f]|7f)/i.test(key)) refuse('must not contain a percent-encoded ".", "/", "\\", "%" or control character');
  if (key.split('/').some((seg, i, all) => seg === '.' || seg === '..' || (seg === '' && i < all.length - 1))) {
    refuse('must not contain "." or ".." segments or "//"');
  }
  try {
    encodeURIComponent(key);
  } catch {
    refuse('is not valid Unicode');
  }
  if (!key.startsWith(prefix) || key.length === prefix.length) refuse(`must start with "${prefix}" (this app's COS prefix for the user) and name an object under it`);
}

/**
 * Signs one request on the profile's bucket for a session's user, after checking it against the profile.
 * The host is signed, so the authorization works both as the `Authorization` header and as the query of `url`.
 */
export async function signCosRequest(profile: CosProfile, who: { appid: string; openid: string }, req: SignRequest, now: number): Promise<Signed> {
  const prefix = expandPrefix(profile.prefix, who);
  checkKey(req.key, prefix);
  const method = req.method ?? 'PUT';
  if (!profile.methods.includes(method)) throw new GatewayError(1003, `para.method ${method} is not allowed for this app (allowed: ${profile.methods.join(', ')})`);
  const expires = req.expires ?? Math.min(DEFAULT_EXPIRES, profile.max_expires);
  if (expires > profile.max_expires) throw new GatewayError(1003, `para.expires must be at most ${profile.max_expires} seconds (this app's max_expires)`);
  if (req.content_length !== undefined && profile.max_size !== null && req.content_length > profile.max_size) {
    throw new GatewayError(1003, `para.content_length must be at most ${profile.max_size} bytes (this app's max_size)`);
  }
  // Only uploads carry a body: require_content binds PUT and POST; GET, HEAD and DELETE need neither field.
  if (profile.require_content && (method === 'PUT' || method === 'POST')) {
    if (req.content_type === undefined) throw new GatewayError(1003, 'para.content_type is required: this app signs uploads with their content type');
    if (req.content_length === undefined) throw new GatewayError(1003, 'para.content_length is required: this app signs uploads with their size');
  }

  const host = `${profile.bucket}.cos.${profile.region}.myqcloud.com`;
  const headers: Record<string, string> = { host };
  if (req.content_type !== undefined) headers['content-type'] = req.content_type;
  if (req.content_length !== undefined) headers['content-length'] = String(req.content_length);
  const expiresAt = now + expires;
  const COS = await loadSdk();
  const authorization = COS.getAuthorization({
    SecretId: profile.secret_id, SecretKey: profile.secret_key,
    // The SDK's type lacks HEAD; getAuth lower-cases and signs any method.
    Method: method.toLowerCase() as CosSdkMethod, Key: req.key, KeyTime: `${now};${expiresAt}`, Headers: headers,
  });
  const path = req.key.split('/').map(rawUrlEncode).join('/');
  return { authorization, bucket: profile.bucket, region: profile.region, key: req.key, url: `https://${host}/${path}?${authorization}`, expires_at: expiresAt };
}
