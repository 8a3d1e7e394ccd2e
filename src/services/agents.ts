// WeCom agents (corpid/agentid): registration by `qcloud.work.initagent`, secrets sealed at rest.
import type { Deps } from '../deps.js';
import { isConstraintViolation } from '../store/errors.js';
import type { AgentRow, Db } from '../store/types.js';
import { forgetCredentials } from './credentials.js';
import { opensTo, type SecretBox } from './secretbox.js';

/** The owner of an agent's tokens and tickets in `credentials`, and the resource its scopes name. */
export const agentOwner = (corpid: string, agentid: string) => `${corpid}/${agentid}`;

/** The sealing context of an agent's secret (also read by `mina-auth rekey` and `doctor`). */
export const agentSecretContext = (corpid: string, agentid: string) => `agents.secret:${corpid}/${agentid}`;

export async function findAgent(db: Db, corpid: string, agentid: string): Promise<AgentRow | null> {
  return (await db.selectFrom('agents').selectAll().where('corpid', '=', corpid).where('agentid', '=', agentid).executeTakeFirst()) ?? null;
}

const agentRow = (corpid: string, agentid: string) => `agent:${corpid}/${agentid}`;

/** The agent as this process read it ≤ 2 s ago. */
export const cachedAgent = (deps: Deps, corpid: string, agentid: string) =>
  deps.rows.read(agentRow(corpid, agentid), () => findAgent(deps.store.db, corpid, agentid));

/** After a change through this process: its next read comes from the store. */
export const forgetAgent = (deps: Deps, corpid: string, agentid: string) => deps.rows.forget(agentRow(corpid, agentid));

export const openAgentSecret = (box: SecretBox, agent: Pick<AgentRow, 'corpid' | 'agentid' | 'secret_sealed'>) =>
  box.open(agent.secret_sealed, agentSecretContext(agent.corpid, agent.agentid));

export interface AgentInput {
  corpid: string;
  agentid: string;
  secret: string;
  /** Absent: a new agent has none, a rotation keeps the one it had. */
  remark?: string;
}

/**
 * Registers an agent, or rotates its secret. A secret that differs from the stored one makes the agent's cached
 * tokens and tickets worthless, so they are forgotten in the same transaction.
 */
export async function putAgent(db: Db, box: SecretBox, now: number, input: AgentInput): Promise<'created' | 'rotated' | 'unchanged'> {
  const { corpid, agentid } = input;
  const sealed = box.seal(input.secret, agentSecretContext(corpid, agentid));
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const old = await findAgent(trx, corpid, agentid);
        if (!old) {
          await trx.insertInto('agents').values({ corpid, agentid, secret_sealed: sealed, remark: input.remark ?? null, created_at: now, updated_at: now }).execute();
          // Leftovers of an earlier agent with these ids (e.g. imported) are not this agent's.
          await forgetCredentials(trx, [agentOwner(corpid, agentid)]);
          return 'created';
        }
        const rotated = !opensTo(() => openAgentSecret(box, old), input.secret);
        await trx.updateTable('agents')
          .set({ updated_at: now, ...(rotated ? { secret_sealed: sealed } : {}), ...(input.remark !== undefined ? { remark: input.remark } : {}) })
          .where('corpid', '=', corpid).where('agentid', '=', agentid).execute();
        if (rotated) await forgetCredentials(trx, [agentOwner(corpid, agentid)]);
        return rotated ? 'rotated' : 'unchanged';
      });
    } catch (err) {
      // Two registrations at once: the loser's insert hits the primary key and becomes a rotation.
      if (attempt === 0 && isConstraintViolation(err)) continue;
      throw err;
    }
  }
}

export async function listAgents(db: Db): Promise<AgentRow[]> {
  return db.selectFrom('agents').selectAll().orderBy('corpid').orderBy('agentid').execute();
}

/** Removes an agent with its cached tokens and tickets; false when it was not registered. */
export async function removeAgent(db: Db, corpid: string, agentid: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const res = await trx.deleteFrom('agents').where('corpid', '=', corpid).where('agentid', '=', agentid).executeTakeFirst();
    await forgetCredentials(trx, [agentOwner(corpid, agentid)]);
    return Number(res.numDeletedRows) > 0;
  });
}
