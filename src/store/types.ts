// Row types of the store; one interface per table. Times are Unix seconds.
import type { Generated, Kysely } from 'kysely';

export type AppType = 'miniprogram' | 'official_account';
export type TokenApi = 'stable' | 'classic';

export interface AppRow {
  appid: string;
  type: AppType;
  secret_sealed: string;
  login_duration: number; // days
  session_duration: number; // seconds
  max_sessions: number;
  token_api: TokenApi;
  watermark_max_age: number; // seconds, 0 = unchecked
  cos_sealed: string | null;
  created_at: number;
  updated_at: number;
}

export interface UserRow {
  appid: string;
  openid: string;
  unionid: string | null;
  session_key_sealed: string;
  user_info: string | null; // JSON text
  created_at: number;
  updated_at: number;
}

export interface SessionRow {
  seq: Generated<number>;
  id: string;
  appid: string;
  openid: string;
  skey_hash: string; // sha256 hex of the skey
  created_at: number;
  last_visit_at: number;
}

export interface LoginClaimRow {
  appid: string;
  code_mac: string; // HMAC of the code; the code itself is never stored
  state: 'pending' | 'done';
  answer_sealed: string | null;
  created_at: number;
}

export interface CallerKeyRow {
  key_id: string;
  name: string;
  secret_hash: string; // sha256 hex of the key's secret part
  scopes: string; // JSON array of scope strings
  expires_at: number | null;
  revoked_at: number | null;
  created_at: number;
}

export interface AgentRow {
  corpid: string;
  agentid: string;
  secret_sealed: string;
  remark: string | null;
  created_at: number;
  updated_at: number;
}

export type CredentialKind = 'mp_token' | 'mp_ticket' | 'work_token' | 'work_ticket' | 'work_agent_ticket';

export interface CredentialRow {
  kind: CredentialKind;
  owner: string; // appid, or corpid/agentid
  value_sealed: string | null;
  expires_at: number;
  fetched_at: number;
  refresh_after: number;
  generation: number;
  lease_until: number;
  lease_holder: string | null;
  last_force_at: number;
  day: number; // the day (Beijing time, days since 1970-01-01) of the counters below
  day_fetches: number;
  day_forces: number;
}

/** Append-only (migration 0003): who did what to which target, with what result. Never a secret. */
export interface AuditRow {
  id: Generated<number>;
  at: number;
  actor: string; // a caller key id, `cli`, `gateway` (the process itself) or `unauthenticated`
  action: string; // e.g. app.put, credentials.fetch, caller_key.failed
  target: string; // an appid, corpid/agentid, key id, kind:owner …
  result: string; // ok, created, updated, not_found, renewed, denied …
  detail: string | null;
}

export interface Tables {
  apps: AppRow;
  users: UserRow;
  sessions: SessionRow;
  login_claims: LoginClaimRow;
  caller_keys: CallerKeyRow;
  agents: AgentRow;
  credentials: CredentialRow;
  audit_log: AuditRow;
}

export type Db = Kysely<Tables>;
export type Dialect = 'mysql' | 'sqlite';
