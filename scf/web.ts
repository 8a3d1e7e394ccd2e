// The SCF Web-function entry (started by scf_bootstrap): the gateway's HTTP server on 0.0.0.0:9000.
import { loadConfig, misconfiguration } from '../src/config.js';
import { closeDeps, createDeps, type Deps } from '../src/deps.js';
import { createGatewayServer, listen, platformForwarded } from '../src/http/server.js';
import { batchedStdout, createLogger } from '../src/log.js';

async function main(): Promise<void> {
  let deps: Deps;
  try {
    // Default pool size: a Web function can serve many requests per instance (multi-concurrency).
    const config = loadConfig(process.env);
    deps = createDeps(config, { log: createLogger(config.logLevel, batchedStdout()) });
  } catch (err) {
    process.stderr.write(`mina-auth: the gateway is misconfigured: ${misconfiguration(err)}\n`);
    process.exit(1);
  }
  const server = createGatewayServer(deps, platformForwarded);
  // The platform only talks to 0.0.0.0:9000; MINA_AUTH_PORT (default 9000) exists for local runs.
  const port = await listen(server, deps.config.port, '0.0.0.0');
  deps.log.info('listening', { port });
  const stop = () => {
    server.close();
    closeDeps(deps).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`mina-auth: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
