// mina-auth doctor: checks configuration, store, migrations, master key and each app's WeChat credentials.
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { closeDeps, createDeps } from '../deps.js';
import { createLogger } from '../log.js';
import { runDoctor, type CheckLine } from '../services/doctor.js';
import { CliError, configFrom, STORE_FLAGS, STORE_HELP, withMasterKey } from './common.js';

export const help = `usage: mina-auth doctor [--data DIR | --database-url URL]
Checks a deployment, one line per check ("ok …" or "FAIL …"), exit status 1 if any fails:
  config       the MINA_AUTH_* settings parse, a master key is set
  store        the store answers
  migrations   no migration is pending
  master key   the master key (with MINA_AUTH_OLD_MASTER_KEYS) opens a sample of sealed values
  app APPID    WeChat accepts the app's appid/secret from this machine: a normal-mode stable_token call whose
               answer is discarded (it invalidates nothing, and is separate from classic /cgi-bin/token
               tokens); on 40164 the line names the egress IP WeChat saw, for the IP whitelist
  agent C/A    the same for each WeCom agent (gettoken; 60020 names the IP)
Stored tokens and tickets are not touched. Run it on the machine (or in the VPC) the gateway runs from.
${STORE_HELP}`;

const describeStore = (url: string) => {
  if (url.startsWith('sqlite:')) return `SQLite ${url.slice(7)}`;
  const u = new URL(url);
  return `MySQL ${u.hostname}:${u.port || 3306}${u.pathname}`; // never the password
};

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: STORE_FLAGS, strict: true });
  if (values.help) return out(help);
  const print = ({ ok, name, detail }: CheckLine) => out(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
  let config: Config;
  try {
    config = withMasterKey(configFrom(values));
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    print({ ok: false, name: 'config', detail: err.message });
    process.exitCode = 1;
    return;
  }
  const old = config.oldMasterKeys.length;
  print({ ok: true, name: 'config', detail: `${describeStore(config.databaseUrl)}; master key set${old ? `, ${old} old key(s)` : ''}; WeChat ${config.wechatBaseUrl}, WeCom ${config.wecomBaseUrl}, upstream timeout ${config.upstreamTimeoutMs} ms` });
  const deps = createDeps(config, { log: createLogger('silent') });
  try {
    if (!(await runDoctor(deps, print))) process.exitCode = 1;
  } finally {
    await closeDeps(deps);
  }
}
