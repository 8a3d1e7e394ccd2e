// Per-address abuse limits (2003 RATE_LIMITED): fixed windows in this process's memory, never a store write (PROTOCOL §6).
import { isIP, type BlockList } from 'node:net';
import { addressMatcher, type RateLimitName, type RateLimitRule, type RateLimits } from '../config.js';

export type { RateLimitName };

/** What each limit counts, for the `detail` of a 2003. */
const WHAT: Record<RateLimitName, string> = {
  auth_fail: 'failed session checks',
  login: 'logins',
  key_fail: 'failed caller-key uses',
};

export interface Limits {
  /**
   * Seconds until `ip` may try again when its window for `name` is already full, else 0. Counts nothing:
   * for failure limits, checked before the work; the failure is counted afterwards with `fail`.
   */
  blocked(name: RateLimitName, ip: string, now: number): number;
  /** Counts one failure (a 60012 or 2001 answer). */
  fail(name: RateLimitName, ip: string, now: number): void;
  /** Counts one attempt (a login) and returns 0, or, when the window is full, the seconds to wait (not counted). */
  take(name: RateLimitName, ip: string, now: number): number;
  /** The `detail` of a 2003. */
  detail(name: RateLimitName, retryIn: number): string;
  /** Addresses tracked for `name` (for tests: memory stays bounded). */
  tracked(name: RateLimitName): number;
}

interface Window { start: number; count: number }

/**
 * The counting key of a client address: an IPv4 address as is; IPv6 by its /64, since one subscriber usually
 * holds a whole /64 and could otherwise walk through it; anything else (no address, a platform header that is
 * not an address) shares one key, so it can never grow the table.
 */
export function addressKey(ip: string): string {
  const family = isIP(ip);
  if (family === 4) return ip;
  if (family !== 6) return 'unknown';
  const bare = ip.split('%')[0]!.toLowerCase();
  const [head = '', tail] = bare.split('::');
  const groups = (part: string) => part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return all.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':') + '::/64';
}

export function createLimits(config: RateLimits, exempt: BlockList): Limits {
  const tables = new Map<RateLimitName, Map<string, Window>>();
  const tableOf = (name: RateLimitName) => {
    let t = tables.get(name);
    if (!t) tables.set(name, (t = new Map()));
    return t;
  };
  const isExempt = addressMatcher(exempt);
  /** The rule that applies to this address, or null (limit off, or address exempt). */
  const ruleFor = (name: RateLimitName, ip: string): RateLimitRule | null => (config[name] && !isExempt(ip) ? config[name] : null);

  /** The address's current window, if it has one that has not ended. */
  function current(table: Map<string, Window>, key: string, rule: RateLimitRule, now: number): Window | undefined {
    const w = table.get(key);
    if (w && now >= w.start && now < w.start + rule.seconds) return w;
    if (w) table.delete(key);
    return undefined;
  }

  function open(table: Map<string, Window>, key: string, now: number): Window {
    // Bounded memory: forget the oldest windows (a Map iterates in insertion order).
    for (const oldest of table.keys()) {
      if (table.size < config.maxIps) break;
      table.delete(oldest);
    }
    const w = { start: now, count: 0 };
    table.set(key, w);
    return w;
  }

  const retryIn = (w: Window, rule: RateLimitRule, now: number) => Math.max(1, w.start + rule.seconds - now);

  return {
    blocked(name, ip, now) {
      const rule = ruleFor(name, ip);
      if (!rule) return 0;
      const w = current(tableOf(name), addressKey(ip), rule, now);
      return w && w.count >= rule.count ? retryIn(w, rule, now) : 0;
    },
    fail(name, ip, now) {
      const rule = ruleFor(name, ip);
      if (!rule) return;
      const table = tableOf(name);
      const key = addressKey(ip);
      const w = current(table, key, rule, now) ?? open(table, key, now);
      if (w.count < rule.count) w.count++;
    },
    take(name, ip, now) {
      const rule = ruleFor(name, ip);
      if (!rule) return 0;
      const table = tableOf(name);
      const key = addressKey(ip);
      const w = current(table, key, rule, now) ?? open(table, key, now);
      if (w.count >= rule.count) return retryIn(w, rule, now);
      w.count++;
      return 0;
    },
    detail(name, seconds) {
      return `too many ${WHAT[name]} from this address; retry in ${seconds} s`;
    },
    tracked(name) {
      return tables.get(name)?.size ?? 0;
    },
  };
}
