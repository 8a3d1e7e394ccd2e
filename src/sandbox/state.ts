// The simulator's whole in-memory world, plus the resolved options every handler reads.
// Maps everywhere (not plain objects) so ids such as "__proto__" are just ids.

export type AppType = 'miniprogram' | 'official_account';

export interface App {
  appid: string;
  secret: string;
  type: AppType;
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
    faults: new Map(),
    calls: new Map(),
  };
}

export function resetState(state: State): void {
  state.apps.clear();
  state.users.clear();
  state.codes.clear();
  state.loginCalls.clear();
  state.faults.clear();
  state.calls.clear();
}
