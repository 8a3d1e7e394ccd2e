// Caller keys (PROTOCOL §4): `mak_<keyId>_<secret>`, only the SHA-256 of the secret stored, scopes as globs.
import { randomBytes } from 'node:crypto';
import type { AccessClass } from '../config.js';
import type { Deps } from '../deps.js';
import type { Db } from '../store/types.js';
import { isDigestOf, sha256Hex } from './secretbox.js';

export interface Caller {
  readonly keyId: string;
  readonly name: string;
  readonly scopes: readonly string[];
}

const KEY = /^mak_([a-z0-9]{8,16})_([A-Za-z0-9_-]{32,256})$/;
const SCOPE = /^[A-Za-z0-9_.*-]+:[A-Za-z0-9_.*/-]+$/;

/** Why a scope string is not valid, or null: `admin`, or `interfacePattern:resourcePattern` with `*` globs. */
export function scopeProblem(scope: string): string | null {
  if (scope === 'admin' || SCOPE.test(scope)) return null;
  return `scope "${scope.slice(0, 64)}" must be "admin" or "interfacePattern:resourcePattern" (e.g. qcloud.mimi.access_token:wx0123456789abcdef, qcloud.work.*:ww99/1000002)`;
}

/** The key from `Authorization: Bearer <key>` or `X-Mina-Key: <key>`, if either is present. */
export function keyFromHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(String(headers.authorization ?? ''))?.[1];
  const key = headers['x-mina-key'];
  return bearer ?? (key === undefined ? null : String(key).trim());
}

const keyRow = (keyId: string) => `key:${keyId}`;

/** A caller_keys row as the row cache keeps it: what each call checks, derived once per read, not per call. */
interface KeyEntry {
  caller: Caller;
  secretHash: Buffer;
  revokedAt: number | null;
  expiresAt: number | null;
}

async function readKey(db: Db, keyId: string): Promise<KeyEntry | null> {
  const row = await db.selectFrom('caller_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
  if (!row) return null;
  const caller: Caller = Object.freeze({ keyId: row.key_id, name: row.name, scopes: Object.freeze(JSON.parse(row.scopes) as string[]) });
  return { caller, secretHash: Buffer.from(row.secret_hash, 'hex'), revokedAt: row.revoked_at, expiresAt: row.expires_at };
}

/**
 * The caller behind a presented key, or null when the key is malformed, unknown, wrong, revoked or expired. The
 * row is the one this process read ≤ 2 s ago: a revocation through another process takes up to 2 s here.
 */
export async function authenticateCaller(deps: Deps, presented: string): Promise<Caller | null> {
  const m = KEY.exec(presented);
  if (!m) return null;
  const keyId = m[1]!;
  const key = await deps.rows.read(keyRow(keyId), () => readKey(deps.store.db, keyId));
  const now = deps.clock.now();
  if (!key || !isDigestOf(key.secretHash, m[2]!)) return null;
  if (key.revokedAt !== null || (key.expiresAt !== null && now >= key.expiresAt)) return null;
  return key.caller;
}

const glob = (pattern: string) => new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*') + '$');

/** A scope `interfacePattern:resourcePattern` as two patterns. */
interface Grant { iface: RegExp; resource: RegExp }

/** The grants of a scopes array, compiled once per array: a caller's is the one kept with its key (≤ 2 s). */
const compiled = new WeakMap<readonly string[], Grant[]>();
function grantsOf(scopes: readonly string[]): Grant[] {
  let grants = compiled.get(scopes);
  if (!grants) {
    grants = scopes.filter((scope) => scope !== 'admin').map((scope) => {
      const [iface = '', resource = ''] = scope.split(':');
      return { iface: glob(iface), resource: glob(resource) };
    });
    compiled.set(scopes, grants);
  }
  return grants;
}

/** Globs never grant admin: an admin-class interface needs the literal scope `admin`. */
export function scopesAllow(scopes: readonly string[], access: AccessClass, interfaceName: string, resource: string): boolean {
  if (access === 'admin') return scopes.includes('admin');
  return grantsOf(scopes).some((g) => g.iface.test(interfaceName) && g.resource.test(resource));
}

export interface KeyInput { name: string; scopes: string[]; expires_at?: number | null }

/** Creates a key; the returned `key` is shown once and never stored. */
export async function createKey(db: Db, now: number, input: KeyInput): Promise<{ key_id: string; key: string }> {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await db.insertInto('caller_keys').values({
    key_id: keyId, name: input.name, secret_hash: sha256Hex(secret), scopes: JSON.stringify(input.scopes),
    expires_at: input.expires_at ?? null, revoked_at: null, created_at: now,
  }).execute();
  return { key_id: keyId, key: `mak_${keyId}_${secret}` };
}

export async function listKeys(db: Db) {
  const rows = await db.selectFrom('caller_keys').select(['key_id', 'name', 'scopes', 'expires_at', 'revoked_at', 'created_at']).orderBy('created_at').orderBy('key_id').execute();
  return rows.map((r) => ({ ...r, scopes: JSON.parse(r.scopes) as string[] }));
}

/** After a change through this process: its next read comes from the store. */
export const forgetCallerKey = (deps: Deps, keyId: string) => deps.rows.forget(keyRow(keyId));

export async function revokeKey(db: Db, keyId: string, now: number): Promise<boolean> {
  const res = await db.updateTable('caller_keys').set({ revoked_at: now }).where('key_id', '=', keyId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
