// Translates upstream failures into gateway return codes (PROTOCOL §3). Never echoes errmsg, which may hold secrets.
import { GatewayError } from '../dispatch/codes.js';
import { UpstreamError } from './client.js';

/** What the failed call was for: the same errcode means different things on different APIs. */
export type UpstreamUse = 'login' | 'token' | 'ticket' | 'phone';

const CODE_ERRORS = new Set([40029, 40163, 40226]);
const RATE_LIMITS = new Set([45009, 45011, 45033]);
const CREDENTIAL_ERRORS = new Set([40013, 40125, 41002, 41004, 40243, 50004, 50007, 40002]);
const IP_ERRORS = new Set([40164, 60020]);
/** Errors of a token being used (not fetched): the caller refreshes once and retries. */
export const TOKEN_ERRORS = new Set([40001, 42001, 40014]);

export const isTokenError = (err: unknown) =>
  err instanceof UpstreamError && err.failure.kind === 'errcode' && TOKEN_ERRORS.has(err.failure.errcode);

export function upstreamToGateway(err: UpstreamError, use: UpstreamUse): GatewayError {
  const f = err.failure;
  const api = err.api;
  switch (f.kind) {
    case 'network':
      if (f.sent && use === 'login') return new GatewayError(1005, `WeChat ${api} did not answer (${f.reason}); the login code may be spent: call wx.login again`);
      if (f.sent && use === 'phone') return new GatewayError(1005, `WeChat ${api} did not answer (${f.reason}); the phone code may be spent: ask the user again`);
      return new GatewayError(1005, `WeChat ${api} is unreachable (${f.reason})`);
    case 'http':
      return new GatewayError(1005, `WeChat ${api} answered HTTP ${f.status}`);
    case 'body':
      return new GatewayError(1007, `WeChat ${api} answered a body the gateway does not understand (${f.reason})`);
    case 'errcode': {
      const e = f.errcode;
      if (e === -1) return new GatewayError(1005, `WeChat ${api} is busy (errcode -1)`);
      if (CODE_ERRORS.has(e) || (use === 'phone' && e === 40013)) {
        return new GatewayError(40029, use === 'phone'
          ? `WeChat rejected the phone code (errcode ${e}): it is invalid, expired, used, or another user's or app's`
          : `WeChat rejected the login code (errcode ${e}): call wx.login again`);
      }
      if (RATE_LIMITS.has(e)) return new GatewayError(2004, `WeChat rate limit (errcode ${e}) on ${api}; not retried`);
      if (CREDENTIAL_ERRORS.has(e) || (use === 'token' && e === 40001)) {
        return new GatewayError(40013, `WeChat rejected the app's credentials (errcode ${e}); check the registered appid/secret`);
      }
      if (IP_ERRORS.has(e)) {
        const ip = /from ip: ([0-9a-f.:]+)|invalid ip ([0-9a-f.:]+)/i.exec(f.errmsg);
        return new GatewayError(2005, `WeChat refused the gateway's egress IP ${ip?.[1] ?? ip?.[2] ?? '(not named)'} (errcode ${e}): add it to the IP whitelist`);
      }
      if (TOKEN_ERRORS.has(e)) return new GatewayError(40014, `WeChat still rejects the access token after one refresh (errcode ${e})`);
      return new GatewayError(1007, `WeChat ${api} answered errcode ${e}`);
    }
  }
}
