// mina-auth serve: the production HTTP server (node:http).
import { parseArgs } from 'node:util';
import { closeDeps, createDeps } from '../deps.js';
import { createGatewayServer, listen, socketOrTrustedProxy } from '../http/server.js';
import { pendingMigrations } from '../store/db.js';
import { CliError, configFrom, STORE_FLAGS, STORE_HELP, withMasterKey } from './common.js';

export const help = `usage: mina-auth serve [--port PORT] [--host HOST] [--data DIR | --database-url URL]
Serves POST /mina_auth (and /mina_auth/<appid>) and GET /healthz. Settings come from MINA_AUTH_* variables;
flags win. With a MySQL store MINA_AUTH_MASTER_KEY is required.
  --port PORT           default $MINA_AUTH_PORT, else 9000
  --host HOST           default 0.0.0.0
${STORE_HELP}`;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { ...STORE_FLAGS, port: { type: 'string' }, host: { type: 'string' } }, strict: true });
  if (values.help) return out(help);
  const config = withMasterKey(configFrom(values, values.port === undefined ? {} : { PORT: values.port }));
  const deps = createDeps(config);
  if ((await pendingMigrations(deps.store)).length) {
    await closeDeps(deps);
    throw new CliError('the store needs migrating first: mina-auth migrate');
  }
  const server = createGatewayServer(deps, socketOrTrustedProxy(config.trustedProxies));
  const port = await listen(server, config.port, values.host ?? '0.0.0.0');
  deps.log.info('listening', { port, store: config.databaseUrl.startsWith('mysql:') ? 'mysql' : 'sqlite' });
  const stop = () => server.close(() => void closeDeps(deps));
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
