// The mina-auth command line (PROTOCOL §8): one module per command, each with its own --help.
import { ConfigError } from './config.js';
import { CliError } from './cli/common.js';
import * as app from './cli/app.js';
import * as audit from './cli/audit.js';
import * as dev from './cli/dev.js';
import * as doctor from './cli/doctor.js';
import * as importWafer from './cli/import-wafer.js';
import * as key from './cli/key.js';
import * as migrate from './cli/migrate.js';
import * as refresh from './cli/refresh.js';
import * as rekey from './cli/rekey.js';
import * as sandbox from './cli/sandbox.js';
import * as serve from './cli/serve.js';
import * as sweep from './cli/sweep.js';

interface Command { help: string; run(args: string[], out: (line: string) => void): Promise<void> }
const COMMANDS: Record<string, Command> = { dev, serve, sandbox, migrate, app, key, refresh, sweep, 'import-wafer': importWafer, rekey, doctor, audit };

const USAGE = `usage: mina-auth <command> [options]   (mina-auth <command> --help for more)
  dev        gateway + embedded SQLite + WeChat sandbox + demo app, for a laptop
  serve      the production HTTP server
  sandbox    the WeChat simulator alone
  migrate    apply pending schema migrations
  app        add | list | remove | cos: registered apps and their COS profiles
  key        create | list | revoke caller keys
  refresh    renew every access token and ticket that is due
  sweep      delete expired sessions and spent login claims
  import-wafer  import a Wafer session server's database (apps, agents, live sessions)
  rekey      re-seal every secret under the current master key (after a key rotation)
  doctor     check config, store, migrations, master key and each app's WeChat credentials
  audit      list the audit log (admin actions, credential fetches, failed caller keys)`;

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const out = (line: string): void => void process.stdout.write(line + '\n');
  if (!name || name === '--help' || name === '-h' || name === 'help') return out(USAGE);
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command "${name}"; see mina-auth --help`);
  await command.run(args, out);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const userError = err instanceof CliError || err instanceof ConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`mina-auth: ${userError ? (err as Error).message : (err as Error).stack ?? String(err)}\n`);
  process.exitCode = userError ? 2 : 1;
});
