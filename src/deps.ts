// Everything a request needs, built once per process (or per warm SCF instance) from the Config.
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { createKeyFailures, type KeyFailures } from './services/audit.js';
import { createCredentialMemo, type CredentialMemo } from './services/credentials.js';
import { createLimits, type Limits } from './services/limits.js';
import { createRowCache, type RowCache } from './services/rowcache.js';
import { createSecretBox, type SecretBox } from './services/secretbox.js';
import { openStore, type Store } from './store/db.js';
import { createWeChatClient, type WeChatClient } from './wechat/client.js';

export interface Deps {
  config: Config;
  store: Store;
  box: SecretBox;
  wechat: WeChatClient;
  clock: Clock;
  log: Logger;
  /** Per process: the ≤ 2 s token cache and in-flight refreshes. */
  credentialMemo: CredentialMemo;
  /** Per process: the per-address abuse limits (2003), in memory only. */
  limits: Limits;
  /** Per process: caller keys, apps and agents as read ≤ 2 s ago. */
  rows: RowCache;
  /** Per process: failed caller-key uses, written to the audit log at most once a minute per key id. */
  keyFailures: KeyFailures;
}

export interface DepsOptions {
  clock?: Clock;
  log?: Logger;
  connectionLimit?: number;
}

export function createDeps(config: Config, opts: DepsOptions = {}): Deps {
  if (!config.masterKey) throw new Error('no master key: set MINA_AUTH_MASTER_KEY');
  const clock = opts.clock ?? systemClock;
  return {
    config,
    store: openStore(config.databaseUrl, { connectionLimit: opts.connectionLimit }),
    box: createSecretBox(config.masterKey, config.oldMasterKeys),
    wechat: createWeChatClient({ wechatBaseUrl: config.wechatBaseUrl, wecomBaseUrl: config.wecomBaseUrl, timeoutMs: config.upstreamTimeoutMs }),
    clock,
    log: opts.log ?? createLogger(config.logLevel),
    credentialMemo: createCredentialMemo(),
    limits: createLimits(config.rateLimits, config.rateExempt),
    rows: createRowCache(clock),
    keyFailures: createKeyFailures(),
  };
}

export async function closeDeps(deps: Deps): Promise<void> {
  // The WeChat client has nothing to close: Node's fetch pool never keeps a process alive.
  await deps.store.close();
}
