// mina-auth refresh: renew every token and ticket that is due (for a cron; SCF's timer trigger does the same).
import { parseArgs } from 'node:util';
import { closeDeps, createDeps } from '../deps.js';
import { refreshDue } from '../services/refresh.js';
import { configFrom, STORE_FLAGS, STORE_HELP, withMasterKey } from './common.js';

export const help = `usage: mina-auth refresh [--data DIR | --database-url URL]
Renews every access token and ticket that is due (refresh-ahead or expired), one upstream fetch each across
all instances. Run it from cron every few minutes; the SCF timer trigger does the same.
${STORE_HELP}`;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: STORE_FLAGS, strict: true });
  if (values.help) return out(help);
  const deps = createDeps(withMasterKey(configFrom(values)));
  try {
    const n = await refreshDue(deps);
    out(`${n.due} due, ${n.refreshed} renewed, ${n.failed} failed`);
    if (n.failed) process.exitCode = 1;
  } finally {
    await closeDeps(deps);
  }
}
