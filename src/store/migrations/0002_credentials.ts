// Caller keys, WeCom agents, and the credentials (tokens, tickets) with their refresh lease and budgets.
import type { Kysely } from 'kysely';
import { tableOptions, type Migration } from './util.js';

export const m0002: Migration = {
  async up(db: Kysely<unknown>, dialect) {
    await tableOptions(dialect, db.schema.createTable('caller_keys')
      .addColumn('key_id', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(128)', (c) => c.notNull())
      .addColumn('secret_hash', 'char(64)', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())).execute();

    await tableOptions(dialect, db.schema.createTable('agents')
      .addColumn('corpid', 'varchar(64)', (c) => c.notNull())
      .addColumn('agentid', 'varchar(32)', (c) => c.notNull())
      .addColumn('secret_sealed', 'varchar(1024)', (c) => c.notNull())
      .addColumn('remark', 'varchar(255)')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('agents_pk', ['corpid', 'agentid'])).execute();

    // One row per credential (kind, owner). `generation` only grows: a write must name the generation it
    // replaces, so the store never goes back to an older value. `lease_until` is the refresh lease.
    await tableOptions(dialect, db.schema.createTable('credentials')
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('owner', 'varchar(128)', (c) => c.notNull())
      .addColumn('value_sealed', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('fetched_at', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('refresh_after', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('generation', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('lease_until', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('lease_holder', 'varchar(64)')
      .addColumn('last_force_at', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('day', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('day_fetches', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('day_forces', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('credentials_pk', ['kind', 'owner'])).execute();
    await db.schema.createIndex('credentials_refresh').on('credentials').column('refresh_after').execute();
  },
};
