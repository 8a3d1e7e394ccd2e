// The audit log: an append-only record of admin actions, credential fetches and invalidations, rekeys, and
// aggregated failed caller-key uses. Never a secret: only ids, names of changed fields, counts and results.
import type { Kysely } from 'kysely';
import { tableOptions, type Migration } from './util.js';

export const m0003: Migration = {
  async up(db: Kysely<unknown>, dialect) {
    await tableOptions(dialect, db.schema.createTable('audit_log')
      .addColumn('id', dialect === 'mysql' ? 'bigint' : 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'varchar(64)', (c) => c.notNull())
      .addColumn('action', 'varchar(64)', (c) => c.notNull())
      .addColumn('target', 'varchar(255)', (c) => c.notNull())
      .addColumn('result', 'varchar(32)', (c) => c.notNull())
      .addColumn('detail', 'varchar(1024)')).execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  },
};
