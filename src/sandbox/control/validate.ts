// Input checks for the control API. Any failure becomes HTTP 400 {"error": message} in one place.
import { isIP } from 'node:net';
import { normalizeIp } from '../ip.js';
import { isRecord } from '../json.js';
import type { State, User } from '../state.js';

/** Thrown by control handlers; the control dispatcher turns it into `{error}` with this status. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function badInput(message: string): never {
  throw new ControlError(400, message);
}

/** Ids and secrets are short in reality; the cap keeps error messages and maps small. */
const MAX_STRING = 256;

export function asObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) badInput('body must be a JSON object');
  return body;
}

export function requiredString(obj: Record<string, unknown>, field: string): string {
  const value = obj[field];
  if (typeof value !== 'string' || value === '' || value.length > MAX_STRING) {
    badInput(`"${field}" must be a non-empty string of at most ${MAX_STRING} characters`);
  }
  return value;
}

export function optionalString(obj: Record<string, unknown>, field: string): string | undefined {
  return obj[field] === undefined ? undefined : requiredString(obj, field);
}

export function optionalInteger(obj: Record<string, unknown>, field: string, min: number): number | undefined {
  const value = obj[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    badInput(`"${field}" must be an integer >= ${min}`);
  }
  return value;
}

/** A session_key must be usable as an AES-128 key: base64 of exactly 16 bytes. */
export function optionalSessionKey(obj: Record<string, unknown>, field: string): string | undefined {
  const value = obj[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]{22}==$/.test(value)) {
    badInput(`"${field}" must be base64 of 16 bytes (24 characters ending in "==")`);
  }
  return value;
}

export function optionalBoolean(obj: Record<string, unknown>, field: string): boolean | undefined {
  const value = obj[field];
  if (value !== undefined && typeof value !== 'boolean') badInput(`"${field}" must be true or false`);
  return value;
}

/** undefined = not given (keep what was set), null = remove the whitelist, else plain IP addresses. */
export function optionalIpList(obj: Record<string, unknown>, field: string): string[] | null | undefined {
  const value = obj[field];
  if (value === undefined || value === null) return value;
  if (!Array.isArray(value) || value.length > 1000) badInput(`"${field}" must be an array of IP addresses or null`);
  return value.map((ip: unknown) => {
    if (typeof ip !== 'string' || isIP(ip) === 0) badInput(`"${field}" entries must be IP addresses, got ${JSON.stringify(ip)}`);
    return normalizeIp(ip);
  });
}

/** The user a client-side action (phone button, open data) is done as: it must have logged in first. */
export function requireUser(state: State, appid: string, openid: string): User {
  const user = state.users.get(appid)?.get(openid);
  if (user === undefined) badInput(`unknown user "${openid}" of app "${appid}" (POST /__sandbox/login first)`);
  return user;
}
