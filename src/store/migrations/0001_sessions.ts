// Apps, users (session_key and user_info belong to the user), sessions and login claims.
import type { Kysely } from 'kysely';
import { tableOptions, type Migration } from './util.js';

export const m0001: Migration = {
  async up(db: Kysely<unknown>, dialect) {
    await tableOptions(dialect, db.schema.createTable('apps')
      .addColumn('appid', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('type', 'varchar(32)', (c) => c.notNull())
      .addColumn('secret_sealed', 'varchar(1024)', (c) => c.notNull())
      .addColumn('login_duration', 'integer', (c) => c.notNull().defaultTo(30))
      .addColumn('session_duration', 'integer', (c) => c.notNull().defaultTo(2592000))
      .addColumn('max_sessions', 'integer', (c) => c.notNull().defaultTo(20))
      .addColumn('token_api', 'varchar(16)', (c) => c.notNull().defaultTo('stable'))
      .addColumn('watermark_max_age', 'integer', (c) => c.notNull().defaultTo(86400))
      .addColumn('cos_sealed', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())).execute();

    await tableOptions(dialect, db.schema.createTable('users')
      .addColumn('appid', 'varchar(64)', (c) => c.notNull())
      .addColumn('openid', 'varchar(128)', (c) => c.notNull())
      .addColumn('unionid', 'varchar(128)')
      .addColumn('session_key_sealed', 'varchar(512)', (c) => c.notNull())
      .addColumn('user_info', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('users_pk', ['appid', 'openid'])).execute();

    // `seq` is the creation order across processes (created_at has whole seconds): the cap revokes by it.
    await tableOptions(dialect, db.schema.createTable('sessions')
      .addColumn('seq', dialect === 'mysql' ? 'bigint' : 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('id', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('appid', 'varchar(64)', (c) => c.notNull())
      .addColumn('openid', 'varchar(128)', (c) => c.notNull())
      .addColumn('skey_hash', 'char(64)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_visit_at', 'bigint', (c) => c.notNull())).execute();
    await db.schema.createIndex('sessions_user').on('sessions').columns(['appid', 'openid', 'seq']).execute();
    await db.schema.createIndex('sessions_created').on('sessions').columns(['appid', 'created_at']).execute();
    await db.schema.createIndex('sessions_visited').on('sessions').columns(['appid', 'last_visit_at']).execute();

    await tableOptions(dialect, db.schema.createTable('login_claims')
      .addColumn('appid', 'varchar(64)', (c) => c.notNull())
      .addColumn('code_mac', 'char(64)', (c) => c.notNull())
      .addColumn('state', 'varchar(16)', (c) => c.notNull())
      .addColumn('answer_sealed', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('login_claims_pk', ['appid', 'code_mac'])).execute();
    await db.schema.createIndex('login_claims_created').on('login_claims').column('created_at').execute();
  },
};
