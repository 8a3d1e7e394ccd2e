// Lookups by key on the hot path: the keys asked for until the microtask queue runs dry go to the store in one query.
import type { Compilable } from 'kysely';
import type { Store } from './db.js';
import type { Db } from './types.js';

/** At most this many keys in one query's `in (…)` list; more make several queries. */
export const MAX_KEYS = 64;
/**
 * At most this many of one lookup's queries at the store at once; the keys asked for meanwhile wait for one to
 * come back and then go together. Two: one query the database works on while the next one's keys gather. More
 * spreads the same load over more, smaller queries that compete for the cores (bench/README.md, "Changes measured").
 */
export const MAX_IN_FLIGHT = 2;

interface Waiter<R> { resolve: (row: R | undefined) => void; reject: (err: unknown) => void }
interface PerStore<R> { waiting: Map<string, Waiter<R>[]>; scheduled: boolean; inFlight: number; sql: Map<number, string> }

/**
 * `lookup(store, key)`: the row whose `keyOf` is `key`, or undefined. The keys asked for until the microtask queue
 * runs dry are looked up together (in a process.nextTick queued from a microtask), as `build(db, keys)`: the HTTP
 * server handles the requests of one event-loop turn in one callback, so one round trip and one statement answer
 * every request of the turn, in the same turn (bench/README.md, "Changes measured"); while MAX_IN_FLIGHT queries
 * are out, the keys wait for the next. The built query must bind the keys and nothing else, in order
 * (`where(column, 'in', keys)`). Its SQL is compiled once per store and list length, and the list is padded to a power of two with
 * repeats of a key, so a store keeps few statements. A failed query fails every caller it answers.
 */
export function batchedLookup<R>(build: (db: Db, keys: string[]) => Compilable<R>, keyOf: (row: R) => string): (store: Store, key: string) => Promise<R | undefined> {
  const stores = new WeakMap<Store, PerStore<R>>();

  const sqlFor = (store: Store, state: PerStore<R>, length: number): string => {
    let sql = state.sql.get(length);
    if (sql === undefined) {
      const slots = Array.from({ length }, (_, i) => `\0key${i}\0`);
      const query = build(store.db, slots).compile();
      if (query.parameters.length !== length || query.parameters.some((p, i) => p !== slots[i])) {
        throw new Error(`batchedLookup: the query must bind the keys and nothing else, in order: ${query.sql}`);
      }
      sql = query.sql;
      state.sql.set(length, sql);
    }
    return sql;
  };

  const schedule = (store: Store, state: PerStore<R>) => {
    if (state.scheduled || state.waiting.size === 0 || state.inFlight >= MAX_IN_FLIGHT) return;
    state.scheduled = true;
    // A microtask that queues the run as a tick: ticks run once the microtask queue is dry, whether the first key
    // was asked for from a microtask or from a callback's own code.
    queueMicrotask(() => process.nextTick(run, store, state));
  };

  const run = (store: Store, state: PerStore<R>) => {
    state.scheduled = false;
    while (state.waiting.size > 0 && state.inFlight < MAX_IN_FLIGHT) {
      const chunk = new Map<string, Waiter<R>[]>();
      for (const [key, waiters] of state.waiting) {
        chunk.set(key, waiters);
        state.waiting.delete(key);
        if (chunk.size === MAX_KEYS) break;
      }
      const padded = [...chunk.keys()];
      while (padded.length & (padded.length - 1)) padded.push(padded[0]!); // to a power of two
      const settle = (outcome: (waiter: Waiter<R>, key: string) => void) => {
        state.inFlight--;
        for (const [key, waiters] of chunk) for (const waiter of waiters) outcome(waiter, key);
        schedule(store, state);
      };
      state.inFlight++;
      // Inside `then`, a throw of sqlFor (a query binding more than the keys) fails the callers too.
      Promise.resolve().then(() => store.read<R>(sqlFor(store, state, padded.length), padded))
        .then((rows) => {
          const found = new Map(rows.map((row) => [keyOf(row), row]));
          settle((waiter, key) => waiter.resolve(found.get(key)));
        }, (err: unknown) => settle((waiter) => waiter.reject(err)));
    }
  };

  return (store, key) => new Promise<R | undefined>((resolve, reject) => {
    let state = stores.get(store);
    if (!state) stores.set(store, state = { waiting: new Map(), scheduled: false, inFlight: 0, sql: new Map() });
    const waiters = state.waiting.get(key);
    if (waiters) waiters.push({ resolve, reject });
    else state.waiting.set(key, [{ resolve, reject }]);
    schedule(store, state);
  });
}
