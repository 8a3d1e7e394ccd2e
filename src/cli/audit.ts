// mina-auth audit: lists the audit log (admin actions, credential fetches and invalidations, rekeys, failed keys).
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { listAudit } from '../services/audit.js';
import { CliError, configFrom, parseWhole, STORE_FLAGS, STORE_HELP, withStore } from './common.js';

export const help = `usage: mina-auth audit [--since DURATION] [--limit N] [--json] [--data DIR | --database-url URL]
Lists audit-log entries, oldest first: admin actions (app put/delete, agent initagent/delete, key create/revoke,
session revoke) with the caller key id as actor, credential fetches and invalidations (actor "gateway"),
rekeys (actor "cli"), and failed caller-key uses, counted in memory and written at most once a minute per key
id (actor "unauthenticated"). No entry holds a secret.
  --since DURATION      how far back: 90s, 15m, 1h, 7d (default 24h)
  --limit N             at most N entries, the newest (default 1000)
  --json                one JSON array of {id, at, actor, action, target, result, detail}
${STORE_HELP}`;

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function parseSince(v: string): number {
  const m = /^(\d{1,9})([smhd])$/.exec(v);
  if (!m) throw new CliError('--since takes a duration like 90s, 15m, 1h or 7d');
  return Number(m[1]) * UNIT[m[2]!]!;
}

export async function run(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { ...STORE_FLAGS, since: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  if (values.help) return out(help);
  const since = systemClock.now() - parseSince(values.since ?? '24h');
  const limit = parseWhole('limit', values.limit, 1, 1_000_000) ?? 1000;
  await withStore(configFrom(values).databaseUrl, async (store) => {
    const rows = await listAudit(store.db, since, limit);
    if (values.json) return out(JSON.stringify(rows));
    if (!rows.length) return out('no audit entries in that period');
    for (const r of rows) {
      out([new Date(r.at * 1000).toISOString(), r.actor, r.action, r.target, r.result, r.detail ?? ''].join('  ').trimEnd());
    }
  });
}
