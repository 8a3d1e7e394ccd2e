// mina-auth serve: the production HTTP server (node:http), with a graceful shutdown on SIGTERM / SIGINT.
import { parseArgs } from 'node:util';
import { closeDeps, createDeps } from '../deps.js';
import { batchedStdout, createLogger } from '../log.js';
import { createGatewayServer, listen, socketOrTrustedProxy } from '../http/server.js';
import { flushCallerKeyFailures, startFailureFlusher } from '../services/audit.js';
import { pendingMigrations } from '../store/db.js';
import { CliError, configFrom, NEEDS_MIGRATING, parseWhole, STORE_FLAGS, STORE_HELP, withMasterKey } from './common.js';

export const DEFAULT_GRACE_SECONDS = 10;

export const help = `usage: mina-auth serve [--port PORT] [--host HOST] [--grace SECONDS] [--data DIR | --database-url URL]
Serves POST /mina_auth (and /mina_auth/<appid>) and GET /healthz. Settings come from MINA_AUTH_* variables;
flags win. With a MySQL store MINA_AUTH_MASTER_KEY is required.
On SIGTERM or SIGINT it stops accepting connections, lets requests in flight finish (at most --grace
seconds; then it closes what is left), writes the pending failed-caller-key counts to the audit log, closes
the store pool and exits 0. A second signal closes the remaining connections at once.
  --port PORT           default $MINA_AUTH_PORT, else 9000
  --host HOST           default 0.0.0.0
  --grace SECONDS       how long requests in flight may take to finish on shutdown (default ${DEFAULT_GRACE_SECONDS})
${STORE_HELP}`;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { ...STORE_FLAGS, port: { type: 'string' }, host: { type: 'string' }, grace: { type: 'string' } }, strict: true });
  if (values.help) return out(help);
  const graceMs = (parseWhole('grace', values.grace, 0, 3600) ?? DEFAULT_GRACE_SECONDS) * 1000;
  const config = withMasterKey(configFrom(values, values.port === undefined ? {} : { PORT: values.port }));
  const deps = createDeps(config, { log: createLogger(config.logLevel, batchedStdout()) });
  if ((await pendingMigrations(deps.store)).length) {
    await closeDeps(deps);
    throw new CliError(NEEDS_MIGRATING);
  }
  const server = createGatewayServer(deps, socketOrTrustedProxy(config.trustedProxies));
  const port = await listen(server, config.port, values.host ?? '0.0.0.0');
  deps.log.info('listening', { port, store: config.databaseUrl.startsWith('mysql:') ? 'mysql' : 'sqlite' });
  const stopFlusher = startFailureFlusher(deps);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      deps.log.warn('second signal: closing the remaining connections now', { signal });
      server.closeAllConnections();
      return;
    }
    stopping = true;
    const started = Date.now();
    deps.log.info('shutting down', { signal, graceMs });
    stopFlusher();
    // Keep-alive connections whose request has finished are closed as soon as they fall idle.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const force = setTimeout(() => {
      deps.log.warn('grace period over: closing the connections still in flight', { graceMs });
      server.closeAllConnections();
    }, graceMs);
    // Should closing the pool itself hang, do not hang with it.
    setTimeout(() => process.exit(1), graceMs + 10_000).unref();
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      void (async () => {
        await flushCallerKeyFailures(deps, { all: true }).catch(() => 0);
        await closeDeps(deps)
          .catch((err: unknown) => deps.log.warn('closing the store failed', { error: String((err as Error).message).slice(0, 80) }));
        deps.log.info('stopped', { ms: Date.now() - started });
        process.exit(0);
      })();
    });
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);
}
