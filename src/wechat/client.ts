// The only code that talks to api.weixin.qq.com / qyapi.weixin.qq.com (or the sandbox standing in for them).
// It uses Node's fetch: undici, shipped inside Node (keep-alive connections), so the SCF bundle need not carry a copy.

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

/** A token or ticket as fetched, with its lifetime in seconds. */
export interface Fetched {
  value: string;
  expiresIn: number;
}

export interface PhoneInfo {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface WeChatClient {
  jscode2session(appid: string, secret: string, code: string): Promise<Code2Session>;
  /** POST /cgi-bin/stable_token; `force` is WeChat's force_refresh. */
  stableToken(appid: string, secret: string, force: boolean): Promise<Fetched>;
  /** GET /cgi-bin/token: a new token on every call. */
  classicToken(appid: string, secret: string): Promise<Fetched>;
  /** GET /cgi-bin/ticket/getticket?type=jsapi (Official Account JS-SDK). */
  jsapiTicket(accessToken: string): Promise<Fetched>;
  phoneNumber(accessToken: string, code: string, openid: string): Promise<PhoneInfo>;
  /** WeCom GET /cgi-bin/gettoken (per agent secret). */
  wecomToken(corpid: string, secret: string): Promise<Fetched>;
  /** WeCom GET /cgi-bin/get_jsapi_ticket (the corp's ticket). */
  wecomCorpTicket(accessToken: string): Promise<Fetched>;
  /** WeCom GET /cgi-bin/ticket/get?type=agent_config (the agent's ticket). */
  wecomAgentTicket(accessToken: string): Promise<Fetched>;
}

export interface WeChatClientOptions {
  wechatBaseUrl: string;
  wecomBaseUrl: string;
  timeoutMs: number;
}

/**
 * Bounded retries (3 attempts). `unsent`: only failures that never reached WeChat (a code or a force refresh
 * must not be spent twice). `idempotent`: also timeouts, HTTP 5xx and errcode -1, for calls that may repeat.
 */
const ATTEMPTS = 3;
type Retry = 'unsent' | 'idempotent';
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** fetch() rejects with `TypeError: fetch failed` and the socket's error as its cause; a timeout, with a TimeoutError. */
function failureCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } }).cause;
  return String(cause?.code ?? (err as { code?: unknown }).code ?? (err as Error).name);
}

let liftoffOnly = false;

/**
 * Node's fetch parses answers with llhttp compiled to WebAssembly, on its first call. V8's usual tiered compilation
 * of that module grows one of its worker threads' malloc arenas to 30 MB, of which up to 9 MB stays resident for the
 * life of the process (bench/README.md, "Changes measured"); its baseline compiler alone (Liftoff) does not, and
 * parses the few small answers WeChat sends as well. Set before the first fetch, not at load: Node does not take
 * the flag in NODE_OPTIONS, and a flag changed before the SCF bundle's code cache is made would make V8 refuse it.
 */
function useLiftoffOnly(): void {
  if (liftoffOnly) return;
  // node:v8 on demand: most cold starts of the event function never call WeChat.
  process.getBuiltinModule('node:v8').setFlagsFromString('--liftoff-only');
  liftoffOnly = true;
}

export function createWeChatClient(opts: WeChatClientOptions): WeChatClient {
  async function once(url: URL, init: { method: 'GET' | 'POST'; body?: string }): Promise<unknown> {
    useLiftoffOnly();
    // One deadline for connecting, sending and reading the whole answer.
    const signal = AbortSignal.timeout(opts.timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, {
        method: init.method, body: init.body, signal,
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      });
    } catch (err) {
      const code = failureCode(err);
      throw new UpstreamError({ kind: 'network', sent: !NOT_SENT.has(code), reason: code }, url.pathname);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw new UpstreamError({ kind: 'network', sent: true, reason: failureCode(err) }, url.pathname);
    }
    if (res.status !== 200) throw new UpstreamError({ kind: 'http', status: res.status }, url.pathname);
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

  const retryable = (f: UpstreamFailure, retry: Retry) => (f.kind === 'network' && !f.sent) || (retry === 'idempotent'
    && (f.kind === 'network' || (f.kind === 'http' && f.status >= 500) || (f.kind === 'errcode' && f.errcode === -1)));

  async function call(url: URL, init: { method: 'GET' | 'POST'; body?: string }, retry: Retry): Promise<Record<string, unknown>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(url, init) as Record<string, unknown>;
      } catch (err) {
        if (attempt >= ATTEMPTS || !(err instanceof UpstreamError) || !retryable(err.failure, retry)) throw err;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  const urlOf = (base: string, path: string, query: Record<string, string>) => {
    const url = new URL(base + path);
    url.search = new URLSearchParams(query).toString();
    return url;
  };
  const get = (base: string, path: string, query: Record<string, string>, retry: Retry) =>
    call(urlOf(base, path, query), { method: 'GET' }, retry);
  const post = (base: string, path: string, query: Record<string, string>, body: unknown, retry: Retry) =>
    call(urlOf(base, path, query), { method: 'POST', body: JSON.stringify(body) }, retry);

  /** `{<field>, expires_in}` → Fetched, or a body error naming the API. */
  const fetched = (body: Record<string, unknown>, field: string, api: string): Fetched => {
    const value = body[field];
    const expiresIn = Number(body.expires_in);
    if (typeof value !== 'string' || !value || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new UpstreamError({ kind: 'body', reason: `no ${field}/expires_in` }, api);
    }
    return { value, expiresIn: Math.floor(expiresIn) };
  };

  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

  const wx = opts.wechatBaseUrl;
  const wecom = opts.wecomBaseUrl;
  return {
    async jscode2session(appid, secret, code) {
      // The code is single-use: only failures that never reached WeChat are retried.
      const body = await get(wx, '/sns/jscode2session', { appid, secret, js_code: code, grant_type: 'authorization_code' }, 'unsent');
      const openid = str(body.openid);
      const sessionKey = str(body.session_key);
      if (!openid || !sessionKey) throw new UpstreamError({ kind: 'body', reason: 'no openid/session_key' }, '/sns/jscode2session');
      return { openid, session_key: sessionKey, unionid: str(body.unionid) };
    },
    async stableToken(appid, secret, force) {
      const body = await post(wx, '/cgi-bin/stable_token', {}, { grant_type: 'client_credential', appid, secret, force_refresh: force }, force ? 'unsent' : 'idempotent');
      return fetched(body, 'access_token', '/cgi-bin/stable_token');
    },
    async classicToken(appid, secret) {
      // A repeat issues one more token; the one it replaces still lives 5 minutes, so retrying is harmless.
      return fetched(await get(wx, '/cgi-bin/token', { grant_type: 'client_credential', appid, secret }, 'idempotent'), 'access_token', '/cgi-bin/token');
    },
    async jsapiTicket(accessToken) {
      return fetched(await get(wx, '/cgi-bin/ticket/getticket', { access_token: accessToken, type: 'jsapi' }, 'idempotent'), 'ticket', '/cgi-bin/ticket/getticket');
    },
    async phoneNumber(accessToken, code, openid) {
      // The phone code is single-use: no retry once sent.
      const body = await post(wx, '/wxa/business/getuserphonenumber', { access_token: accessToken }, { code, openid }, 'unsent');
      const info = body.phone_info as Record<string, unknown> | undefined;
      const phoneNumber = str(info?.phoneNumber);
      const purePhoneNumber = str(info?.purePhoneNumber);
      // countryCode is a string in real answers and a number in the docs' example: accept both.
      const countryCode = info?.countryCode === undefined || info.countryCode === null ? null : String(info.countryCode);
      if (!phoneNumber || !purePhoneNumber || !countryCode) throw new UpstreamError({ kind: 'body', reason: 'no phone_info' }, '/wxa/business/getuserphonenumber');
      return { phoneNumber, purePhoneNumber, countryCode };
    },
    async wecomToken(corpid, secret) {
      return fetched(await get(wecom, '/cgi-bin/gettoken', { corpid, corpsecret: secret }, 'idempotent'), 'access_token', '/cgi-bin/gettoken');
    },
    async wecomCorpTicket(accessToken) {
      return fetched(await get(wecom, '/cgi-bin/get_jsapi_ticket', { access_token: accessToken }, 'idempotent'), 'ticket', '/cgi-bin/get_jsapi_ticket');
    },
    async wecomAgentTicket(accessToken) {
      return fetched(await get(wecom, '/cgi-bin/ticket/get', { access_token: accessToken, type: 'agent_config' }, 'idempotent'), 'ticket', '/cgi-bin/ticket/get');
    },
  };
}
