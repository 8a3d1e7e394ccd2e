// Per process: rows read on every privileged call (caller keys, apps, WeCom agents), kept at most 2 s. A change
// made through this process drops its row at once; other processes and instances see it within 2 s.
import type { Clock } from '../clock.js';

const ROW_CACHE_SECONDS = 2;
/** Unknown ids are cached too (as null): past this many rows, start afresh rather than grow. */
const MAX_ROWS = 1000;

export interface RowCache {
  /** The value read for `key` less than 2 s ago, else `load()`; concurrent readers of one key share a load. */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
  forget(key: string): void;
}

export function createRowCache(clock: Clock): RowCache {
  const rows = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    read<T>(key: string, load: () => Promise<T>): Promise<T> {
      const hit = rows.get(key);
      if (hit && clock.now() - hit.at < ROW_CACHE_SECONDS) return hit.value as Promise<T>;
      if (rows.size >= MAX_ROWS) rows.clear();
      const value = load();
      rows.set(key, { at: clock.now(), value });
      // A failed read (the store is down) is not kept.
      value.catch(() => { if (rows.get(key)?.value === value) rows.delete(key); });
      return value;
    },
    forget: (key) => { rows.delete(key); },
  };
}
