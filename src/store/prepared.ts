// Queries built once per store: on the hot path, kysely's building and compiling cost more than the query itself.
import type { Compilable, CompiledQuery } from 'kysely';
import type { Store } from './db.js';
import type { Db } from './types.js';

/**
 * `build` runs once per store, with a placeholder for each argument; later calls only bind the arguments and run
 * the query through `store.read` (a prepared statement on MySQL; past kysely's mutex on SQLite). Every value the
 * built query binds must be one of its arguments (a constant would be frozen into the first build).
 */
export function preparedQuery<A extends string[], R>(build: (db: Db, ...args: A) => Compilable<R>): (store: Store, ...args: A) => Promise<R[]> {
  const built = new WeakMap<Store, { query: CompiledQuery<R>; order: number[] }>();
  return async (store, ...args) => {
    let entry = built.get(store);
    if (!entry) {
      const slots = args.map((_, i) => `\0arg${i}\0`) as A;
      const query = build(store.db, ...slots).compile();
      const order = query.parameters.map((p) => slots.indexOf(p as string));
      if (order.includes(-1)) throw new Error(`preparedQuery: a bound value is not an argument in ${query.sql}`);
      entry = { query, order };
      built.set(store, entry);
    }
    const { query, order } = entry;
    return store.read<R>(query.sql, order.map((i) => args[i]!));
  };
}
