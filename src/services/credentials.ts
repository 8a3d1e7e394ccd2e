// Tokens and tickets (PROTOCOL §5 "Credentials"): one upstream fetch per credential per refresh across every
// process and instance, through a lease in the store (never held across a transaction); the store never goes
// back to an older value; refresh-ahead; compare-and-swap on "this value failed" reports; force budgets.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { GatewayError } from '../dispatch/codes.js';
import type { Deps } from '../deps.js';
import { isConstraintViolation } from '../store/errors.js';
import type { CredentialKind, CredentialRow, Db } from '../store/types.js';
import { UpstreamError, type Fetched } from '../wechat/client.js';
import { upstreamToGateway, type UpstreamUse } from '../wechat/errors.js';
import { audit, GATEWAY_ACTOR, recordAudit } from './audit.js';

export interface CredentialSpec {
  kind: CredentialKind;
  /** An appid, a corpid, or corpid/agentid. */
  owner: string;
  /** Renew when this many seconds or fewer are left (0: on expiry). */
  ahead: number;
  /** Each fetch issues a new value and the previous one dies 300 s later (classic tokens). */
  rotatesOnFetch: boolean;
  /** Forced refreshes allowed per day (Beijing time). */
  forceBudget: number;
  use: UpstreamUse;
  fetch(force: boolean): Promise<Fetched>;
}

export interface Credential {
  value: string;
  /** The real end of this value. */
  expiresAt: number;
  /** True when this call fetched it. */
  fresh: boolean;
  /** Why a force or a report did nothing. */
  detail?: string;
}

/**
 * Per process: a ≤ 2 s read cache, the store reads behind it in flight and the refreshes in flight, so concurrent
 * callers share one of each.
 */
export interface CredentialMemo {
  holder: string;
  cache: Map<string, { value: string; expiresAt: number; refreshAfter: number; at: number }>;
  reading: Map<string, Promise<CredentialRow>>;
  inflight: Map<string, Promise<Credential>>;
}

export const createCredentialMemo = (): CredentialMemo => ({ holder: randomBytes(8).toString('hex'), cache: new Map(), reading: new Map(), inflight: new Map() });

const CACHE_MS = 2000;
const FORCE_GAP = 30;
/** A report against a value fetched less than this long ago is not fetched again (100 reports, one fetch). */
const RECHECK = 30;
/** A classic token dies 5 minutes after the next fetch. */
const OVERLAP = 300;
const WRITE_CODE: Record<CredentialKind, 1014 | 1015 | 1016> = { mp_token: 1014, work_token: 1014, mp_ticket: 1015, work_ticket: 1015, work_agent_ticket: 1016 };

/** A classic token dies 5 minutes after the next fetch, which is due at `refreshAfter`: that is its real end. */
const realEnd = (spec: CredentialSpec, expiresAt: number, refreshAfter: number) =>
  (spec.rotatesOnFetch ? Math.min(expiresAt, refreshAfter + OVERLAP) : expiresAt);
const beijingDay = (now: number) => Math.floor((now + 8 * 3600) / 86400);
/** `kind:owner`: the key of the process cache, the audit target, and the sealing context's tail. */
const nameOf = (spec: CredentialSpec) => `${spec.kind}:${spec.owner}`;
/** The sealing context of a stored token or ticket (also read by `mina-auth rekey` and `doctor`). */
export const credentialContext = (kind: string, owner: string) => `credentials:${kind}:${owner}`;
const context = (spec: CredentialSpec) => credentialContext(spec.kind, spec.owner);
/** A refresh holds the lease this long: three upstream attempts and a margin. */
const leaseSeconds = (deps: Deps) => Math.ceil((deps.config.upstreamTimeoutMs * 3) / 1000) + 10;
/** The row's value, if it holds one that is still live at `now`. */
const liveValue = (deps: Deps, spec: CredentialSpec, row: CredentialRow, now: number): Credential | null =>
  (row.value_sealed && now < row.expires_at
    ? { value: deps.box.open(row.value_sealed, context(spec)), expiresAt: realEnd(spec, row.expires_at, row.refresh_after), fresh: false }
    : null);
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Drops every cached token and ticket of these owners (an appid, or corpid/agentid): their secret changed. */
export async function forgetCredentials(db: Db, owners: string[]): Promise<void> {
  if (!owners.length) return;
  const res = await db.deleteFrom('credentials').where('owner', 'in', owners).executeTakeFirst();
  const forgotten = Number(res.numDeletedRows);
  // Audited in the caller's transaction, so an invalidation and its record stand or fall together.
  if (forgotten) {
    await recordAudit(db, Math.floor(Date.now() / 1000), {
      actor: GATEWAY_ACTOR, action: 'credentials.forget', target: owners.join(','), result: 'ok',
      detail: `${forgotten} cached token/ticket row(s) forgotten: the secret changed or the owner was removed`,
    });
  }
}

/**
 * The current value, fetched when missing, expired, due (refresh-ahead), reported failed (`invalid`, only if
 * it is still the stored value) or forced (within the budget). Callers holding a still-valid value never wait
 * for another caller's refresh.
 */
export async function getCredential(deps: Deps, spec: CredentialSpec, opts: { force?: boolean; invalid?: string } = {}): Promise<Credential> {
  const key = nameOf(spec);
  const memo = deps.credentialMemo;
  const plain = !opts.force && opts.invalid === undefined;
  if (plain) {
    const hit = memo.cache.get(key);
    const now = deps.clock.now();
    if (hit && Date.now() - hit.at < CACHE_MS && now < hit.refreshAfter && now < hit.expiresAt) return { value: hit.value, expiresAt: hit.expiresAt, fresh: false };
  }
  // The plain callers that miss the cache at once (every one in flight when it expires) share one read of the
  // row; a force or a report reads it for itself.
  const row = await (plain ? shared(memo.reading, key, () => load(deps.store.db, spec)) : load(deps.store.db, spec));
  const now = deps.clock.now();
  const live = liveValue(deps, spec, row, now);
  // While a classic refresh is in flight, the value served dies 5 minutes after it.
  const current = live && spec.rotatesOnFetch && row.lease_until > now ? { ...live, expiresAt: Math.min(live.expiresAt, now + OVERLAP) } : live;

  if (current && opts.invalid !== undefined) {
    if (!same(opts.invalid, current.value)) return { ...current, detail: 'the reported value is no longer the current one; use this one' };
    if (now - row.fetched_at < RECHECK) return { ...current, detail: `this value was fetched less than ${RECHECK} s ago and is not fetched again yet` };
    return shared(memo.inflight, key, () => refresh(deps, spec, row, false, current));
  }
  if (opts.force) {
    const refusal = forceRefusal(spec, row, now);
    if (refusal) {
      if (!current) throw new GatewayError(2003, `${refusal}, and there is no current value`);
      return { ...current, detail: refusal };
    }
    return shared(memo.inflight, key, () => refresh(deps, spec, row, true, current));
  }
  if (!current) return shared(memo.inflight, key, () => refresh(deps, spec, row, false, null));
  if (now >= row.refresh_after && row.lease_until <= now && !memo.inflight.has(key)) {
    return shared(memo.inflight, key, () => refresh(deps, spec, row, false, current));
  }
  memo.cache.set(key, { value: current.value, expiresAt: current.expiresAt, refreshAfter: row.refresh_after, at: Date.now() });
  return current;
}

/** Concurrent callers in this process share one run (a read, a refresh) per credential. */
function shared<T>(running: Map<string, Promise<T>>, key: string, run: () => Promise<T>): Promise<T> {
  const current = running.get(key);
  if (current) return current;
  const p = run().finally(() => running.delete(key));
  running.set(key, p);
  return p;
}

function forceRefusal(spec: CredentialSpec, row: CredentialRow, now: number): string | null {
  if (now - row.last_force_at < FORCE_GAP) return `force refused: the last forced refresh was ${now - row.last_force_at} s ago (at most one per ${FORCE_GAP} s); retry in ${FORCE_GAP - (now - row.last_force_at)} s`;
  if (row.day === beijingDay(now) && row.day_forces >= spec.forceBudget) return `force refused: today's budget of ${spec.forceBudget} forced refreshes is spent; retry after midnight (Beijing time)`;
  return null;
}

async function load(db: Db, spec: CredentialSpec): Promise<CredentialRow> {
  const read = () => db.selectFrom('credentials').selectAll().where('kind', '=', spec.kind).where('owner', '=', spec.owner).executeTakeFirst();
  const row = await read();
  if (row) return row;
  try {
    await db.insertInto('credentials').values({
      kind: spec.kind, owner: spec.owner, value_sealed: null, expires_at: 0, fetched_at: 0, refresh_after: 0, generation: 0,
      lease_until: 0, lease_holder: null, last_force_at: 0, day: 0, day_fetches: 0, day_forces: 0,
    }).execute();
  } catch (err) {
    if (!isConstraintViolation(err)) throw err; // another caller made it first
  }
  return (await read())!;
}

/**
 * Takes the lease (a conditional update: free lease, same generation, and for a force the budget), fetches
 * with no transaction or lock held, then writes the new value only over the generation it replaces.
 */
async function refresh(deps: Deps, spec: CredentialSpec, row: CredentialRow, force: boolean, current: Credential | null): Promise<Credential> {
  const { db } = deps.store;
  const memo = deps.credentialMemo;
  const now = deps.clock.now();
  const today = beijingDay(now);
  const took = await db.updateTable('credentials')
    .set({
      lease_until: now + leaseSeconds(deps),
      lease_holder: memo.holder,
      day_fetches: sql<number>`case when day = ${today} then day_fetches + 1 else 1 end`,
      day_forces: force ? sql<number>`case when day = ${today} then day_forces + 1 else 1 end` : sql<number>`case when day = ${today} then day_forces else 0 end`,
      last_force_at: force ? now : sql<number>`last_force_at`,
      // Last: MySQL evaluates SET left to right, and the counters above must see the old day.
      day: today,
    })
    .where('kind', '=', spec.kind).where('owner', '=', spec.owner)
    .where('generation', '=', row.generation).where('lease_until', '<=', now)
    .$if(force, (q) => q.where('last_force_at', '<=', now - FORCE_GAP)
      .where((eb) => eb.or([eb('day', '!=', today), eb('day_forces', '<', spec.forceBudget)])))
    .executeTakeFirst();
  if (Number(took.numUpdatedRows) === 0) {
    // Someone else is refreshing (or just did): a caller with a valid value never waits for them.
    if (current) return { ...current, detail: force ? 'a refresh by another caller was already under way; this is the current value' : undefined };
    return waitForOther(deps, spec, row);
  }

  let fetched: Fetched;
  try {
    fetched = await spec.fetch(force);
  } catch (err) {
    await db.updateTable('credentials').set({ lease_until: 0, lease_holder: null })
      .where('kind', '=', spec.kind).where('owner', '=', spec.owner).where('lease_holder', '=', memo.holder).execute();
    const failure = err instanceof UpstreamError ? upstreamToGateway(err, spec.use) : err;
    if (current && !force && failure instanceof GatewayError) {
      deps.log.warn('refresh-ahead failed; serving the current value', { kind: spec.kind, owner: spec.owner, returnCode: failure.code });
      return current;
    }
    throw failure;
  }

  const at = deps.clock.now();
  const expiresAt = at + fetched.expiresIn;
  const unchanged = current !== null && same(fetched.value, current.value);
  // An early fetch that returns the same value must not turn into a fetch loop: wait for its real rotation.
  const refreshAfter = unchanged ? Math.min(expiresAt, Math.max(at + 60, expiresAt - spec.ahead)) : expiresAt - spec.ahead;
  let saved;
  try {
    saved = await db.updateTable('credentials')
      .set({ value_sealed: deps.box.seal(fetched.value, context(spec)), expires_at: expiresAt, fetched_at: at, refresh_after: refreshAfter, generation: row.generation + 1, lease_until: 0, lease_holder: null })
      .where('kind', '=', spec.kind).where('owner', '=', spec.owner)
      .where('generation', '=', row.generation).where('lease_holder', '=', memo.holder)
      .executeTakeFirst();
  } catch (err) {
    if (isConstraintViolation(err)) throw new GatewayError(WRITE_CODE[spec.kind], `the store rejected the new ${spec.kind} of ${spec.owner}`);
    throw err;
  }
  memo.cache.delete(nameOf(spec));
  await audit(deps, {
    actor: GATEWAY_ACTOR, action: 'credentials.fetch', target: nameOf(spec),
    result: Number(saved.numUpdatedRows) === 0 ? 'superseded' : unchanged ? 'unchanged' : 'renewed',
    detail: `${force ? 'forced' : 'normal'} fetch, generation ${row.generation + 1}`,
  });
  if (Number(saved.numUpdatedRows) === 0) {
    // The lease ran out mid-fetch and someone else wrote a newer generation: never go back to ours.
    const live = liveValue(deps, spec, await load(db, spec), at);
    if (live) return live;
  }
  return { value: fetched.value, expiresAt: realEnd(spec, expiresAt, refreshAfter), fresh: !unchanged };
}

/** No valid value and another caller holds the lease: wait for its new generation (bounded). */
async function waitForOther(deps: Deps, spec: CredentialSpec, seen: CredentialRow): Promise<Credential> {
  const deadline = Date.now() + (leaseSeconds(deps) + 2) * 1000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    const row = await load(deps.store.db, spec);
    const now = deps.clock.now();
    const live = row.generation > seen.generation ? liveValue(deps, spec, row, now) : null;
    if (live) return live;
    if (row.generation === seen.generation && row.lease_holder === null) {
      throw new GatewayError(1005, `another request refreshing ${spec.kind} of ${spec.owner} failed; retry shortly`);
    }
    // A crashed holder's lease runs out: take over.
    if (row.generation === seen.generation && row.lease_until <= now) return refresh(deps, spec, row, false, null);
  }
  throw new GatewayError(1005, `the refresh of ${spec.kind} of ${spec.owner} by another request did not finish`);
}

/** Every credential due for refresh-ahead or expired-but-used: for `mina-auth refresh` and the timer trigger. */
export async function dueCredentials(db: Db, now: number): Promise<Pick<CredentialRow, 'kind' | 'owner'>[]> {
  return db.selectFrom('credentials').select(['kind', 'owner']).where('refresh_after', '<=', now).where('value_sealed', 'is not', null).execute();
}
