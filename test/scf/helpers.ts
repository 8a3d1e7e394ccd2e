// Shared helpers for the SCF front-door tests: literal event fixtures, a fake context, envelope bodies.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ScfContext, ScfHttpEvent, ScfTimerEvent } from '../../src/http/scf.js';

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

/** The event with this body. */
export function withBody<E extends ScfHttpEvent>(event: E, body: string | undefined): E {
  if (body === undefined) delete event.body;
  else event.body = body;
  if (event.headers && body !== undefined) event.headers['content-length'] = String(Buffer.byteLength(body));
  return event;
}
