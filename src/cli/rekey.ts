// mina-auth rekey: re-seal every value sealed under an old master key under MINA_AUTH_MASTER_KEY (PROTOCOL §6).
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { CLI_ACTOR, recordAudit } from '../services/audit.js';
import { rekey } from '../services/rekey.js';
import { boxOf, configFrom, parseWhole, STORE_FLAGS, STORE_HELP, withMasterKey, withStore } from './common.js';

export const help = `usage: mina-auth rekey [--batch N] [--data DIR | --database-url URL]
Re-seals every sealed value (app secrets, COS keys, agent secrets, session_keys, tokens, tickets, kept login
answers) that is not under the current MINA_AUTH_MASTER_KEY, opening it with MINA_AUTH_OLD_MASTER_KEYS.
Safe while the gateway runs: a row is written only if it did not change since it was read. Prints counts per
table; running it again finds nothing to do. A value that no key opens is named on one line (table and row)
and the exit status is 1. Key rotation: set the new key as MINA_AUTH_MASTER_KEY and the old one in
MINA_AUTH_OLD_MASTER_KEYS on every instance, run rekey, then drop the old key.
  --batch N             rows read per batch (default 200)
${STORE_HELP}`;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { ...STORE_FLAGS, batch: { type: 'string' } }, strict: true });
  if (values.help) return out(help);
  const batch = parseWhole('batch', values.batch, 1, 10_000);
  const config = withMasterKey(configFrom(values));
  const box = boxOf(config);
  await withStore(config.databaseUrl, async (store) => {
    const result = await rekey(store.db, box, { batch });
    let resealed = 0;
    for (const [table, n] of Object.entries(result.tables)) {
      resealed += n.resealed;
      out(`${table}: ${n.resealed} re-sealed, ${n.changed} changed meanwhile, ${n.failed} failed`);
    }
    const changed = Object.values(result.tables).reduce((sum, n) => sum + n.changed, 0);
    out(`${resealed} value(s) re-sealed under key id ${box.keyId}${changed ? `; ${changed} changed while this ran: run rekey again` : ''}`);
    await recordAudit(store.db, systemClock.now(), {
      actor: CLI_ACTOR, action: 'rekey', target: `key ${box.keyId}`, result: result.failures.length ? 'failed' : 'ok',
      detail: `${resealed} re-sealed, ${changed} changed meanwhile, ${result.failures.length} unopenable`,
    });
    for (const f of result.failures) {
      process.stderr.write(`mina-auth: ${f.table} row ${f.row} (${f.column}) cannot be opened: ${f.reason}\n`);
    }
    if (result.failures.length) process.exitCode = 1;
  });
}
