// mina-auth import-wafer: copy a Wafer session server's database into the store (secrets sealed, skeys hashed; never printed).
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { DEFAULT_WAFER_TIMEZONE, formatWaferSummary, planWaferImport, WaferImportError, writeWafer } from '../services/wafer-import.js';
import { boxOf, CliError, configFrom, STORE_FLAGS, STORE_HELP, withMasterKey, withStore } from './common.js';

export const help = `usage: mina-auth import-wafer --from mysql://USER:PASS@HOST:PORT/cAuth [--timezone ZONE] [--dry-run]
                              [--data DIR | --database-url URL]
Imports a Wafer session server's database (upstream tencentyun/wafer-session-server or the WaferOnSCF fork):
apps from cAppinfo (as mini programs), WeCom agents from cAppinfo_work, and the live sessions of cSessionInfo
with their users. Secrets and session keys are sealed and skeys hashed on the way in; a session keeps its id
(Wafer's uuid), its skey and its original absolute expiry. Expired sessions are skipped, cached tokens and
tickets are not imported (the gateway fetches its own). The source is only read. Running it again changes nothing.
  --from URL            the Wafer database (read-only access is enough)
  --timezone ZONE       the zone of Wafer's DATETIME columns (default ${DEFAULT_WAFER_TIMEZONE}; the fork's PRC is the same)
  --dry-run             read and check the source, print the summary, write nothing
${STORE_HELP}`;

const OPTIONS = {
  ...STORE_FLAGS,
  from: { type: 'string' },
  timezone: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true });
  if (values.help) return out(help);
  if (!values.from) throw new CliError('import-wafer needs --from mysql://USER:PASS@HOST:PORT/cAuth');
  const opts = { from: values.from, timezone: values.timezone ?? DEFAULT_WAFER_TIMEZONE, now: systemClock.now() };
  const config = configFrom(values);
  try {
    // The source first: a bad --from is reported before the store is touched.
    const plan = await planWaferImport(opts);
    if (values['dry-run']) {
      out(formatWaferSummary(plan));
      return out('dry run: nothing was written');
    }
    const keyed = withMasterKey(config);
    await withStore(keyed.databaseUrl, async (store) => {
      const written = await writeWafer(store.db, boxOf(keyed), opts.now, plan);
      out(formatWaferSummary(plan));
      if (written.conflicts) out(`warning: ${written.conflicts} sessions were not imported: their id belongs to another user's session on the gateway`);
    });
  } catch (err) {
    if (err instanceof WaferImportError) throw new CliError(err.message);
    throw err;
  }
}
