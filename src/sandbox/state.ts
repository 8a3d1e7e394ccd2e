// The simulator's whole in-memory world, plus the resolved options every handler reads.
// Maps everywhere (not plain objects) so ids such as "__proto__" are just ids.

export type AppType = 'miniprogram' | 'official_account';

export interface App {
  appid: string;
  secret: string;
  type: AppType;
  /** When set, token/stable_token calls from other socket addresses get 40164. */
  ipWhitelist?: string[];
  /** A frozen AppSecret: token/stable_token calls get 40243. */
  frozen: boolean;
  /** /cgi-bin/token successes per (Beijing) day before 45009. */
  tokenDailyQuota: number;
  /** /cgi-bin/stable_token calls per (Beijing) day before 45009. */
  stableDailyQuota: number;
}

/** classic = /cgi-bin/token, stable = /cgi-bin/stable_token (WeChat); wecom = qyapi gettoken. */
export type TokenKind = 'classic' | 'stable' | 'wecom';

export interface TokenRecord {
  kind: TokenKind;
  /** appid for WeChat tokens, corpid for WeCom ones. */
  owner: string;
  /** WeCom only: the agent whose secret fetched it. */
  agentid?: string;
  issuedAt: number;
  expiresAt: number;
  /** When a newer token (or a force refresh) stops this one being honoured; absent = never. */
  revokedAt?: number;
}

/** A count that restarts every day (quota days are Beijing calendar days). */
export interface DailyCounter {
  day: number;
  count: number;
}

export interface Ticket {
  ticket: string;
  expiresAt: number;
}

/** Per-app token bookkeeping; kept apart from App so re-posting an app keeps its tokens. */
export interface AppTokens {
  /** Newest last; only the last two can still be honoured (the latest and the one in its 300 s grace). */
  classic: string[];
  /**
   * Newest last = the one normal mode hands out; the one before may still be honoured (it keeps its
   * remaining life after a refresh-ahead rotation), older ones are dead.
   */
  stable: string[];
  tokenCalls: DailyCounter;
  stableCalls: DailyCounter;
  forces: DailyCounter;
  lastForceAt?: number;
  /** The Official Account JS-SDK ticket (ticket/getticket?type=jsapi). */
  jsapiTicket?: Ticket;
}

export interface PhoneCode {
  appid: string;
  openid: string;
  /** As registered: "13800138000" or "+1 4155550100". */
  phone: string;
  mintedAt: number;
  used: boolean;
}

/** A WeCom application: its own secret, its own token, its own ticket counters. */
export interface Agent {
  agentid: string;
  secret: string;
  /** WeCom "trusted IPs": when set, gettoken from elsewhere gets 60020. */
  ipWhitelist?: string[];
  token?: string;
  agentTicket?: Ticket;
  /** Fetch times in the rolling hour, for the per-agent limits (100/h each). */
  corpTicketCalls: number[];
  agentTicketCalls: number[];
}

export interface Corp {
  corpid: string;
  agents: Map<string, Agent>;
  /** The enterprise jsapi_ticket is one per corp, whichever agent's token fetched it. */
  corpTicket?: Ticket;
  /** Fetch times in the rolling hour, for the per-corp limit (400/h). */
  corpTicketCalls: number[];
}

export interface User {
  openid: string;
  unionid?: string;
  sessionKey: string;
  /** When sessionKey last changed; rotation on a new login waits keyRotationMs after this. */
  keyRotatedAt: number;
}

export interface LoginCode {
  appid: string;
  openid: string;
  mintedAt: number;
  used: boolean;
}

export type FaultMode = 'timeout' | 'http500' | 'errcode' | 'garbage';

export interface Fault {
  mode: FaultMode;
  errcode: number;
  remaining: number;
}

export interface State {
  apps: Map<string, App>;
  /** appid → openid → user: openids are per app in WeChat. */
  users: Map<string, Map<string, User>>;
  /** Insertion order = mint order, which lets pruning stop at the first live code. */
  codes: Map<string, LoginCode>;
  /** `${appid}\n${openid}` → jscode2session calls in the given clock minute (45011). */
  loginCalls: Map<string, { minute: number; count: number }>;
  /** appid → its tokens, quota counters and jsapi ticket. */
  appTokens: Map<string, AppTokens>;
  /** Every issued token (all kinds), in issue order so pruning can stop at the first recent one. */
  tokens: Map<string, TokenRecord>;
  /** getPhoneNumber codes, in mint order like `codes`. */
  phoneCodes: Map<string, PhoneCode>;
  corps: Map<string, Corp>;
  /** upstream path → FIFO of pending faults. */
  faults: Map<string, Fault[]>;
  /** upstream path → appid (or "-") → calls, for GET /__sandbox/stats. */
  calls: Map<string, Map<string, number>>;
}

export interface Config {
  latencyMs: number;
  keyRotationMs: number;
  loginQuotaPerMinute: number;
  now: () => number;
}

/** What every route handler receives. */
export interface Ctx {
  state: State;
  config: Config;
}

export function createState(): State {
  return {
    apps: new Map(),
    users: new Map(),
    codes: new Map(),
    loginCalls: new Map(),
    appTokens: new Map(),
    tokens: new Map(),
    phoneCodes: new Map(),
    corps: new Map(),
    faults: new Map(),
    calls: new Map(),
  };
}

export function resetState(state: State): void {
  state.apps.clear();
  state.users.clear();
  state.codes.clear();
  state.loginCalls.clear();
  state.appTokens.clear();
  state.tokens.clear();
  state.phoneCodes.clear();
  state.corps.clear();
  state.faults.clear();
  state.calls.clear();
}

/** A key from `gen` that `map` does not hold yet (random ids: a clash is rare, but must not overwrite). */
export function uniqueKey<K>(map: ReadonlyMap<K, unknown>, gen: () => K): K {
  let key = gen();
  while (map.has(key)) key = gen();
  return key;
}

/**
 * Drops entries of an insertion-ordered map from the oldest on, stopping at the first one that is not
 * stale: for maps whose entries go stale in insertion order (codes, tokens), so pruning stays cheap.
 * Callers phrase isStale as `!(age <= limit)` so an entry with a NaN time (a broken `now` clock) is
 * dropped instead of blocking the pruning of everything behind it.
 */
export function pruneOldest<K, V>(map: Map<K, V>, isStale: (value: V) => boolean): void {
  for (const [key, value] of map) {
    if (!isStale(value)) break;
    map.delete(key);
  }
}
