// mina-auth migrate: apply pending schema migrations.
import { parseArgs } from 'node:util';
import { migrate, openStore } from '../store/db.js';
import { configFrom, STORE_FLAGS, STORE_HELP } from './common.js';

export const help = `usage: mina-auth migrate [--data DIR | --database-url URL]
Applies pending schema migrations to the store.
${STORE_HELP}`;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: STORE_FLAGS, strict: true });
  if (values.help) return out(help);
  const store = openStore(configFrom(values).databaseUrl);
  try {
    const applied = await migrate(store);
    out(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
  } finally {
    await store.close();
  }
}
