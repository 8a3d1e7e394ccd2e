// The SCF event-function entry (handler `index.main_handler`): Function URL / API Gateway events and the timer.
import { randomUUID } from 'node:crypto';
import { loadConfig, misconfiguration } from '../src/config.js';
import { createDeps, type Deps } from '../src/deps.js';
import { failure } from '../src/dispatch/envelope.js';
import { createLogger } from '../src/log.js';
import { handleHttp } from '../src/http/handle.js';
import {
  fromScfEvent, isHttpEvent, isTimerEvent, toScfResult,
  type ScfContext, type ScfHttpResult, type ScfTimerEvent,
} from '../src/http/scf.js';
import { refreshDue } from '../src/services/refresh.js';
import { sweep } from '../src/services/sessions.js';

const MISCONFIGURED = 'the gateway is misconfigured; see the function log';
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The project's one global (DESIGN §8): deps for this warm instance, so its pool is reused across invocations.
 * A failure is cached too: the environment of an instance never changes, so retrying could only fail again.
 */
let depsPromise: Promise<Deps> | undefined;

function instanceDeps(): Promise<Deps> {
  // Built inside a promise so a bad environment surfaces as a rejection we handle, never as a crash at load.
  depsPromise ??= new Promise<Deps>((resolve) => resolve(createDeps(loadConfig(process.env), { connectionLimit: 2 })));
  return depsPromise;
}


export async function main_handler(event: unknown, context: ScfContext): Promise<ScfHttpResult | Awaited<ReturnType<typeof onTimer>>> {
  // Open pool sockets must never hold the invocation open (SCF.md §1.1).
  context.callbackWaitsForEmptyEventLoop = false;
  let deps: Deps;
  try {
    deps = await instanceDeps();
  } catch (err) {
    createLogger('error').error('the gateway is misconfigured', { reason: misconfiguration(err), requestId: context.request_id ?? null });
    if (isHttpEvent(event)) {
      const requestId = fromScfEvent(event, context).requestId || randomUUID();
      return toScfResult({ status: 200, headers: JSON_TYPE, body: JSON.stringify(failure(1000, MISCONFIGURED, requestId)) });
    }
    // A failed timer run shows up in the console's invocation list and alarms.
    throw new Error(MISCONFIGURED);
  }

  if (isTimerEvent(event)) return onTimer(deps, event);
  if (isHttpEvent(event)) {
    const req = fromScfEvent(event, context);
    try {
      return toScfResult(await handleHttp(deps, req));
    } catch (err) {
      // handleHttp already turns every protocol failure into an envelope; this is a bug outside dispatch.
      const requestId = req.requestId || randomUUID();
      deps.log.error('bug', { requestId, stack: err instanceof Error ? err.stack : String(err) });
      return toScfResult({ status: 200, headers: JSON_TYPE, body: JSON.stringify(failure(1000, 'internal error; see the function log', requestId)) });
    }
  }
  throw new Error('unrecognised event: expected a Function URL / API Gateway event or a timer event');
}

/** The timer trigger (every 5 minutes, serverless.yml): the sweep, then every token and ticket that is due. */
async function onTimer(deps: Deps, event: ScfTimerEvent) {
  const swept = await sweep(deps, { batch: 500 });
  const refreshed = await refreshDue(deps);
  deps.log.info('timer', { trigger: event.TriggerName, sweptSessions: swept.sessions, sweptClaims: swept.claims, due: refreshed.due, renewed: refreshed.refreshed, failed: refreshed.failed });
  return { ok: true as const, swept, refreshed };
}
