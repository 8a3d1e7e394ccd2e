// Opens the store named by a database URL: kysely over a mysql2 pool, or over better-sqlite3 (WAL).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, MysqlDialect, SqliteDialect, CompiledQuery, type MigrationProvider, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { createPool } from 'mysql2';
import { MIGRATIONS } from './migrations/index.js';
import type { Db, Dialect } from './types.js';

export interface Store {
  db: Db;
  dialect: Dialect;
  /**
   * Runs one compiled read, for the hot path (src/store/lookup.ts). SQLite: straight on the kept better-sqlite3
   * statement, past kysely's connection mutex (through kysely while a transaction is open on SQLite's one
   * connection, so the read waits for it instead of seeing inside it). MySQL: as a server-side prepared
   * statement (`pool.execute`, kept per connection by mysql2), which spares MariaDB parsing and planning the
   * auth join on every call; kysely only sends text queries.
   */
  read<R>(sql: string, parameters: readonly string[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** mysql2 pool size; an SCF event function serves one request at a time, so 2 is plenty there. */
  connectionLimit?: number;
}

export function openStore(url: string, opts: StoreOptions = {}): Store {
  if (url.startsWith('mysql://')) {
    // `?connectionLimit=N` in the URL sizes the pool (it wins over the front door's default).
    const uri = new URL(url);
    const limit = Number(uri.searchParams.get('connectionLimit') ?? opts.connectionLimit ?? 10);
    uri.searchParams.delete('connectionLimit');
    const pool = createPool({
      uri: uri.toString(),
      connectionLimit: limit,
      maxIdle: limit,
      idleTimeout: 60_000,
      connectTimeout: 5_000,
      enableKeepAlive: true,
      charset: 'utf8mb4_bin',
    });
    const db: Db = new Kysely({ dialect: new MysqlDialect({ pool }) });
    const read = <R>(sql: string, parameters: readonly string[]) => new Promise<R[]>((resolve, reject) => {
      pool.execute(sql, parameters as string[], (err, rows) => (err ? reject(err) : resolve(rows as R[])));
    });
    return { db, dialect: 'mysql', read, close: () => db.destroy() };
  }
  const path = url.slice('sqlite:'.length);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // Loaded on demand, as node:module is: it is a native module, absent from the SCF bundle, which only speaks MySQL.
  const Sqlite = process.getBuiltinModule('node:module').createRequire(__filename)('better-sqlite3') as typeof import('better-sqlite3');
  const database = new Sqlite(path, { timeout: 5_000 });
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  const statements = withStatementCache(database);
  const db: Db = new Kysely({ dialect: new SqliteDialect({ database: statements }) });
  const read = async <R>(sql: string, parameters: readonly string[]): Promise<R[]> => (database.inTransaction
    ? (await db.executeQuery<R>(CompiledQuery.raw(sql, [...parameters]))).rows
    : statements.prepare(sql).all(parameters) as R[]);
  return { db, dialect: 'sqlite', read, close: () => db.destroy() };
}

/** Statements kept per SQL text: better-sqlite3 compiles on every prepare(), which cost more than the query. */
const STATEMENTS_KEPT = 256;

function withStatementCache(database: import('better-sqlite3').Database): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = kept.get(text);
      if (!statement) {
        // Texts vary only with the length of `in (…)` lists: when the bound is reached, start afresh.
        if (kept.size >= STATEMENTS_KEPT) kept.clear();
        statement = database.prepare(text);
        kept.set(text, statement);
      }
      return statement;
    },
  };
}

function migrator(store: Store): Migrator {
  const provider: MigrationProvider = {
    async getMigrations() {
      return Object.fromEntries(Object.entries(MIGRATIONS)
        .map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, store.dialect) }]));
    },
  };
  return new Migrator({ db: store.db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(store: Store): Promise<string[]> {
  const { error, results = [] } = await migrator(store).migrateToLatest();
  if (error) throw error;
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function pendingMigrations(store: Store): Promise<string[]> {
  return (await migrator(store).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
