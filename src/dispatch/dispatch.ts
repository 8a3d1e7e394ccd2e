// From a request body to an envelope: the validation order of PROTOCOL §2, then the handler; every throw is translated here, once.
import type { Deps } from '../deps.js';
import { authenticateCaller, scopesAllow, type Caller } from '../services/keys.js';
import { noteCallerKeyFailure } from '../services/audit.js';
import type { RateLimitName } from '../services/limits.js';
import { isStoreOutage, storeErrorReason } from '../store/errors.js';
import { GatewayError } from './codes.js';
import { failure, success, type Envelope } from './envelope.js';
import { registry } from './registry.js';
import { validatePara } from './validate.js';

export interface DispatchInput {
  body: Buffer;
  requestId: string;
  ip: string;
  /** From the app-bound endpoint `/mina_auth/<appid>`. */
  boundAppid: string | null;
  /** From `Authorization: Bearer …` or `X-Mina-Key`. */
  callerKey: string | null;
}

export interface Dispatched {
  envelope: Envelope;
  interfaceName: string | null;
  appid: string | null;
  /** An unexpected throw (answered 1000), for the log. */
  bug?: unknown;
  /** The driver's error code of a store outage (answered 1001), for the log. */
  outage?: string;
  /** The per-address limit that answered 2003, for the log. */
  limited?: RateLimitName;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Refuses bytes that are not UTF-8 (a decoder without `stream` keeps no state between calls). */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A detail can quote the request (e.g. an unknown para key): never more than this much of it. */
const MAX_DETAIL = 300;
const clip = (detail: string): string => {
  if (detail.length <= MAX_DETAIL) return detail;
  // Never cut a surrogate pair in two.
  const end = /[\ud800-\udbff]/.test(detail[MAX_DETAIL - 1]!) ? MAX_DETAIL - 1 : MAX_DETAIL;
  return detail.slice(0, end) + '…';
};

/** Null-valued keys count as missing (as in Wafer's isset): dropped, the object copied only when it has one. */
function withoutNulls(para: Record<string, unknown>): Record<string, unknown> {
  for (const key in para) if (para[key] === null) return Object.fromEntries(Object.entries(para).filter(([, v]) => v !== null));
  return para;
}

/** What is known of a request so far: a failure's log line names the interface and the app once they are known. */
interface Known { requestId: string; interfaceName: string | null; appid: string | null }

const fail = (k: Known, code: Exclude<GatewayError['code'], 0>, detail: string): Dispatched =>
  ({ envelope: failure(code, clip(detail), k.requestId), interfaceName: k.interfaceName, appid: k.appid });
const limited = (k: Known, limits: Deps['limits'], name: RateLimitName, retryIn: number): Dispatched =>
  ({ ...fail(k, 2003, limits.detail(name, retryIn)), limited: name });

export async function dispatch(deps: Deps, input: DispatchInput): Promise<Dispatched> {
  const { requestId } = input;
  // Plain data, not closures over the request: the bundles keep function names, so each closure made per request
  // would also cost a defineProperty.
  const known: Known = { requestId, interfaceName: null, appid: input.boundAppid };
  // Per-address abuse limits (2003): checked before the work, so a refused call never touches the store.
  const { limits, clock } = deps;

  let body: unknown;
  try {
    body = JSON.parse(utf8.decode(input.body));
  } catch {
    return fail(known, 1009, 'the body is not JSON (UTF-8)');
  }
  if (!isObject(body)) return fail(known, 1009, 'the body must be a JSON object');
  const iface = body.interface;
  if (!isObject(iface) || iface.interfaceName === undefined || iface.interfaceName === null) {
    return fail(known, 1002, 'interface.interfaceName is missing');
  }
  if (typeof iface.interfaceName !== 'string') return fail(known, 1002, 'interface.interfaceName must be a string');
  const name = iface.interfaceName;
  if (iface.para === undefined || iface.para === null) return fail(known, 1011, 'interface.para is missing');
  const def = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!def || deps.config.disabledClasses.has(def.access)) return fail(known, 1010, `unknown interface "${name.slice(0, 64)}"`);
  known.interfaceName = name;
  try {
    let caller: Caller | null = null;
    if (def.access === 'privileged' || def.access === 'admin') {
      if (input.callerKey) {
        const wait = limits.blocked('key_fail', input.ip, clock.now());
        if (wait) return limited(known, limits, 'key_fail', wait);
        caller = await authenticateCaller(deps, input.callerKey);
        // Only a presented key that fails is counted: without one there is nothing to guess and no lookup.
        if (!caller) {
          limits.fail('key_fail', input.ip, clock.now());
          // Aggregated per key id in memory; the audit log gets at most one row per key id per minute.
          noteCallerKeyFailure(deps, input.callerKey);
        }
      }
      if (!caller) return fail(known, 2001, `${name} needs a valid caller key (Authorization: Bearer mak_…)`);
    }
    if (!isObject(iface.para)) return fail(known, 1003, 'para must be an object');
    const para = withoutNulls(iface.para);
    const invalid = validatePara(name, para);
    if (invalid) return fail(known, 1003, invalid);
    if (typeof para.appid === 'string') {
      if (input.boundAppid !== null && para.appid !== input.boundAppid) {
        return fail(known, 1003, `para.appid must equal the appid of the endpoint /mina_auth/${input.boundAppid}`);
      }
      known.appid = para.appid;
    }
    if (caller && !scopesAllow(caller.scopes, def.access, name, def.resource?.(para) ?? '')) {
      return fail(known, 2002, `the caller key ${caller.keyId} has no scope for ${name}${def.resource ? ' on ' + def.resource(para) : ''}`);
    }
    if (def.access === 'session') {
      const wait = limits.blocked('auth_fail', input.ip, clock.now());
      if (wait) return limited(known, limits, 'auth_fail', wait);
    }
    if (name === 'qcloud.cam.id_skey') {
      const wait = limits.take('login', input.ip, clock.now());
      if (wait) return limited(known, limits, 'login', wait);
    }
    const { appid } = known;
    const answer = await def.handle(deps, para, { requestId, ip: input.ip, appid, caller });
    // For the log: the app the call turned out to be about (a session's, the default app's).
    const answered = (answer.data as { appid?: unknown } | null)?.appid;
    const envelope = success(answer.message, answer.data, requestId);
    if (answer.detail) envelope.detail = answer.detail;
    return { envelope, interfaceName: name, appid: appid ?? (typeof answered === 'string' ? answered : null) };
  } catch (err) {
    if (err instanceof GatewayError) {
      if (err.code === 60012) limits.fail('auth_fail', input.ip, clock.now());
      return fail(known, err.code, err.detail);
    }
    if (isStoreOutage(err)) return { ...fail(known, 1001, 'the store is unavailable; retry later'), outage: storeErrorReason(err) };
    return { ...fail(known, 1000, 'internal error; see the gateway log for this requestId'), bug: err };
  }
}
