// The closed table of return codes (PROTOCOL §3). docs/errors.md is generated from it.

export const CODES = {
  0: { message: 'OK', when: 'Success; `returnMessage` names the outcome per interface (`NEW_SESSION_SUCCESS`, `AUTH_SUCCESS`, …).' },
  1000: { message: 'INTERNAL_ERROR', when: 'A bug in the gateway. Logged with its stack; `detail` stays generic.' },
  1001: { message: 'STORE_UNAVAILABLE', when: 'The store is unreachable, timed out or busy. Never reported as 60012.' },
  1002: { message: 'NO_INTERFACENAME_PARA', when: '`interface.interfaceName` is missing (or not a string).' },
  1003: { message: 'PARA_ERR', when: '`para` failed its schema or a semantic check; `detail` names the field.' },
  1005: { message: 'WEIXIN_NET_ERR', when: 'WeChat/WeCom unreachable, timed out, HTTP status ≠ 200, or errcode -1 after bounded retries.' },
  1006: { message: 'CHANGE_SESSION_ERR', when: 'The store rejected a session write (a constraint), not an outage.' },
  1007: { message: 'WEIXIN_RETURN_ERR', when: 'The upstream body was not understood (not JSON, missing fields, an unexpected errcode).' },
  1009: { message: 'REQUEST_IS_NOT_JSON', when: 'The body is not a JSON object in UTF-8.' },
  1010: { message: 'INTERFACENAME_PARA_ERR', when: 'Unknown interface, or one whose class is disabled on this deployment.' },
  1011: { message: 'NO_PARA', when: '`interface.para` is missing.' },
  1012: { message: 'NO_APPID', when: 'The appid (or WeCom agent) is not registered, or no appid was given and there is no default app.' },
  1014: { message: 'CHANGE_TOKEN_ERR', when: 'The store rejected an access-token write.' },
  1015: { message: 'CHANGE_TICKET_ERR', when: 'The store rejected a ticket write.' },
  1016: { message: 'CHANGE_AGENT_TICKET_ERR', when: 'The store rejected an agent-ticket write.' },
  40013: { message: 'WEIXIN_CREDENTIAL_ERR', when: "WeChat/WeCom rejected the app's own appid/secret (40013, 40125, 41004, 40243, 50004, 50007 …); `detail` carries the errcode." },
  40014: { message: 'WEIXIN_ACCESSTOKEN_ERR', when: 'A ticket/phone call still failed on token errors after one refresh.' },
  40029: { message: 'WEIXIN_CODE_ERR', when: 'The login/phone code is invalid, expired, reused or from another app/user (WeChat 40029, 40163, 40226). Call `wx.login` again.' },
  60012: { message: 'AUTH_FAIL', when: 'The session itself is bad: unknown, wrong skey, expired, revoked, or of another app. Nothing else uses 60012; clients log in again on it.' },
  60021: { message: 'DECRYPT_FAIL', when: 'The data decrypted but is not for this app, is too old (watermark), or is malformed.' },
  60022: { message: 'SESSION_KEY_STALE', when: "The data does not decrypt under the user's current session_key: call `wx.login`, then retry." },
  2001: { message: 'CALLER_UNAUTHENTICATED', when: 'A privileged/admin interface was called without a valid caller key.' },
  2002: { message: 'CALLER_FORBIDDEN', when: 'The caller key is valid, but its scopes do not cover this interface and resource.' },
  2003: { message: 'RATE_LIMITED', when: "This gateway's own limits (per-IP failures, refresh budgets); `detail` says when to retry." },
  2004: { message: 'WEIXIN_RATE_LIMITED', when: 'WeChat answered a rate limit (45009, 45011, 45033 …); not retried.' },
  2005: { message: 'WEIXIN_IP_NOT_WHITELISTED', when: 'WeChat 40164 / WeCom 60020; `detail` names the egress IP WeChat saw.' },
  2006: { message: 'NOT_SUPPORTED', when: 'The interface exists in Wafer but is not supported (e.g. `qcloud.cam.initdata`).' },
  2007: { message: 'PAYLOAD_TOO_LARGE', when: 'The body exceeds 64 KiB (HTTP 413).' },
  2008: { message: 'METHOD_NOT_ALLOWED', when: 'A method other than POST on a protocol path (HTTP 405).' },
} as const;

export type Code = keyof typeof CODES;

/**
 * The one error type handlers and services throw; dispatch turns it into an envelope exactly once. An answer, not a
 * bug: made without a stack trace, which costs more than the rest of an error answer (bench/README.md).
 */
export class GatewayError extends Error {
  constructor(readonly code: Exclude<Code, 0>, readonly detail: string) {
    const message = `${code} ${CODES[code].message}: ${detail}`;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
