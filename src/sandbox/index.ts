// Local simulator of api.weixin.qq.com and qyapi.weixin.qq.com on a real node:http server, plus its control API.
//
// Upstream, WeChat (HTTP 200 text/plain JSON, `rid:` in errmsg; tokens per app, two isolated kinds):
//   GET  /sns/jscode2session                 see upstream/jscode2session.ts for the check order
//   GET  /cgi-bin/token                      new token per call, 300 s overlap, daily quota   (upstream/token.ts)
//   POST /cgi-bin/stable_token               same token until its last 300 s, force rules   (upstream/stableToken.ts)
//   GET  /cgi-bin/ticket/getticket           OA jsapi ticket                                 (upstream/getticket.ts)
//   POST /wxa/business/getuserphonenumber    phone codes                                     (upstream/phoneNumber.ts)
// Upstream, WeCom (HTTP 200 application/json, always errcode, `hint/from ip` errmsg; tokens per agent):
//   GET  /cgi-bin/gettoken                   same token while valid                          (upstream/wecomToken.ts)
//   GET  /cgi-bin/get_jsapi_ticket, GET /cgi-bin/ticket/get?type=agent_config, hourly limits (upstream/wecomTicket.ts)
//   anything else                            404, empty body
// Control (JSON in/out, bad input → 400 {"error"}, bodies capped at 64 KiB → 413, never delayed):
//   POST /__sandbox/apps            {appid, secret, type?, ip_whitelist?, frozen?, token_daily_quota?,
//                                    stable_token_daily_quota?}          → {ok:true}   (omitted options kept)
//   POST /__sandbox/corps           {corpid, agentid, secret, ip_whitelist?} → {ok:true}
//   POST /__sandbox/login           {appid, openid?, unionid?, session_key?} → {code, openid, session_key}
//   POST /__sandbox/encrypt         {appid, openid, data}                 → {encrypt_data, iv}
//   POST /__sandbox/phone_code      {appid, openid, phone}                → {code}
//   POST /__sandbox/faults          {path, mode, errcode?, times?}        → {ok:true}
//   GET  /__sandbox/stats                                                 → {calls: {path: {appid|corpid: n}}}
//   GET  /__sandbox/users?appid=&openid=                                  → {openid, unionid|null, session_key} or 404
//   GET  /__sandbox/tokens?appid=  | ?corpid=&agentid=                    → honoured tokens/tickets (control/tokens.ts)
//   GET  /__sandbox/check?access_token=&api=wechat|wecom?                 → {valid:true} | {valid:false, errcode}
//   POST /__sandbox/reset                                                 → {ok:true}
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveControl } from './control/serve.js';
import { send } from './reply.js';
import { createState, type Config, type Ctx } from './state.js';
import { serveUpstream } from './upstream/serve.js';

export interface SandboxOptions {
  host?: string;
  /** Default 9100; 0 = pick a free port. */
  port?: number;
  /** Added before every upstream (non-/__sandbox) answer. Default 0. */
  latencyMs?: number;
  /** Minimum interval between session_key rotations of one user. Default 60_000; 0 = rotate on every login. */
  keyRotationMs?: number;
  /** jscode2session calls per user per minute before 45011. Default 100 (WeChat's documented limit). */
  loginQuotaPerMinute?: number;
  /** ms clock, so tests can expire codes and roll quota minutes without sleeping. */
  now?: () => number;
}

export interface Sandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? '127.0.0.1';
  const config: Config = {
    latencyMs: opts.latencyMs ?? 0,
    keyRotationMs: opts.keyRotationMs ?? 60_000,
    loginQuotaPerMinute: opts.loginQuotaPerMinute ?? 100,
    now: opts.now ?? Date.now,
  };
  const ctx: Ctx = { state: createState(), config };

  // Latency timers are tracked so close() can cancel them instead of waiting them out.
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number): Promise<void> => {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  };

  const server = createServer((req, res) => {
    handle(ctx, sleep, req, res).catch(() => {
      // A bug must cost one request, never the process.
      if (!res.headersSent) send(res, { status: 500, body: '' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 9100, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      // Also drops sockets held by timeout faults and idle keep-alive connections, so tests end promptly.
      server.closeAllConnections();
    });
    return closing;
  };

  return { url: `http://${urlHost}:${port}`, port, close };
}

async function handle(
  ctx: Ctx,
  sleep: (ms: number) => Promise<void>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // An aborted request emits 'error'; without a listener that would be an uncaught exception.
  req.on('error', () => {});
  res.on('error', () => {});
  const target = req.url ?? '/';
  // Split by hand: new URL() would read a target like "//x/y" as a host name.
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : target.slice(q + 1));
  if (path === '/__sandbox' || path.startsWith('/__sandbox/')) {
    await serveControl(ctx, req, res, path, query);
  } else {
    await serveUpstream(ctx, sleep, req, res, path, query);
  }
}
