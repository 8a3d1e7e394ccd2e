// Translates upstream failures into gateway return codes (PROTOCOL §3). Never echoes errmsg, which may hold secrets.
import { GatewayError } from '../dispatch/codes.js';
import { UpstreamError } from './client.js';

const CODE_ERRORS = new Set([40029, 40163, 40226]);
const RATE_LIMITS = new Set([45009, 45011, 45033]);
const CREDENTIAL_ERRORS = new Set([40013, 40125, 41002, 41004, 40243, 50004, 50007, 40002]);
const IP_ERRORS = new Set([40164, 60020]);

export function upstreamToGateway(err: UpstreamError, what: 'login'): GatewayError {
  const f = err.failure;
  const api = err.api;
  switch (f.kind) {
    case 'network':
      return new GatewayError(1005, f.sent && what === 'login'
        ? `WeChat ${api} did not answer (${f.reason}); the login code may be spent: call wx.login again`
        : `WeChat ${api} is unreachable (${f.reason})`);
    case 'http':
      return new GatewayError(1005, `WeChat ${api} answered HTTP ${f.status}`);
    case 'body':
      return new GatewayError(1007, `WeChat ${api} answered a body the gateway does not understand (${f.reason})`);
    case 'errcode': {
      const e = f.errcode;
      if (e === -1) return new GatewayError(1005, `WeChat ${api} is busy (errcode -1)`);
      if (CODE_ERRORS.has(e)) return new GatewayError(40029, `WeChat rejected the login code (errcode ${e}): call wx.login again`);
      if (RATE_LIMITS.has(e)) return new GatewayError(2004, `WeChat rate limit (errcode ${e}); retry after a minute`);
      if (CREDENTIAL_ERRORS.has(e)) return new GatewayError(40013, `WeChat rejected the app's appid/secret (errcode ${e}); check the app's registration`);
      if (IP_ERRORS.has(e)) {
        const ip = /(\d{1,3}(?:\.\d{1,3}){3})/.exec(f.errmsg)?.[1] ?? 'unknown';
        return new GatewayError(2005, `WeChat refused the gateway's egress IP ${ip} (errcode ${e}): add it to the IP whitelist`);
      }
      return new GatewayError(1007, `WeChat ${api} answered errcode ${e}`);
    }
  }
}
