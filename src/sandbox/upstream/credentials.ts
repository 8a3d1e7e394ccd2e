// The appid/secret checks /cgi-bin/token and /cgi-bin/stable_token share, in one order:
// 41002 → 41004 → 40002 → 40013 → 40164 (IP) → wrong secret (endpoint-specific) → 40243 (frozen).
// The IP gate comes before the secret so a caller outside the whitelist learns nothing about it.
import { isIPv4 } from 'node:net';
import { wxError, wxErrorNoComma, type Answer } from '../reply.js';
import type { App, Ctx } from '../state.js';

export interface Credentials {
  appid: string | undefined;
  secret: string | undefined;
  grantType: string | undefined;
}

export type CredentialCheck = { ok: true; app: App } | { ok: false; answer: Answer };

export function checkCredentials(ctx: Ctx, ip: string, creds: Credentials, wrongSecret: () => Answer): CredentialCheck {
  const fail = (answer: Answer): CredentialCheck => ({ ok: false, answer });
  // Empty values count as missing, as in jscode2session.
  if (!creds.appid) return fail(wxError(41002, 'appid missing'));
  if (!creds.secret) return fail(wxError(41004, 'appsecret missing'));
  if (creds.grantType !== 'client_credential') return fail(wxError(40002, 'invalid grant_type'));
  const app = ctx.state.apps.get(creds.appid);
  if (app === undefined) return fail(wxError(40013, 'invalid appid'));
  if (app.ipWhitelist !== undefined && !app.ipWhitelist.includes(ip)) return fail(notWhitelisted(ip));
  if (app.secret !== creds.secret) return fail(wrongSecret());
  if (app.frozen) return fail(wxError(40243, 'AppSecret已被冻结，请解冻后再次调用'));
  return { ok: true, app };
}

/** The real text names the IPv4 twice, once as a mapped IPv6 address, with no comma before rid. */
function notWhitelisted(ip: string): Answer {
  const v6 = isIPv4(ip) ? `::ffff:${ip}` : ip;
  return wxErrorNoComma(40164, `invalid ip ${ip} ipv6 ${v6}, not in whitelist`);
}
