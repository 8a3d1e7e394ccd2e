// Random identifiers shaped like the real ones, so clients that validate lengths/alphabets are exercised.
import { randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(length: number): string {
  let out = '';
  // randomInt is unbiased; a plain `byte % 62` would not be.
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

/** `o` + 27 chars of [A-Za-z0-9_-]: 28 chars like real mini-program openids. */
export function randomOpenid(): string {
  return 'o' + randomBytes(21).toString('base64url').slice(0, 27);
}

/** A wx.login code: 32 chars [A-Za-z0-9]. */
export function randomLoginCode(): string {
  return randomAlnum(32);
}

/** base64 of 16 random bytes (24 chars), i.e. an AES-128 key as WeChat hands it out. */
export function randomSessionKey(): string {
  return randomBytes(16).toString('base64');
}

/** The `rid` WeChat appends to every errmsg: 3 groups of 8 hex digits. */
export function randomRid(): string {
  const hex = randomBytes(12).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16)}`;
}

/**
 * An access token or ticket: 86 chars of [A-Za-z0-9_-] (a real ticket's length), starting with a
 * 2-letter tag and "_" so a human reading logs can tell the kinds apart; the other 83 chars are
 * ~498 random bits, so the tag gives nothing away.
 */
export function randomToken(tag: string): string {
  return `${tag}_${randomBytes(63).toString('base64url').slice(0, 85 - tag.length)}`;
}

/** A getPhoneNumber code: 64 hex chars like the one in the official example. */
export function randomPhoneCode(): string {
  return randomBytes(32).toString('hex');
}

/** The `hint: [...]` WeCom puts in every errmsg: 25 digits, unix seconds first like the real ones. */
export function randomHint(nowMs: number): string {
  let digits = String(Math.floor(nowMs / 1000));
  while (digits.length < 25) digits += String(randomInt(10));
  return digits.slice(0, 25);
}
