// What every migration shares: the dialect switch for MySQL table options.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../types.js';

export interface Migration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** utf8mb4 throughout; binary collation so ids, hashes and openids compare byte for byte. */
export function tableOptions<T extends string, C extends string>(dialect: Dialect, builder: CreateTableBuilder<T, C>) {
  return dialect === 'mysql'
    ? builder.modifyEnd(sql`ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`)
    : builder;
}
