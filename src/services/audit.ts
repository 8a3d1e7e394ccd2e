// The audit log (table audit_log, migration 0003): append-only rows for admin actions, credential fetches and
// invalidations, rekeys, and AGGREGATED failed caller-key uses. Never a secret in any field: ids, field names,
// counts and results only.
//
// Failed caller-key uses are counted in memory, per process (an unauthenticated request never causes a store
// write of its own, PROTOCOL §6). The counts are written as one row per key id, at most once a minute per key
// id, when something else writes anyway: a later audited action (an authenticated admin call, a credential
// fetch), the `serve` timer (every 60 s), or `serve`'s shutdown. A process that never gets there (an idle SCF
// instance that is recycled) loses its counts: they are telemetry, the per-IP limits are the defence.
import type { Deps } from '../deps.js';
import type { Selectable } from 'kysely';
import { storeErrorReason } from '../store/errors.js';
import type { AuditRow, Db } from '../store/types.js';
import type { Caller } from './keys.js';

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  result: string;
  detail?: string | null;
}

/** The actor of an automatic event (a refresh, an invalidation): the gateway process itself. */
export const GATEWAY_ACTOR = 'gateway';
/** The actor of a command-line action. */
export const CLI_ACTOR = 'cli';

export const actorOf = (caller: Caller | null): string => caller?.keyId ?? GATEWAY_ACTOR;

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** Writes one row; throws on a store error (callers inside a transaction want that). */
export async function recordAudit(db: Db, at: number, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    at, actor: clip(entry.actor, 64), action: clip(entry.action, 64), target: clip(entry.target, 255),
    result: clip(entry.result, 32), detail: entry.detail == null ? null : clip(entry.detail, 1024),
  }).execute();
}

/**
 * Writes one row after the fact (the action is already done and answered): a failure is logged, never thrown,
 * so a caller is never told that a completed action failed. Also flushes due failed-key counts.
 */
export async function audit(deps: Deps, entry: AuditEntry): Promise<void> {
  try {
    await recordAudit(deps.store.db, deps.clock.now(), entry);
  } catch (err) {
    deps.log.warn('audit write failed', { action: entry.action, target: entry.target, error: storeErrorReason(err) });
    return;
  }
  await flushCallerKeyFailures(deps);
}

/** Rows at or after `since` (Unix seconds), oldest first, at most `limit`. */
export type AuditRecord = Selectable<AuditRow>;

export async function listAudit(db: Db, since: number, limit: number): Promise<AuditRecord[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('at', '>=', since)
    .orderBy('id', 'desc').limit(limit).execute();
  return rows.reverse().map((r) => ({ ...r, id: Number(r.id), at: Number(r.at) }));
}

// --- Failed caller-key uses, aggregated in memory -------------------------------------------------------------

interface Pending { count: number; first: number; last: number }
/** Per process (in Deps): failed caller-key uses not written yet. */
export interface KeyFailures {
  pending: Map<string, Pending>;
  /** When each key id's counts were last written (Unix seconds). */
  flushedAt: Map<string, number>;
  /** The last flush, so flushes never overlap. */
  flushing: Promise<number>;
}

/** Distinct key ids kept per process; past it, failures are counted under `(other)` (bounded memory). */
export const MAX_TRACKED_KEY_IDS = 1000;
/** At most one row per key id per this many seconds. */
export const FAILURE_FLUSH_SECONDS = 60;
const OTHER = '(other)';
const MALFORMED = '(malformed)';

export const createKeyFailures = (): KeyFailures => ({ pending: new Map(), flushedAt: new Map(), flushing: Promise.resolve(0) });

/** The key id a presented key claims (`mak_<keyId>_…`), never any of its secret part. */
export function claimedKeyId(presented: string): string {
  return /^mak_([a-z0-9]{8,16})_/.exec(presented)?.[1] ?? MALFORMED;
}

/**
 * Counts one failed use of a presented caller key (wrong, unknown, revoked, expired or malformed). Memory
 * only: call it from the request path for every 2001 that had a key.
 */
export function noteCallerKeyFailure(deps: Deps, presented: string): void {
  const { pending } = deps.keyFailures;
  let id = claimedKeyId(presented);
  if (!pending.has(id) && pending.size >= MAX_TRACKED_KEY_IDS) id = OTHER;
  const now = deps.clock.now();
  const p = pending.get(id);
  if (p) { p.count++; p.last = now; } else pending.set(id, { count: 1, first: now, last: now });
}

/** Failed uses counted but not written yet, per claimed key id (for tests and `serve`'s shutdown log). */
export function pendingCallerKeyFailures(deps: Deps): Record<string, number> {
  return Object.fromEntries([...deps.keyFailures.pending].map(([id, p]) => [id, p.count]));
}

/**
 * Writes the counted failures: one row per key id whose last row is at least a minute old (`all`: every key
 * id, for a shutdown). Returns the rows written. Store errors keep the counts for the next flush.
 */
export function flushCallerKeyFailures(deps: Deps, opts: { all?: boolean } = {}): Promise<number> {
  const s = deps.keyFailures;
  if (!s.pending.size) return Promise.resolve(0);
  // One flush at a time per process: a second caller waits for the first, then finds less (or nothing) to do.
  const run = s.flushing.catch(() => 0).then(() => writeFailures(deps, s, opts.all ?? false));
  s.flushing = run;
  return run;
}

async function writeFailures(deps: Deps, s: KeyFailures, all: boolean): Promise<number> {
  const now = deps.clock.now();
  let written = 0;
  for (const [id, p] of [...s.pending]) {
    if (!all && now - (s.flushedAt.get(id) ?? -Infinity) < FAILURE_FLUSH_SECONDS) continue;
    s.pending.delete(id);
    try {
      await recordAudit(deps.store.db, now, {
        actor: 'unauthenticated', action: 'caller_key.failed', target: id, result: 'denied',
        detail: `${p.count} failed use${p.count === 1 ? '' : 's'} (2001) from ${new Date(p.first * 1000).toISOString()} to ${new Date(p.last * 1000).toISOString()}`,
      });
    } catch (err) {
      // Put the counts back (merged with any that arrived meanwhile) and stop: the store is likely down.
      const later = s.pending.get(id);
      s.pending.set(id, later ? { count: later.count + p.count, first: p.first, last: later.last } : p);
      deps.log.warn('audit write failed', { action: 'caller_key.failed', error: storeErrorReason(err) });
      break;
    }
    s.flushedAt.set(id, now);
    written++;
  }
  // Keep the once-a-minute memory bounded too.
  for (const [id, at] of s.flushedAt) if (now - at >= FAILURE_FLUSH_SECONDS && !s.pending.has(id)) s.flushedAt.delete(id);
  return written;
}

/** `serve`: flushes every minute (unref'd: it never keeps the process alive). Returns the stopper. */
export function startFailureFlusher(deps: Deps, everyMs = FAILURE_FLUSH_SECONDS * 1000): () => void {
  const timer = setInterval(() => { void flushCallerKeyFailures(deps).catch(() => undefined); }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
