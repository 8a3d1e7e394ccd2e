// Queries built once per store: on the hot path, kysely's building and compiling cost more than the query itself.
import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './types.js';

/**
 * `build` runs once per Db, with a placeholder for each argument; later calls only bind the arguments. Every
 * value the built query binds must be one of its arguments (a constant would be frozen into the first build).
 */
export function preparedQuery<A extends string[], R>(build: (db: Db, ...args: A) => Compilable<R>): (db: Db, ...args: A) => Promise<R[]> {
  const built = new WeakMap<Db, { query: CompiledQuery<R>; order: number[] }>();
  return async (db, ...args) => {
    let entry = built.get(db);
    if (!entry) {
      const slots = args.map((_, i) => `\0arg${i}\0`) as A;
      const query = build(db, ...slots).compile();
      const order = query.parameters.map((p) => slots.indexOf(p as string));
      if (order.includes(-1)) throw new Error(`preparedQuery: a bound value is not an argument in ${query.sql}`);
      entry = { query, order };
      built.set(db, entry);
    }
    const { query, order } = entry;
    return (await db.executeQuery<R>({ ...query, parameters: order.map((i) => args[i]) })).rows;
  };
}
