// Shared helpers for the SCF front-door tests: literal event fixtures, a fake context, envelope bodies, and an
// in-process SCF instance (main_handler over a SQLite store and the WeChat sandbox) with its stdout log lines.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import type { ScfContext, ScfHttpEvent, ScfTimerEvent } from '../../src/http/scf.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { putApp } from '../../src/services/apps.js';
import { createSecretBox } from '../../src/services/secretbox.js';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { recordLogLines, recordSecret } from '../helpers/logs.js';

const FIXTURES = new URL('./fixtures/', import.meta.url);

/** A fresh copy of a captured event, so a test may change it freely. */
export function fixture(name: 'apigw-event' | 'function-url-event'): ScfHttpEvent;
export function fixture(name: 'timer-event'): ScfTimerEvent;
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8'));
}

/** The fields SCF passes as `context` (SCF.md §1.3). */
export function scfContext(): ScfContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20000,
    request_id: randomUUID(),
    function_name: 'mina-auth-prod',
    function_version: '$LATEST',
    namespace: 'default',
    tencentcloud_region: 'ap-guangzhou',
    tencentcloud_appid: '1250000000',
    tencentcloud_uin: '100000000001',
  };
}

/** A protocol request body (PROTOCOL §2). */
export const envelope = (interfaceName: string, para: Record<string, unknown>) =>
  JSON.stringify({ version: 1, componentName: 'MA', interface: { interfaceName, para } });

/** The event with this body (none if undefined), and a content-length to match a string. */
export function withBody<E extends ScfHttpEvent>(event: E, body: string | null | undefined): E {
  if (body === undefined) delete event.body;
  else event.body = body;
  if (event.headers && typeof body === 'string') event.headers['content-length'] = String(Buffer.byteLength(body));
  return event;
}

export interface ScfInstance {
  sandbox: Sandbox;
  main_handler: typeof import('../../scf/index.js').main_handler;
  /** Closes the sandbox, puts back the environment as it was, and removes the temporary directory. */
  close(): Promise<void>;
}

/**
 * An SCF instance in this process: a temporary SQLite store (migrated, with one mini-program app, then `seed`),
 * the sandbox as WeChat and WeCom, the MINA_AUTH_* environment set for them alone (plus `env`), scf/index.ts imported.
 */
export async function startScfInstance(opts: {
  dirPrefix: string;
  app: { appid: string; secret: string };
  env?: Record<string, string>;
  seed?: (store: Store) => Promise<void>;
}): Promise<ScfInstance> {
  const saved = { ...process.env };
  const masterKey = randomBytes(32).toString('base64');
  const dir = mkdtempSync(join(tmpdir(), opts.dirPrefix));
  let sandbox: Sandbox | undefined;
  const close = async () => {
    await sandbox?.close();
    // In place: process.env stays the object Node gave it.
    for (const k of Object.keys(process.env)) if (!Object.hasOwn(saved, k)) delete process.env[k];
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    sandbox = await startSandbox({ port: 0 });
    for (const k of Object.keys(process.env)) if (k.startsWith('MINA_AUTH_')) delete process.env[k];
    Object.assign(process.env, {
      MINA_AUTH_DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      MINA_AUTH_MASTER_KEY: masterKey,
      MINA_AUTH_WECHAT_BASE_URL: sandbox.url,
      MINA_AUTH_WECOM_BASE_URL: sandbox.url,
      // debug, not silent: the lines are captured (captureStdoutLogs) and go through the run's log-redaction check.
      MINA_AUTH_LOG_LEVEL: 'debug',
      ...opts.env,
    });
    recordSecret(masterKey, opts.app.secret);
    const store = openStore(process.env.MINA_AUTH_DATABASE_URL!);
    await migrate(store);
    await putApp(store.db, createSecretBox(Buffer.from(masterKey, 'base64')), Math.floor(Date.now() / 1000), { appid: opts.app.appid, type: 'miniprogram', secret: opts.app.secret });
    await opts.seed?.(store);
    await store.close();
    const { main_handler } = await import('../../scf/index.js');
    return { sandbox, main_handler, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * For each test: the gateway's log lines on stdout (JSON lines starting `{"time":`) go to the run's log-redaction
 * check and, line by line, to `onLine`, not to the reporter; any other output passes through.
 */
export function captureStdoutLogs(onLine: (line: string) => void): void {
  let spy: { mockRestore(): void } | undefined;
  beforeEach(() => {
    const write = process.stdout.write.bind(process.stdout);
    spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      const text = String(chunk);
      if (!text.startsWith('{"time":')) return write(chunk, ...rest);
      for (const line of text.split('\n')) if (line) onLine(line);
      recordLogLines(text);
      return true;
    }) as typeof process.stdout.write);
  });
  afterEach(() => {
    spy?.mockRestore();
  });
}
