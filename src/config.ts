// The only reader of process.env: turns MINA_AUTH_* variables into a typed, validated Config.
import { BlockList, isIP } from 'node:net';

export type AccessClass = 'public' | 'session' | 'privileged' | 'admin';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  databaseUrl: string;
  masterKey: Buffer | null;
  oldMasterKeys: Buffer[];
  port: number;
  wechatBaseUrl: string;
  wecomBaseUrl: string;
  upstreamTimeoutMs: number;
  defaultAppid: string | null;
  disabledClasses: ReadonlySet<AccessClass>;
  trustedProxies: BlockList;
  logLevel: LogLevel;
  /** Per-IP abuse limits (src/services/limits.ts); a null rule is switched off. */
  rateLimits: RateLimits;
  /** Client addresses the abuse limits never apply to (e.g. business servers that relay many users). */
  rateExempt: BlockList;
}

export type RateLimitName = 'auth_fail' | 'login' | 'key_fail';
/** At most `count` events per `seconds`-long window, per client address. */
export interface RateLimitRule { count: number; seconds: number }
export type RateLimits = Record<RateLimitName, RateLimitRule | null> & {
  /** Addresses tracked per limit; past it the oldest window is forgotten (bounded memory). */
  maxIps: number;
};

/** Generous for a business server relaying thousands of users (docs/security.md). */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = {
  auth_fail: { count: 600, seconds: 60 },
  login: { count: 1200, seconds: 60 },
  key_fail: { count: 60, seconds: 60 },
  maxIps: 20_000,
};

export class ConfigError extends Error {}

const KNOWN = [
  'DATABASE_URL', 'MASTER_KEY', 'OLD_MASTER_KEYS', 'PORT', 'WECHAT_BASE_URL', 'WECOM_BASE_URL',
  'UPSTREAM_TIMEOUT_MS', 'DEFAULT_APPID', 'DISABLED_CLASSES', 'TRUSTED_PROXIES', 'LOG_LEVEL',
  'RATE_LIMITS', 'RATE_EXEMPT',
];

export const DEFAULT_DATABASE_URL = 'sqlite:./data/mina-auth.db';

/** Reads the environment; `overrides` (from command-line flags) win over it. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Record<string, string>> = {}): Config {
  for (const name of Object.keys(env)) {
    if (name.startsWith('MINA_AUTH_') && !KNOWN.includes(name.slice(10)) && !name.startsWith('MINA_AUTH_TEST_')) {
      throw new ConfigError(`unknown setting ${name} (known: ${KNOWN.map((k) => 'MINA_AUTH_' + k).join(', ')})`);
    }
  }
  const get = (name: string): string | undefined => {
    const v = overrides[name] ?? env['MINA_AUTH_' + name];
    return v === undefined || v === '' ? undefined : v;
  };
  return {
    databaseUrl: parseDatabaseUrl(get('DATABASE_URL') ?? DEFAULT_DATABASE_URL),
    masterKey: get('MASTER_KEY') === undefined ? null : parseKey('MINA_AUTH_MASTER_KEY', get('MASTER_KEY')!),
    oldMasterKeys: (get('OLD_MASTER_KEYS') ?? '').split(',').filter(Boolean)
      .map((k) => parseKey('MINA_AUTH_OLD_MASTER_KEYS', k.trim())),
    port: parseIntIn('MINA_AUTH_PORT', get('PORT') ?? '9000', 0, 65535),
    wechatBaseUrl: parseBaseUrl('MINA_AUTH_WECHAT_BASE_URL', get('WECHAT_BASE_URL') ?? 'https://api.weixin.qq.com'),
    wecomBaseUrl: parseBaseUrl('MINA_AUTH_WECOM_BASE_URL', get('WECOM_BASE_URL') ?? 'https://qyapi.weixin.qq.com'),
    upstreamTimeoutMs: parseIntIn('MINA_AUTH_UPSTREAM_TIMEOUT_MS', get('UPSTREAM_TIMEOUT_MS') ?? '5000', 100, 60000),
    defaultAppid: parseAppid(get('DEFAULT_APPID')),
    disabledClasses: parseClasses(get('DISABLED_CLASSES') ?? ''),
    trustedProxies: parseAddresses('MINA_AUTH_TRUSTED_PROXIES', get('TRUSTED_PROXIES') ?? ''),
    logLevel: parseLogLevel(get('LOG_LEVEL') ?? 'info'),
    rateLimits: parseRateLimits(get('RATE_LIMITS') ?? ''),
    rateExempt: parseAddresses('MINA_AUTH_RATE_EXEMPT', get('RATE_EXEMPT') ?? ''),
  };
}

function parseDatabaseUrl(v: string): string {
  if (v.startsWith('sqlite:') && v.length > 7) return v;
  if (/^mysql:\/\/[^/]+\/[^/?]+/.test(v)) {
    try {
      const limit = new URL(v).searchParams.get('connectionLimit');
      if (limit === null || /^[1-9]\d{0,3}$/.test(limit)) return v;
    } catch { /* falls through to the error */ }
  }
  throw new ConfigError('MINA_AUTH_DATABASE_URL must be mysql://USER:PASS@HOST:PORT/DB[?connectionLimit=N] or sqlite:PATH');
}

export function parseKey(name: string, v: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(v)) {
    throw new ConfigError(`${name} must be 32 bytes in base64 (e.g. from: openssl rand -base64 32)`);
  }
  return Buffer.from(v, 'base64');
}

function parseIntIn(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function parseBaseUrl(name: string, v: string): string {
  let url: URL;
  try { url = new URL(v); } catch { throw new ConfigError(`${name} must be an http(s) URL`); }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${name} must be an http(s) URL`);
  return v.replace(/\/+$/, '');
}

export const APPID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

function parseAppid(v: string | undefined): string | null {
  if (v === undefined) return null;
  if (!new RegExp(APPID_PATTERN).test(v)) throw new ConfigError('MINA_AUTH_DEFAULT_APPID must look like an appid (letters, digits, _ and -)');
  return v;
}

function parseClasses(v: string): ReadonlySet<AccessClass> {
  const all: AccessClass[] = ['public', 'session', 'privileged', 'admin'];
  const set = new Set<AccessClass>();
  for (const c of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!all.includes(c as AccessClass)) throw new ConfigError(`MINA_AUTH_DISABLED_CLASSES: unknown class "${c}" (known: ${all.join(', ')})`);
    set.add(c as AccessClass);
  }
  return set;
}

function parseAddresses(name: string, v: string): BlockList {
  const list = new BlockList();
  for (const entry of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [addr = '', bits] = entry.split('/');
    const family = isIP(addr);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new ConfigError(`${name}: "${entry}" is not an IP address or CIDR`);
    }
    list.addSubnet(addr, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

/**
 * One clear line saying why the environment makes no gateway, without the value of any setting: a ConfigError
 * names the setting only; any other error (no master key, a driver missing) has the secret settings' values cut out.
 */
export function misconfiguration(err: unknown, env: Record<string, string | undefined> = process.env): string {
  const message = err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err);
  if (err instanceof ConfigError) return message;
  let safe = message;
  for (const name of ['MINA_AUTH_DATABASE_URL', 'MINA_AUTH_MASTER_KEY', 'MINA_AUTH_OLD_MASTER_KEYS']) {
    const value = env[name];
    if (value && value.length >= 4) safe = safe.split(value).join('[redacted]');
  }
  return safe;
}

/** Membership in an address list, remembered per address: BlockList.check() builds a SocketAddress per call. */
export function addressMatcher(list: BlockList): (ip: string) => boolean {
  const seen = new Map<string, boolean>();
  return (ip) => {
    let hit = seen.get(ip);
    if (hit === undefined) {
      const family = isIP(ip);
      hit = family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
      // Bounded: a flood of distinct addresses only costs the check again.
      if (seen.size >= 10_000) seen.clear();
      seen.set(ip, hit);
    }
    return hit;
  };
}

/** `auth_fail=600/60,login=off,max_ips=20000`: only the names given change; the rest keep their defaults. */
function parseRateLimits(v: string): RateLimits {
  const out: RateLimits = { ...DEFAULT_RATE_LIMITS };
  const usage = 'NAME=COUNT/SECONDS or NAME=off (names: auth_fail, login, key_fail), or max_ips=N';
  const seen = new Set<string>();
  for (const entry of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf('=');
    const name = (at < 0 ? entry : entry.slice(0, at)).trim();
    const value = at < 0 ? '' : entry.slice(at + 1).trim();
    const shown = entry.slice(0, 40);
    if (seen.has(name)) throw new ConfigError(`MINA_AUTH_RATE_LIMITS: "${name.slice(0, 20)}" is given twice`);
    seen.add(name);
    if (name === 'max_ips') {
      if (!/^\d{1,8}$/.test(value) || Number(value) < 1) throw new ConfigError(`MINA_AUTH_RATE_LIMITS: max_ips must be a whole number from 1 to 99999999, not "${shown}"`);
      out.maxIps = Number(value);
      continue;
    }
    if (name !== 'auth_fail' && name !== 'login' && name !== 'key_fail') {
      throw new ConfigError(`MINA_AUTH_RATE_LIMITS: unknown limit in "${shown}" (expected ${usage})`);
    }
    if (value === 'off') { out[name] = null; continue; }
    const m = /^(\d{1,8})\/(\d{1,6})$/.exec(value);
    const count = Number(m?.[1]);
    const seconds = Number(m?.[2]);
    if (!m || count < 1 || seconds < 1 || seconds > 86400) {
      throw new ConfigError(`MINA_AUTH_RATE_LIMITS: "${shown}" must be ${name}=COUNT/SECONDS (COUNT ≥ 1, SECONDS 1 to 86400) or ${name}=off`);
    }
    out[name] = { count, seconds };
  }
  return out;
}

function parseLogLevel(v: string): LogLevel {
  const levels: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
  if (!levels.includes(v as LogLevel)) throw new ConfigError(`MINA_AUTH_LOG_LEVEL must be one of ${levels.join(', ')}`);
  return v as LogLevel;
}
