// The only code that talks to api.weixin.qq.com / qyapi.weixin.qq.com (or the sandbox standing in for them).
import { Agent, request } from 'undici';

/** What went wrong upstream; `sent` says whether WeChat may have received (and acted on) the request. */
export type UpstreamFailure =
  | { kind: 'network'; sent: boolean; reason: string }
  | { kind: 'http'; status: number }
  | { kind: 'errcode'; errcode: number; errmsg: string }
  | { kind: 'body'; reason: string };

export class UpstreamError extends Error {
  constructor(readonly failure: UpstreamFailure, readonly api: string) {
    super(`${api}: ${failure.kind}`);
  }
}

export interface Code2Session {
  openid: string;
  session_key: string;
  unionid: string | null;
}

export interface WeChatClient {
  jscode2session(appid: string, secret: string, code: string): Promise<Code2Session>;
  close(): Promise<void>;
}

export interface WeChatClientOptions {
  wechatBaseUrl: string;
  wecomBaseUrl: string;
  timeoutMs: number;
}

/** Attempts for a request that failed before it reached WeChat; retrying those can never repeat an action. */
const CONNECT_ATTEMPTS = 3;
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function createWeChatClient(opts: WeChatClientOptions): WeChatClient {
  const agent = new Agent({ connectTimeout: opts.timeoutMs, keepAliveTimeout: 10_000, headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs });

  async function once(url: URL, init: { method: 'GET' | 'POST'; body?: string }): Promise<unknown> {
    let res;
    try {
      res = await request(url, {
        method: init.method, body: init.body, dispatcher: agent,
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch (err) {
      const code = String((err as { code?: unknown }).code ?? (err as Error).name);
      throw new UpstreamError({ kind: 'network', sent: !NOT_SENT.has(code), reason: code }, url.pathname);
    }
    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      throw new UpstreamError({ kind: 'network', sent: true, reason: String((err as { code?: unknown }).code ?? (err as Error).name) }, url.pathname);
    }
    if (res.statusCode !== 200) throw new UpstreamError({ kind: 'http', status: res.statusCode }, url.pathname);
    let body: unknown;
    // WeChat often labels JSON as text/plain: parse whatever the content type says.
    try { body = JSON.parse(text); } catch { throw new UpstreamError({ kind: 'body', reason: 'not JSON' }, url.pathname); }
    if (typeof body !== 'object' || body === null) throw new UpstreamError({ kind: 'body', reason: 'not an object' }, url.pathname);
    const { errcode, errmsg } = body as { errcode?: unknown; errmsg?: unknown };
    if (errcode !== undefined && errcode !== 0) {
      throw new UpstreamError({ kind: 'errcode', errcode: Number(errcode), errmsg: String(errmsg ?? '') }, url.pathname);
    }
    return body;
  }

  async function call(url: URL, init: { method: 'GET' | 'POST'; body?: string }): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(url, init);
      } catch (err) {
        const f = (err as UpstreamError).failure;
        if (attempt >= CONNECT_ATTEMPTS || f?.kind !== 'network' || f.sent) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }

  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

  return {
    async jscode2session(appid, secret, code) {
      const url = new URL(opts.wechatBaseUrl + '/sns/jscode2session');
      url.search = new URLSearchParams({ appid, secret, js_code: code, grant_type: 'authorization_code' }).toString();
      // The code is single-use: only failures that never reached WeChat are retried (see `call`).
      const body = await call(url, { method: 'GET' }) as Record<string, unknown>;
      const openid = str(body.openid);
      const sessionKey = str(body.session_key);
      if (!openid || !sessionKey) throw new UpstreamError({ kind: 'body', reason: 'no openid/session_key' }, url.pathname);
      return { openid, session_key: sessionKey, unionid: str(body.unionid) };
    },
    close: () => agent.close(),
  };
}
