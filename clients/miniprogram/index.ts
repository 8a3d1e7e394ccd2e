// The mini program side of mina-auth: log in at the gateway directly (wx.login → qcloud.cam.id_skey), keep the
// session in storage, and call the business server with X-WX-Id / X-WX-Skey, logging in again when the
// server says the session is gone. Runs in the mini program: no Node APIs, only the global `wx`.

// ---- The subset of `wx` this module uses (compatible with miniprogram-api-typings). ----

export interface WxRequestSuccess<T = unknown> { data: T; statusCode: number; header: Record<string, string>; errMsg?: string }
export interface WxRequestOptions {
  url: string;
  method?: 'OPTIONS' | 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT';
  data?: string | Record<string, unknown> | ArrayBuffer;
  header?: Record<string, string>;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
  timeout?: number;
  success?: (res: WxRequestSuccess) => void;
  fail?: (err: { errMsg: string }) => void;
}
export interface Wx {
  login(o: { timeout?: number; success?: (res: { code: string; errMsg?: string }) => void; fail?: (err: { errMsg: string }) => void }): void;
  request(o: WxRequestOptions): unknown;
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
  getAccountInfoSync(): { miniProgram: { appId: string } };
}

// The bare identifier, not globalThis.wx: the mini program runtime provides `wx` to every module.
declare const wx: Wx | undefined;

// ---- Errors ----

/** The gateway answered a non-zero `returnCode` (`code` is the same number). */
export class GatewayError extends Error {
  override name = 'GatewayError';
  readonly code: number;
  constructor(readonly returnCode: number, readonly returnMessage: string, readonly detail: string, readonly requestId: string | null = null) {
    super(`${returnCode} ${returnMessage}${detail ? ': ' + detail : ''}`);
    this.code = returnCode;
  }
}

/**
 * Anything else that went wrong, named in Wafer's vocabulary:
 * - `ERR_WX_LOGIN_FAILED`: `wx.login` failed;
 * - `ERR_NETWORK`: `wx.request` failed (no answer at all), to the gateway or to the business server;
 * - `ERR_BAD_RESPONSE`: the gateway URL answered something that is not a mina-auth envelope;
 * - `ERR_INVALID_SESSION`: the business server still refused the session after one fresh login;
 * - `ERR_CHECK_LOGIN_FAILED`: the business server could not check the session (its gateway call failed).
 */
export type ClientErrorType = 'ERR_WX_LOGIN_FAILED' | 'ERR_NETWORK' | 'ERR_BAD_RESPONSE' | 'ERR_INVALID_SESSION' | 'ERR_CHECK_LOGIN_FAILED';
export class ClientError extends Error {
  override name = 'ClientError';
  constructor(readonly type: ClientErrorType, message: string) {
    super(`${type}: ${message}`);
  }
}

// ---- The client ----

export const WX_SESSION_MAGIC_ID = 'F2C224D4-2BCE-4C64-AF9F-A6D872000D1A';
/** The gateway's "this session is bad" code; nothing else uses it. */
const AUTH_FAIL = 60012;

export interface Session {
  id: string;
  skey: string;
  openid: string;
  unionid: string | null;
  /** Unix seconds, the gateway's clock. Informational: see README ("expiry"). */
  expires_at: number;
  user_info: Record<string, unknown> | null;
}

export interface ClientOptions {
  /** The gateway's protocol URL, `https://…/mina_auth` (its domain in the mini program's request whitelist). */
  gateway: string;
  /** Defaults to `wx.getAccountInfoSync().miniProgram.appId`. */
  appid?: string;
  /** Storage key of the session. */
  storageKey?: string;
  /** Another `wx` (tests, or a framework's wrapper such as Taro's). */
  wx?: Wx;
}

export type RequestOptions = Omit<WxRequestOptions, 'success' | 'fail'>;

interface Envelope { returnCode: number; returnMessage: string; returnData: unknown; requestId?: string; detail?: string }

export function createClient(opts: ClientOptions) {
  const storageKey = opts.storageKey ?? 'mina_auth_session';
  const api = (): Wx => {
    const w = opts.wx ?? (typeof wx === 'undefined' ? undefined : wx);
    if (!w) throw new Error('mina-auth: no `wx` here; run inside a mini program or pass createClient({wx})');
    return w;
  };
  const appid = () => opts.appid ?? api().getAccountInfoSync().miniProgram.appId;

  const send = (o: Omit<WxRequestOptions, 'success' | 'fail'>) => new Promise<WxRequestSuccess>((resolve, reject) => {
    api().request({ ...o, success: resolve, fail: (e) => reject(new ClientError('ERR_NETWORK', e.errMsg)) });
  });

  async function call<T>(interfaceName: string, para: Record<string, unknown>): Promise<T> {
    const res = await send({
      url: opts.gateway, method: 'POST', header: { 'content-type': 'application/json' },
      data: { version: 1, componentName: 'MA', interface: { interfaceName, para } },
    });
    const env = res.data as Envelope | undefined;
    if (typeof env !== 'object' || env === null || typeof env.returnCode !== 'number') {
      throw new ClientError('ERR_BAD_RESPONSE', `HTTP ${res.statusCode} from the gateway is not a mina-auth envelope`);
    }
    if (env.returnCode !== 0) throw new GatewayError(env.returnCode, env.returnMessage, env.detail ?? '', env.requestId ?? null);
    return env.returnData as T;
  }

  function session(): Session | null {
    const s = api().getStorageSync(storageKey) as Session | '' | undefined;
    return s && typeof s === 'object' && s.id && s.skey ? s : null;
  }
  const forget = () => api().removeStorageSync(storageKey);

  let loggingIn: Promise<Session> | null = null;

  /** wx.login → qcloud.cam.id_skey → storage. Concurrent calls share one login (one code, one session). */
  function login(): Promise<Session> {
    loggingIn ??= (async () => {
      const code = await new Promise<string>((resolve, reject) => {
        api().login({
          success: (r) => (r.code ? resolve(r.code) : reject(new ClientError('ERR_WX_LOGIN_FAILED', r.errMsg ?? 'no code'))),
          fail: (e) => reject(new ClientError('ERR_WX_LOGIN_FAILED', e.errMsg)),
        });
      });
      const d = await call<Session & { appid: string }>('qcloud.cam.id_skey', { appid: appid(), code });
      const s: Session = { id: d.id, skey: d.skey, openid: d.openid, unionid: d.unionid, expires_at: d.expires_at, user_info: d.user_info };
      api().setStorageSync(storageKey, s);
      return s;
    })().finally(() => { loggingIn = null; });
    return loggingIn;
  }

  /** A session to use: the stored one, the login in flight, or a new login. */
  const ensure = (): Promise<Session> => {
    const s = session();
    return s ? Promise.resolve(s) : login();
  };

  /**
   * After `stale` was refused: a new session. If another caller already replaced it (many requests failing at
   * once), use that one instead of logging in again.
   */
  function renew(stale: Session): Promise<Session> {
    const s = session();
    if (s && s.id !== stale.id) return Promise.resolve(s);
    if (loggingIn) return loggingIn;
    forget();
    return login();
  }

  /** A session interface at the gateway (`id`, `skey`, `appid` added); on 60012 logs in once and retries. */
  async function callWithSession<T>(interfaceName: string, para: Record<string, unknown> = {}): Promise<T> {
    let s = await ensure();
    for (let attempt = 0; ; attempt++) {
      try {
        return await call<T>(interfaceName, { ...para, id: s.id, skey: s.skey, appid: appid() });
      } catch (err) {
        if (!(err instanceof GatewayError && err.returnCode === AUTH_FAIL) || attempt > 0) throw err;
        s = await renew(s);
      }
    }
  }

  /**
   * `wx.request` to the business server with the session headers. Logs in first when there is no session;
   * when the server answers a Wafer session error (magic key + ERR_INVALID_SESSION) or HTTP 401, logs in
   * again and retries once. Resolves with wx.request's success object, whatever its status.
   */
  async function request<T = unknown>(options: RequestOptions): Promise<WxRequestSuccess<T>> {
    let s = await ensure();
    for (let attempt = 0; ; attempt++) {
      const res = await send({ ...options, header: { ...options.header, 'X-WX-Id': s.id, 'X-WX-Skey': s.skey } });
      const body = res.data as Record<string, unknown> | null;
      const wafer = typeof body === 'object' && body !== null && WX_SESSION_MAGIC_ID in body;
      const invalid = res.statusCode === 401 || (wafer && body.error === 'ERR_INVALID_SESSION');
      if (invalid && attempt === 0) {
        s = await renew(s);
        continue;
      }
      if (invalid) {
        forget();
        throw new ClientError('ERR_INVALID_SESSION', String((wafer && body.message) || `HTTP ${res.statusCode}`));
      }
      // Unlike Wafer, the session is kept: the check failed (e.g. the gateway was down), not the session.
      if (wafer) throw new ClientError('ERR_CHECK_LOGIN_FAILED', `${String(body.error)}: ${String(body.message ?? '')}`);
      return res as WxRequestSuccess<T>;
    }
  }

  /** Ends the session at the gateway and forgets it here; an already-dead session is not an error. */
  async function logout(): Promise<void> {
    const s = session();
    forget();
    if (!s) return;
    try {
      await call('qcloud.cam.logout', { id: s.id, skey: s.skey, appid: appid() });
    } catch (err) {
      if (!(err instanceof GatewayError && err.returnCode === AUTH_FAIL)) throw err;
    }
  }

  return { login, session, logout, request, call: callWithSession };
}

export type MinaClient = ReturnType<typeof createClient>;
