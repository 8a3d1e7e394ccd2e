// mina-auth sweep: delete expired sessions and spent login claims (for a cron; SCF's timer trigger does the same).
import { parseArgs } from 'node:util';
import { closeDeps, createDeps } from '../deps.js';
import { createLogger } from '../log.js';
import { sweep } from '../services/sessions.js';
import { configFrom, STORE_FLAGS, STORE_HELP, withMasterKey } from './common.js';

export const help = `usage: mina-auth sweep [--data DIR | --database-url URL]
Deletes expired sessions and spent login claims.
${STORE_HELP}`;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: STORE_FLAGS, strict: true });
  if (values.help) return out(help);
  const deps = createDeps(withMasterKey(configFrom(values)), { log: createLogger('silent') });
  try {
    const n = await sweep(deps, { batch: 500 });
    out(`swept ${n.sessions} expired sessions and ${n.claims} spent login claims`);
  } finally {
    await closeDeps(deps);
  }
}
