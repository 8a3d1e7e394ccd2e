// Business-server middleware (Express and Koa): checks the X-WX-Id / X-WX-Skey session of a mini program
// request at the gateway and answers failures the way Wafer 1's LoginService.check() did, so unmodified
// Wafer clients (and clients/miniprogram) log in again.
import { callGateway, GatewayError, type SessionInfo } from './index.js';

export const WX_SESSION_MAGIC_ID = 'F2C224D4-2BCE-4C64-AF9F-A6D872000D1A';
export const ERR_INVALID_SESSION = 'ERR_INVALID_SESSION';
export const ERR_CHECK_LOGIN_FAILED = 'ERR_CHECK_LOGIN_FAILED';

/** What the middleware puts on `req.mina` / `ctx.state.mina`. */
export interface MinaUser {
  openid: string;
  unionid: string | null;
  appid: string;
  user_info: Record<string, unknown> | null;
  expires_at: number;
}

export interface MinaAuthOptions {
  /** The gateway's protocol URL, `https://…/mina_auth`. */
  gateway: string;
  /** Checks sessions on `/mina_auth/<appid>`, so a session of another app is refused (60012). */
  appid?: string;
  timeoutMs?: number;
}

/** The Wafer error body: HTTP 200, the magic key, `error` and a human-readable `message`. */
export interface WaferErrorBody {
  [WX_SESSION_MAGIC_ID]: 1;
  error: typeof ERR_INVALID_SESSION | typeof ERR_CHECK_LOGIN_FAILED;
  message: string;
}

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string): string | undefined => {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) || undefined;
};

/**
 * The framework-free core: the user behind the request's headers, or the Wafer error body to answer with.
 * Header names must be lower case (as Node, Express and Koa give them).
 */
export function createSessionCheck(opts: MinaAuthOptions) {
  const url = opts.appid ? `${opts.gateway.replace(/\/+$/, '')}/${encodeURIComponent(opts.appid)}` : opts.gateway;
  return async (headers: Headers): Promise<{ user: MinaUser } | { error: WaferErrorBody }> => {
    const id = header(headers, 'x-wx-id');
    const skey = header(headers, 'x-wx-skey');
    if (!id || !skey) {
      return { error: waferError(ERR_INVALID_SESSION, `request headers lack ${!id ? 'X-WX-Id' : 'X-WX-Skey'}; log in with the client SDK first`) };
    }
    try {
      const s = await callGateway<SessionInfo>(url, 'qcloud.cam.auth', { id, skey }, { timeoutMs: opts.timeoutMs });
      return { user: { openid: s.openid, unionid: s.unionid, appid: s.appid, user_info: s.user_info, expires_at: s.expires_at } };
    } catch (err) {
      // Only 60012 means "this session is bad": anything else (store outage, network) must not make every
      // client throw its session away and log in again at once.
      if (err instanceof GatewayError) {
        const text = `session check failed: ${err.code} - ${err.returnMessage}${err.detail ? ` (${err.detail})` : ''}`;
        return { error: waferError(err.code === 60012 ? ERR_INVALID_SESSION : ERR_CHECK_LOGIN_FAILED, text) };
      }
      return { error: waferError(ERR_CHECK_LOGIN_FAILED, `session check failed: the gateway could not be reached (${(err as Error).message})`) };
    }
  };
}

const waferError = (error: WaferErrorBody['error'], message: string): WaferErrorBody => ({ [WX_SESSION_MAGIC_ID]: 1, error, message });

/** The part of an Express (or plain node:http) request the middleware reads and writes. */
export interface ExpressLikeRequest { headers: Headers; mina?: MinaUser }
/** The part of an Express (or plain node:http) response the middleware writes. */
export interface ExpressLikeResponse {
  headersSent?: boolean;
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/** Express / Connect / node:http middleware: `app.use(minaAuth({gateway}))`, then `req.mina.openid`. */
export function minaAuth(opts: MinaAuthOptions) {
  const check = createSessionCheck(opts);
  return (req: ExpressLikeRequest, res: ExpressLikeResponse, next: (err?: unknown) => void): void => {
    check(req.headers).then((out) => {
      if ('user' in out) {
        req.mina = out.user;
        next();
      } else if (!res.headersSent) {
        // Written by hand rather than res.json(): works on a bare node:http response too.
        res.statusCode = 200;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(out.error));
      }
    }, next);
  };
}

/** The part of a Koa context the middleware reads and writes. */
export interface KoaLikeContext {
  headers: Headers;
  state: Record<string, unknown> & { mina?: MinaUser };
  status: number;
  body: unknown;
}

/** Koa middleware: `app.use(minaAuthKoa({gateway}))`, then `ctx.state.mina.openid`. */
export function minaAuthKoa(opts: MinaAuthOptions) {
  const check = createSessionCheck(opts);
  return async (ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> => {
    const out = await check(ctx.headers);
    if ('error' in out) {
      ctx.status = 200;
      ctx.body = out.error; // Koa sends an object as application/json; charset=utf-8
      return;
    }
    ctx.state.mina = out.user;
    await next();
  };
}
