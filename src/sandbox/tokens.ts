// Access tokens and tickets of every kind: issuing, supersession, expiry, and the check a real API
// performs on `?access_token=` (shared by the upstream handlers and GET /__sandbox/check).
import { newDailyCounter } from './quota.js';
import { randomToken } from './random.js';
import { pruneOldest, uniqueKey, type AppTokens, type State, type Ticket, type TokenKind, type TokenRecord } from './state.js';

/** Tokens and tickets of all kinds live 7200 s (WECHAT.md §3, §6). */
export const TOKEN_TTL_MS = 7_200_000;
/** The 5 minutes of WECHAT.md §3: classic overlap after a new fetch, stable refresh-ahead window. */
export const OVERLAP_MS = 300_000;
/**
 * Records of tokens expired longer than this are dropped, so long dev/bench runs stay bounded; such a
 * token then reads as unknown (40001/40014) instead of expired (42001), which no sane client can tell apart.
 */
const RETAIN_MS = 86_400_000;

/** Tags only help a human reading logs; see randomToken. */
const TAGS: Record<TokenKind, string> = { classic: 'AT', stable: 'ST', wecom: 'WT' };

/** Which server is asking: the errcodes for a bad token differ. */
export type Api = 'wechat' | 'wecom';

export type TokenCheck = { ok: true; record: TokenRecord } | { ok: false; errcode: number; errmsg: string };

export function appTokensOf(state: State, appid: string): AppTokens {
  let tokens = state.appTokens.get(appid);
  if (tokens === undefined) {
    tokens = {
      classic: [],
      stable: [],
      tokenCalls: newDailyCounter(),
      stableCalls: newDailyCounter(),
      forces: newDailyCounter(),
    };
    state.appTokens.set(appid, tokens);
  }
  return tokens;
}

export function issueToken(state: State, kind: TokenKind, owner: string, now: number, agentid?: string): string {
  // Records are in issue order and all live equally long: pruning stops at the first one still worth keeping.
  pruneOldest(state.tokens, (record) => !(now - record.expiresAt <= RETAIN_MS));
  const token = uniqueKey(state.tokens, () => randomToken(TAGS[kind]));
  const record: TokenRecord = { kind, owner, issuedAt: now, expiresAt: now + TOKEN_TTL_MS };
  if (agentid !== undefined) record.agentid = agentid;
  state.tokens.set(token, record);
  return token;
}

/** When the token stops being honoured, for whichever reason comes first. */
export function diesAt(record: TokenRecord): number {
  return Math.min(record.expiresAt, record.revokedAt ?? Infinity);
}

/** The record if the token is known and still honoured now. */
export function liveRecord(state: State, token: string | undefined, now: number): TokenRecord | undefined {
  const record = token === undefined ? undefined : state.tokens.get(token);
  return record !== undefined && now < diesAt(record) ? record : undefined;
}

/** Stop honouring a token from `at` on (never later than an earlier revocation). */
export function revoke(state: State, token: string, at: number): void {
  const record = state.tokens.get(token);
  if (record !== undefined) record.revokedAt = Math.min(record.revokedAt ?? Infinity, at);
}

/**
 * What an API of `api` answers for this `?access_token=`. A token dies once, for one reason: revoked
 * before its natural end → "invalid / not latest" (40001 WeChat, 40014 WeCom); otherwise → 42001.
 * WeChat APIs honour both WeChat kinds (they are isolated from each other, not from the APIs); a token
 * of the other server is just an unknown token.
 */
export function checkToken(state: State, api: Api, token: string | null | undefined, now: number): TokenCheck {
  if (!token) return { ok: false, errcode: 41001, errmsg: 'access_token missing' };
  const record = state.tokens.get(token);
  const ownServer = record !== undefined && (record.kind === 'wecom') === (api === 'wecom');
  if (record === undefined || !ownServer) return invalid(api);
  if (now >= diesAt(record)) {
    const revokedEarly = record.revokedAt !== undefined && record.revokedAt < record.expiresAt;
    return revokedEarly ? invalid(api) : { ok: false, errcode: 42001, errmsg: 'access_token expired' };
  }
  return { ok: true, record };
}

function invalid(api: Api): TokenCheck {
  return api === 'wecom'
    ? { ok: false, errcode: 40014, errmsg: 'invalid access_token' }
    : { ok: false, errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
}

/** Whole seconds left, rounded down so a client caching by it never outlives the real validity. */
export function secondsLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.floor((expiresAt - now) / 1000));
}

/** Tickets are handed out unchanged while valid and replaced once expired (all three ticket kinds). */
export function currentTicket(ticket: Ticket | undefined, tag: string, now: number): Ticket {
  if (ticket !== undefined && now < ticket.expiresAt) return ticket;
  return { ticket: randomToken(tag), expiresAt: now + TOKEN_TTL_MS };
}
