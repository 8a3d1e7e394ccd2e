// Test databases: a fresh MariaDB database (over TCP) or SQLite file per world. On CI MariaDB must run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

export type DialectName = 'mysql' | 'sqlite';
const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

async function mysqlReachable(): Promise<boolean> {
  try {
    const c = await createConnection({ ...MYSQL, connectTimeout: 3000 });
    await c.end();
    return true;
  } catch (err) {
    if (process.env.CI) throw new Error(`MariaDB must run on CI (127.0.0.1:3306): ${(err as Error).message}`);
    process.stderr.write('warning: MariaDB is not reachable on 127.0.0.1:3306; only SQLite is tested\n');
    return false;
  }
}

/** Both dialects, or SQLite alone off CI when MariaDB is down. */
export const DIALECTS: DialectName[] = (await mysqlReachable()) ? ['mysql', 'sqlite'] : ['sqlite'];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mina-auth-test-'));
    return { url: `sqlite:${join(dir, 'mina-auth.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `mina_t_${randomBytes(6).toString('hex')}`;
  const c = await createConnection(MYSQL);
  await c.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await c.end();
  return {
    url: `mysql://root@127.0.0.1:3306/${name}`,
    async drop() {
      const d = await createConnection(MYSQL);
      await d.query(`DROP DATABASE IF EXISTS ${name}`);
      await d.end();
    },
  };
}
