// Re-sealing (PROTOCOL §6, `mina-auth rekey`): every sealed value that is not under the current master key is
// opened (with MINA_AUTH_OLD_MASTER_KEYS) and sealed again under MINA_AUTH_MASTER_KEY. Batched by primary key;
// each row is written only if its sealed text is still what was read (compare-and-swap in the WHERE clause),
// so a concurrent login or refresh is never overwritten. Idempotent: a second run finds nothing to do.
import type { Kysely } from 'kysely';
import type { Db, Tables } from '../store/types.js';
import { agentSecretContext } from './agents.js';
import { appSecretContext, cosContext } from './apps.js';
import { credentialContext } from './credentials.js';
import { keyIdOf, type SecretBox } from './secretbox.js';
import { claimContext, sessionKeyContext } from './sessions.js';

/** One sealed column, its primary key, and the context it was sealed under (see each service's `seal` call). */
export interface SealedColumn {
  table: keyof Tables;
  column: string;
  key: readonly [string, string] | readonly [string];
  context(row: Record<string, string>): string;
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'apps', column: 'secret_sealed', key: ['appid'], context: (r) => appSecretContext(r.appid!) },
  { table: 'apps', column: 'cos_sealed', key: ['appid'], context: (r) => cosContext(r.appid!) },
  { table: 'agents', column: 'secret_sealed', key: ['corpid', 'agentid'], context: (r) => agentSecretContext(r.corpid!, r.agentid!) },
  { table: 'credentials', column: 'value_sealed', key: ['kind', 'owner'], context: (r) => credentialContext(r.kind!, r.owner!) },
  { table: 'users', column: 'session_key_sealed', key: ['appid', 'openid'], context: (r) => sessionKeyContext(r.appid!, r.openid!) },
  { table: 'login_claims', column: 'answer_sealed', key: ['appid', 'code_mac'], context: (r) => claimContext(r.appid!, r.code_mac!) },
];

export interface RekeyFailure { table: string; column: string; row: string; reason: string }
export interface TableCounts { resealed: number; changed: number; failed: number }
export interface RekeyResult {
  /** Per table: re-sealed, skipped because the row changed since it was read, and values no key opens. */
  tables: Record<string, TableCounts>;
  failures: RekeyFailure[];
}

/** The row named for people: `appid=wx…, openid=o…` (ids only, never a sealed or secret value). */
export const rowName = (col: SealedColumn, row: Record<string, string>) => col.key.map((k) => `${k}=${row[k]}`).join(', ');

export async function rekey(db: Db, box: SecretBox, opts: { batch?: number } = {}): Promise<RekeyResult> {
  const batch = opts.batch ?? 200;
  const current = box.keyId;
  const result: RekeyResult = { tables: {}, failures: [] };
  for (const col of SEALED_COLUMNS) {
    const counts = (result.tables[col.table] ??= { resealed: 0, changed: 0, failed: 0 });
    // Kysely's types cannot follow a column chosen at run time; the names come from the constant above.
    const q = db as unknown as Kysely<any>;
    let after: Record<string, string> | null = null;
    for (;;) {
      const [k1, k2] = col.key;
      let select = q.selectFrom(col.table).select([...col.key, col.column])
        .where(col.column, 'is not', null)
        // Only values under another key: a large users table is not read in full on a second run.
        .where(col.column, 'not like', `v1.${current}.%`);
      if (after) {
        const last = after;
        select = k2 === undefined
          ? select.where(k1, '>', last[k1])
          : select.where((eb) => eb.or([eb(k1, '>', last[k1]), eb.and([eb(k1, '=', last[k1]), eb(k2, '>', last[k2!])])]));
      }
      for (const k of col.key) select = select.orderBy(k);
      const rows = (await select.limit(batch).execute()) as Record<string, string>[];
      if (!rows.length) break;
      after = rows.at(-1)!;

      const updates: { row: Record<string, string>; sealed: string }[] = [];
      for (const row of rows) {
        const old = row[col.column]!;
        if (!box.isStale(old)) continue;
        try {
          updates.push({ row, sealed: box.seal(box.open(old, col.context(row)), col.context(row)) });
        } catch (err) {
          counts.failed++;
          const keyId = keyIdOf(old);
          const reason = /unknown key id/.test((err as Error).message)
            ? `sealed under key id ${keyId}, which is neither MINA_AUTH_MASTER_KEY nor in MINA_AUTH_OLD_MASTER_KEYS`
            : `it does not open under key id ${keyId} (wrong key with that id, or a damaged value)`;
          result.failures.push({ table: col.table, column: col.column, row: rowName(col, row), reason });
        }
      }
      if (updates.length) {
        // One transaction per batch (fast on SQLite); each write is a compare-and-swap on the text read.
        await q.transaction().execute(async (t) => {
          for (const { row, sealed } of updates) {
            let update = t.updateTable(col.table).set({ [col.column]: sealed });
            for (const k of col.key) update = update.where(k, '=', row[k]);
            const res = await update.where(col.column, '=', row[col.column]).executeTakeFirst();
            if (Number(res.numUpdatedRows) > 0) counts.resealed++;
            else counts.changed++;
          }
        });
      }
      if (rows.length < batch) break;
    }
  }
  return result;
}

/** Every sealed value sealed under `keyId` still in the store, per table (for checks and tests). */
export async function countSealedUnder(db: Db, keyId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const q = db as unknown as Kysely<any>;
  for (const col of SEALED_COLUMNS) {
    const row = await q.selectFrom(col.table).select((eb) => eb.fn.countAll().as('n'))
      .where(col.column, 'like', `v1.${keyId}.%`).executeTakeFirst();
    out[`${col.table}.${col.column}`] = Number(row?.n ?? 0);
  }
  return out;
}
