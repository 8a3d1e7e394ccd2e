// The gateway client for internal services: tokens, tickets, JS-SDK signatures and session checks over the
// mina-auth wire protocol, with a short in-process cache and one retry on a token WeChat just refused.
import { request } from 'undici';

/** A failed protocol call. `code` (= `returnCode`) is the gateway's return code; -1 when the answer was not an envelope. */
export class GatewayError extends Error {
  override name = 'GatewayError';
  readonly returnCode: number;
  constructor(
    readonly code: number,
    readonly returnMessage: string,
    readonly detail: string,
    readonly requestId: string | null = null,
    /** The HTTP status of the answer (200 for every protocol answer but 405/413). */
    readonly status = 200,
  ) {
    super(`${code} ${returnMessage}${detail ? ': ' + detail : ''}`);
    this.returnCode = code;
  }
}

export interface Envelope<T = unknown> {
  returnCode: number;
  returnMessage: string;
  returnData: T;
  requestId?: string;
  detail?: string;
}

export interface CallOptions {
  /** The caller key (`mak_…`), sent as `Authorization: Bearer`; not needed for public and session interfaces. */
  key?: string;
  timeoutMs?: number;
}

/**
 * One protocol call: POST the envelope to `url` (`https://…/mina_auth` or `…/mina_auth/<appid>`), resolve with
 * `returnData`, throw a GatewayError for any non-zero `returnCode`. Network failures are undici's own errors.
 */
export async function callGateway<T>(url: string, interfaceName: string, para: object, opts: CallOptions = {}): Promise<T> {
  const timeout = opts.timeoutMs ?? 10_000;
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}) },
    body: JSON.stringify({ version: 1, componentName: 'MA', interface: { interfaceName, para } }),
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });
  const text = await res.body.text();
  let env: Partial<Envelope<T>> | undefined;
  try { env = JSON.parse(text) as Partial<Envelope<T>>; } catch { env = undefined; }
  if (!env || typeof env.returnCode !== 'number') {
    // A proxy's error page, a 404 from a wrong URL…: not the gateway talking. Never echo the body (it may be big).
    throw new GatewayError(-1, 'BAD_RESPONSE', `HTTP ${res.statusCode} from ${url} is not a mina-auth envelope`, null, res.statusCode);
  }
  if (env.returnCode !== 0) {
    throw new GatewayError(env.returnCode, env.returnMessage ?? '', env.detail ?? '', env.requestId ?? null, res.statusCode);
  }
  return env.returnData as T;
}

export interface AccessToken { appid: string; access_token: string; exp: number; expires_in: number }
export interface JsapiTicket { appid: string; ticket: string; exp: number }
export interface JssdkSignature { appId: string; timestamp: number; nonceStr: string; signature: string }
export interface WorkAccessToken { corpid: string; agentid: string; access_token: string; exp: number; expires_in: number }
export interface WorkTicket { corpid: string; ticket: string; exp: number }
export interface WorkAgentTicket { corpid: string; agentid: string; agent_ticket: string; exp: number }
export interface WorkJssdkSignature { corpid: string; agentid: string; timestamp: number; nonceStr: string; signature: string }
export interface SessionInfo { id: string; appid: string; openid: string; unionid: string | null; user_info: Record<string, unknown> | null; expires_at: number }

export interface GatewayClientOptions {
  /** The gateway's protocol URL, e.g. `https://auth.internal/mina_auth`. */
  url: string;
  /** A caller key whose scopes cover what this service asks for. */
  key: string;
  /** How long a token or ticket is reused in this process; never past its `exp` − 60 s. 0 turns the cache off. */
  cacheMs?: number;
  timeoutMs?: number;
  /** The clock in ms (tests). */
  now?: () => number;
}

/** WeChat's "this access token is bad" answers (invalid, expired, invalid for WeCom). */
export const TOKEN_ERRCODES: readonly number[] = [40001, 42001, 40014];

/** True when `x` (a thrown error or a returned body) carries one of WeChat's token errcodes. */
export function isTokenError(x: unknown): boolean {
  const errcode = typeof x === 'object' && x !== null ? (x as { errcode?: unknown }).errcode : undefined;
  return typeof errcode === 'number' && TOKEN_ERRCODES.includes(errcode);
}

/** A token this close to its end is not handed out: the caller still needs time to use it. */
const EXP_MARGIN_S = 60;

export function createGatewayClient(opts: GatewayClientOptions) {
  const cacheMs = opts.cacheMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const call = <T>(name: string, para: object) => callGateway<T>(opts.url, name, para, { key: opts.key, timeoutMs: opts.timeoutMs });

  // Cache entries and in-flight fetches, keyed by interface and resource (never by a secret value).
  const cache = new Map<string, { value: { exp: number }; until: number }>();
  const inflight = new Map<string, Promise<{ exp: number }>>();

  /** One fetch at a time per flight; the answer is kept under `key` until min(now + cacheMs, exp − 60 s). */
  function shared<T extends { exp: number }>(flight: string, key: string, fetch: () => Promise<T>): Promise<T> {
    const running = inflight.get(flight);
    if (running) return running as Promise<T>;
    const p = fetch().then((value) => {
      const until = Math.min(now() + cacheMs, (value.exp - EXP_MARGIN_S) * 1000);
      if (until > now()) cache.set(key, { value, until });
      return value;
    }).finally(() => inflight.delete(flight));
    inflight.set(flight, p);
    return p;
  }

  function cached<T extends { exp: number }>(key: string, force: boolean, fetch: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (!force && hit && now() < hit.until) return Promise.resolve(hit.value as T);
    cache.delete(key);
    return shared(force ? 'force:' + key : key, key, fetch);
  }

  /**
   * Tells the gateway that `token` just failed and returns the token to use instead. If this process already
   * holds a different token (another caller reported first), that one is used without asking again; reports
   * made at the same time share one call.
   */
  function replaceToken<T extends { exp: number; access_token: string }>(key: string, token: string, fetch: (invalid: string) => Promise<T>): Promise<T> {
    const hit = cache.get(key) as { value: T; until: number } | undefined;
    if (hit && now() < hit.until && hit.value.access_token !== token) return Promise.resolve(hit.value);
    cache.delete(key);
    return shared('report:' + key, key, () => fetch(token));
  }

  /** Runs `fn(token)`; on a token errcode (thrown or returned) reports the token and runs `fn` once more. */
  async function withToken<R>(get: () => Promise<string>, replace: (bad: string) => Promise<string>, fn: (token: string) => R | Promise<R>): Promise<R> {
    const token = await get();
    try {
      const out = await fn(token);
      if (!isTokenError(out)) return out;
    } catch (err) {
      if (!isTokenError(err)) throw err;
    }
    return fn(await replace(token));
  }

  // `force: false` is never sent: absent and false mean the same, and the envelope stays minimal.
  const forced = (o: { force?: boolean }) => (o.force ? { force: true } : {});
  const mpToken = (appid: string, extra: object = {}) => call<AccessToken>('qcloud.mimi.access_token', { appid, ...extra });
  const workToken = (corpid: string, agentid: string, extra: object = {}) =>
    call<WorkAccessToken>('qcloud.work.access_token', { corpid, agentid, ...extra });

  const work = {
    /** The WeCom agent's access token (cached). */
    accessToken: (corpid: string, agentid: string, o: { force?: boolean } = {}) =>
      cached(`work.token:${corpid}/${agentid}`, !!o.force, () => workToken(corpid, agentid, forced(o))).then((t) => t.access_token),
    /** The corp jsapi_ticket for `wx.config` (cached). */
    ticket: (corpid: string, agentid: string, o: { force?: boolean } = {}) =>
      cached(`work.ticket:${corpid}/${agentid}`, !!o.force, () => call<WorkTicket>('qcloud.work.ticket', { corpid, agentid, ...forced(o) })).then((t) => t.ticket),
    /** The agent ticket for `wx.agentConfig` (cached). */
    agentTicket: (corpid: string, agentid: string, o: { force?: boolean } = {}) =>
      cached(`work.agent.ticket:${corpid}/${agentid}`, !!o.force, () => call<WorkAgentTicket>('qcloud.work.agent.ticket', { corpid, agentid, ...forced(o) })).then((t) => t.agent_ticket),
    /** A page signature; `type` "corp" for `wx.config`, "agent" for `wx.agentConfig`. Never cached. */
    jssdkSignature: (corpid: string, agentid: string, url: string, type: 'corp' | 'agent' = 'corp') =>
      call<WorkJssdkSignature>('qcloud.work.jssdk_signature', { corpid, agentid, url, type }),
    withAccessToken: <R>(corpid: string, agentid: string, fn: (token: string) => R | Promise<R>) => {
      const key = `work.token:${corpid}/${agentid}`;
      return withToken(() => work.accessToken(corpid, agentid),
        (bad) => replaceToken(key, bad, (invalid) => workToken(corpid, agentid, { invalid_token: invalid })).then((t) => t.access_token), fn);
    },
  };

  return {
    /** The app's access token (mini program or Official Account), cached. */
    accessToken: (appid: string, o: { force?: boolean } = {}) =>
      cached(`mp.token:${appid}`, !!o.force, () => mpToken(appid, forced(o))).then((t) => t.access_token),
    /** The Official Account's JS-SDK jsapi_ticket, cached. Prefer jssdkSignature, which keeps the ticket in the gateway. */
    jsapiTicket: (appid: string, o: { force?: boolean } = {}) =>
      cached(`mp.ticket:${appid}`, !!o.force, () => call<JsapiTicket>('qcloud.mimi.jsapi_ticket', { appid, ...forced(o) })).then((t) => t.ticket),
    /** `{appId, timestamp, nonceStr, signature}` for `wx.config` on `url`. Never cached. */
    jssdkSignature: (appid: string, url: string) => call<JssdkSignature>('qcloud.mimi.jssdk_signature', { appid, url }),
    /**
     * Runs `fn(token)`. If `fn` throws or returns an object whose `errcode` is 40001/42001/40014, the token is
     * reported (`invalid_token`) and `fn` runs once more with the token the gateway answers; that second
     * outcome is final.
     */
    withAccessToken: <R>(appid: string, fn: (token: string) => R | Promise<R>) =>
      withToken(() => cached(`mp.token:${appid}`, false, () => mpToken(appid)).then((t) => t.access_token),
        (bad: string) => replaceToken(`mp.token:${appid}`, bad, (invalid) => mpToken(appid, { invalid_token: invalid })).then((t) => t.access_token), fn),
    /** Checks a mini program session (`qcloud.cam.auth`); 60012 (GatewayError) when it is bad. Never cached. */
    auth: (id: string, skey: string, appid?: string) => call<SessionInfo>('qcloud.cam.auth', appid ? { id, skey, appid } : { id, skey }),
    work,
    /** Any other interface the key may call. */
    call,
    /** Forgets every cached token and ticket. */
    clear: () => cache.clear(),
  };
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;
