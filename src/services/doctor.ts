// `mina-auth doctor`: checks a deployment end to end, one line per check: the store answers, the schema is
// migrated, the master key opens a sample of sealed values, and WeChat/WeCom accept each app's and agent's
// credentials from this machine (naming the egress IP WeChat saw when it refuses it, 40164 / 60020).
//
// The credential check is a DIRECT upstream call whose answer is thrown away, never the gateway's single
// flight: for an app, POST /cgi-bin/stable_token in normal mode (force_refresh false), which returns the
// current stable token without invalidating anything, and which WeChat keeps fully apart from /cgi-bin/token,
// so it is safe for "classic" apps too (a /cgi-bin/token call would kill the stored token 5 minutes later);
// for a WeCom agent, gettoken, which answers the same token while it is valid. The stored credentials, their
// leases and their daily counters are left alone.
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { pendingMigrations } from '../store/db.js';
import { UpstreamError } from '../wechat/client.js';
import { upstreamToGateway } from '../wechat/errors.js';
import { agentOwner, listAgents, openAgentSecret } from './agents.js';
import { listApps, openSecret } from './apps.js';
import { rowName, SEALED_COLUMNS } from './rekey.js';
import { keyIdOf } from './secretbox.js';
import type { Kysely } from 'kysely';

export interface CheckLine { ok: boolean; name: string; detail: string }
export type Report = (line: CheckLine) => void;

/** Sealed values opened per column by the master-key check. */
export const SAMPLE_PER_COLUMN = 20;

const reason = (err: unknown) => String((err as { code?: unknown }).code ?? (err as Error).message ?? err).slice(0, 160);

function upstreamReason(err: unknown): string {
  if (err instanceof UpstreamError) return upstreamToGateway(err, 'token').detail;
  return reason(err);
}

/** Runs every check after the configuration one; returns true when all passed. */
export async function runDoctor(deps: Deps, report: Report): Promise<boolean> {
  let allOk = true;
  const line = (ok: boolean, name: string, detail: string) => { allOk &&= ok; report({ ok, name, detail }); };
  const { db } = deps.store;

  const started = Date.now();
  try {
    await sql`select 1`.execute(db);
    line(true, 'store', `${deps.store.dialect} answers (${Date.now() - started} ms)`);
  } catch (err) {
    line(false, 'store', `${deps.store.dialect} store unreachable: ${reason(err)}`);
    return false; // every other check needs it
  }

  try {
    const pending = await pendingMigrations(deps.store);
    line(!pending.length, 'migrations', pending.length ? `pending: ${pending.join(', ')}; run mina-auth migrate` : 'schema up to date');
  } catch (err) {
    line(false, 'migrations', reason(err));
  }

  try {
    line(...(await masterKeyCheck(deps)));
  } catch (err) {
    line(false, 'master key', `could not read sealed values: ${reason(err)}`);
  }

  let apps: Awaited<ReturnType<typeof listApps>> = [];
  let agents: Awaited<ReturnType<typeof listAgents>> = [];
  try {
    [apps, agents] = await Promise.all([listApps(db), listAgents(db)]);
    if (!apps.length && !agents.length) line(true, 'apps', 'none registered');
  } catch (err) {
    line(false, 'apps', `could not list apps and agents: ${reason(err)}`);
  }
  for (const app of apps) {
    let secret: string;
    try { secret = openSecret(deps.box, app); } catch { line(false, `app ${app.appid}`, 'its secret does not open under the configured master keys'); continue; }
    try {
      const t = await deps.wechat.stableToken(app.appid, secret, false);
      line(true, `app ${app.appid}`, `WeChat accepts its credentials from this machine (stable_token, ${t.expiresIn} s left)`);
    } catch (err) {
      line(false, `app ${app.appid}`, upstreamReason(err));
    }
  }
  for (const agent of agents) {
    const name = `agent ${agentOwner(agent.corpid, agent.agentid)}`;
    let secret: string;
    try { secret = openAgentSecret(deps.box, agent); } catch { line(false, name, 'its secret does not open under the configured master keys'); continue; }
    try {
      const t = await deps.wechat.wecomToken(agent.corpid, secret);
      line(true, name, `WeCom accepts its credentials from this machine (gettoken, ${t.expiresIn} s left)`);
    } catch (err) {
      line(false, name, upstreamReason(err));
    }
  }
  return allOk;
}

/** Opens up to SAMPLE_PER_COLUMN values of every sealed column; names the first rows that do not open. */
async function masterKeyCheck(deps: Deps): Promise<[boolean, string, string]> {
  const q = deps.store.db as unknown as Kysely<any>;
  let opened = 0;
  let stale = 0;
  const bad: string[] = [];
  for (const col of SEALED_COLUMNS) {
    const rows = (await q.selectFrom(col.table).select([...col.key, col.column]).where(col.column, 'is not', null)
      .limit(SAMPLE_PER_COLUMN).execute()) as Record<string, string>[];
    for (const row of rows) {
      const sealed = row[col.column]!;
      try {
        deps.box.open(sealed, col.context(row));
        opened++;
        if (deps.box.isStale(sealed)) stale++;
      } catch {
        bad.push(`${col.table} ${rowName(col, row)} (key id ${keyIdOf(sealed)})`);
      }
    }
  }
  const id = deps.box.keyId;
  if (bad.length) {
    return [false, 'master key', `${bad.length} sampled value(s) do not open: ${bad.slice(0, 3).join('; ')}${bad.length > 3 ? '; …' : ''}; set MINA_AUTH_OLD_MASTER_KEYS to the key that sealed them`];
  }
  if (!opened) return [true, 'master key', `key id ${id}; nothing sealed yet`];
  return [true, 'master key', `key id ${id} opens ${opened} sampled sealed value(s)${stale ? `; ${stale} are under an old key: run mina-auth rekey` : ''}`];
}
