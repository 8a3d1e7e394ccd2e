// mina-auth dev: gateway + embedded SQLite + WeChat sandbox + a demo app, ready for curl.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeps, type Deps } from '../deps.js';
import { batchedStdout, createLogger } from '../log.js';
import { createGatewayServer, listen, socketOrTrustedProxy } from '../http/server.js';
import { startSandbox } from '../sandbox/index.js';
import { findApp, openSecret, putApp } from '../services/apps.js';
import { authenticateCaller, createKey } from '../services/keys.js';
import { migrate } from '../store/db.js';
import { CliError, configFrom, parseWhole, withMasterKey } from './common.js';
import { walkthrough } from './walkthrough.js';

export const DEMO_APPID = 'wx0123456789abcdef';

export const help = `usage: mina-auth dev [--port 9000] [--sandbox-port 9100] [--data ./data] [--json]
Runs the gateway on 127.0.0.1 with the embedded SQLite store in DIR, the WeChat sandbox, and a registered
demo app, then prints a curl walk-through. Only ever uses SQLite. Port 0 picks a free port.
  --json                print one JSON line {gateway, sandbox, appid, admin_key, data} first, for scripts
Honours MINA_AUTH_MASTER_KEY and MINA_AUTH_WECHAT_BASE_URL (a sandbox already running) when set.`;

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, 'sandbox-port': { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) return out(help);
  if (process.env.MINA_AUTH_DATABASE_URL?.startsWith('mysql:')) throw new CliError('dev only uses the embedded SQLite store; unset MINA_AUTH_DATABASE_URL (or use mina-auth serve)');
  const data = values.data ?? './data';
  const port = parseWhole('port', values.port, 0, 65535) ?? 9000;
  const sandboxPort = parseWhole('sandbox-port', values['sandbox-port'], 0, 65535) ?? 9100;
  let config = withMasterKey(configFrom({ data }));

  const external = process.env.MINA_AUTH_WECHAT_BASE_URL;
  const sandbox = external ? null : await startSandbox({ port: sandboxPort });
  const sandboxUrl = external ?? sandbox!.url;
  config = { ...config, wechatBaseUrl: sandboxUrl, wecomBaseUrl: process.env.MINA_AUTH_WECOM_BASE_URL ?? sandboxUrl };

  const deps = createDeps(config, { log: createLogger(config.logLevel, batchedStdout()) });
  await migrate(deps.store);
  const demo = await findApp(deps.store.db, DEMO_APPID);
  const secret = demo ? openSecret(deps.box, demo) : randomBytes(16).toString('hex');
  if (!demo) await putApp(deps.store.db, deps.box, deps.clock.now(), { appid: DEMO_APPID, type: 'miniprogram', secret });
  const registered = await fetch(`${sandboxUrl}/__sandbox/apps`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appid: DEMO_APPID, secret, type: 'miniprogram' }),
  });
  if (!registered.ok) throw new CliError(`the sandbox at ${sandboxUrl} refused the demo app (HTTP ${registered.status})`);

  const adminKey = await demoAdminKey(deps, data);

  const server = createGatewayServer(deps, socketOrTrustedProxy(config.trustedProxies));
  const gatewayPort = await listen(server, port, '127.0.0.1');
  const gateway = `http://127.0.0.1:${gatewayPort}/mina_auth`;
  const printed = { gateway, sandbox: sandboxUrl, appid: DEMO_APPID, admin_key: adminKey, data };
  out(values.json ? JSON.stringify(printed) : walkthrough(printed));

  const stop = () => {
    server.close();
    void sandbox?.close();
    void deps.store.close();
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}

/**
 * The demo admin key: the one key ever shown twice (PROTOCOL §4), kept in the data folder for local use only.
 * It holds `admin` and `*:*`, so the walk-through can also fetch tokens.
 */
async function demoAdminKey(deps: Deps, dir: string): Promise<string> {
  const file = join(dir, 'demo-admin.key');
  const kept = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (kept && (await authenticateCaller(deps, kept))) return kept;
  const { key } = await createKey(deps.store.db, deps.clock.now(), { name: 'mina-auth dev demo admin', scopes: ['admin', '*:*'] });
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}
