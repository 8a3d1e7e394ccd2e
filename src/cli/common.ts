// What every command shares: flags that pick the store, the master key (and dev's key file), one-line errors.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, parseKey, type Config } from '../config.js';
import { createSecretBox, type SecretBox } from '../services/secretbox.js';
import { openStore, pendingMigrations, type Store } from '../store/db.js';

/** A mistake of the user's: printed as one line, exit status 2. */
export class CliError extends Error {}

export const STORE_FLAGS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const STORE_HELP = `  --data DIR            use the SQLite store DIR/mina-auth.db
  --database-url URL    mysql://USER:PASS@HOST:PORT/DB or sqlite:PATH (default: $MINA_AUTH_DATABASE_URL, else sqlite:./data/mina-auth.db)
  -h, --help            this help`;

/** Config from the environment, with the store (and other settings) named by flags. */
export function configFrom(flags: { data?: string; 'database-url'?: string }, extra: Record<string, string> = {}): Config {
  const overrides: Record<string, string> = { ...extra };
  if (flags.data !== undefined && flags['database-url'] !== undefined) throw new CliError('give --data or --database-url, not both');
  if (flags.data !== undefined) overrides.DATABASE_URL = `sqlite:${join(flags.data, 'mina-auth.db')}`;
  if (flags['database-url'] !== undefined) overrides.DATABASE_URL = flags['database-url'];
  try {
    return loadConfig(process.env, overrides);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}

/**
 * The master key: MINA_AUTH_MASTER_KEY, else (SQLite only) a key file beside the database, made on first use.
 * A MySQL store never gets a key file: production keys come from the environment.
 */
export function withMasterKey(config: Config, warn: (line: string) => void = (l) => process.stderr.write(l + '\n')): Config {
  if (config.masterKey) return config;
  if (!config.databaseUrl.startsWith('sqlite:')) {
    throw new CliError('MINA_AUTH_MASTER_KEY is required with a MySQL store (e.g. from: openssl rand -base64 32)');
  }
  const file = join(dirname(config.databaseUrl.slice('sqlite:'.length)), 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
    warn(`mina-auth: warning: made a new master key in ${file}; fine for local use, but set MINA_AUTH_MASTER_KEY in production`);
  }
  try {
    return { ...config, masterKey: parseKey(file, readFileSync(file, 'utf8').trim()) };
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

export function parseWhole(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export const NEEDS_MIGRATING = 'the store needs migrating first: mina-auth migrate';

/** Runs a command on the store, refusing one that needs migrating; the store is closed when it is done. */
export async function withStore<T>(databaseUrl: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(databaseUrl);
  try {
    if ((await pendingMigrations(store)).length) throw new CliError(NEEDS_MIGRATING);
    return await use(store);
  } finally {
    await store.close();
  }
}

/** The secret box of a config that has its master key (see withMasterKey). */
export const boxOf = (config: Config): SecretBox => createSecretBox(config.masterKey!, config.oldMasterKeys);
