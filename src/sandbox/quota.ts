// Quota windows: WeChat's daily quotas (Beijing calendar days) and WeCom's rolling-hour ticket limits.
import type { DailyCounter } from './state.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** WeChat quotas reset at midnight China time (UTC+8, no DST), not UTC midnight. */
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

export function newDailyCounter(): DailyCounter {
  return { day: -1, count: 0 };
}

/** The counter restarted if its day is over, so `.count` is today's count. */
export function today(counter: DailyCounter, now: number): DailyCounter {
  const day = Math.floor((now + BEIJING_OFFSET_MS) / DAY_MS);
  if (counter.day !== day) {
    counter.day = day;
    counter.count = 0;
  }
  return counter;
}

/**
 * Drops fetch times older than an hour (in place) and returns how many remain. Only granted fetches
 * are recorded, so a throttled client is unblocked an hour after its oldest fetch, not after its last try.
 */
export function lastHour(times: number[], now: number): number {
  let stale = 0;
  while (stale < times.length && (times[stale] ?? 0) <= now - HOUR_MS) stale++;
  times.splice(0, stale);
  return times.length;
}
