// Renews every token and ticket that is due: `mina-auth refresh` (cron) and the SCF timer trigger.
import type { Deps } from '../deps.js';
import { GatewayError } from '../dispatch/codes.js';
import { findApp } from './apps.js';
import { dueCredentials, getCredential, type CredentialSpec } from './credentials.js';
import { mpTicketSpec, mpTokenSpec, workAgentTicketSpec, workTicketSpec, workTokenSpec } from './tokens.js';

/** The spec of a stored credential, or null when its app or agent is gone. */
async function specOf(deps: Deps, kind: string, owner: string): Promise<CredentialSpec | null> {
  const [corpid = '', agentid = ''] = owner.split('/');
  switch (kind) {
    case 'mp_token':
    case 'mp_ticket': {
      const app = await findApp(deps.store.db, owner);
      if (!app) return null;
      return kind === 'mp_token' ? mpTokenSpec(deps, app) : mpTicketSpec(deps, app);
    }
    case 'work_token': return workTokenSpec(deps, corpid, agentid);
    case 'work_agent_ticket': return workAgentTicketSpec(deps, corpid, agentid);
    case 'work_ticket': {
      // The corp ticket is fetched with a token of any of the corp's agents.
      const agent = await deps.store.db.selectFrom('agents').select('agentid').where('corpid', '=', owner).orderBy('agentid').executeTakeFirst();
      return agent ? workTicketSpec(deps, owner, agent.agentid) : null;
    }
    default: return null;
  }
}

export async function refreshDue(deps: Deps): Promise<{ due: number; refreshed: number; failed: number }> {
  const due = await dueCredentials(deps.store.db, deps.clock.now());
  let refreshed = 0;
  let failed = 0;
  for (const { kind, owner } of due) {
    try {
      const spec = await specOf(deps, kind, owner);
      if (spec && (await getCredential(deps, spec)).fresh) refreshed++;
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      failed++;
      deps.log.warn('refresh failed', { kind, owner, returnCode: err.code });
    }
  }
  return { due: due.length, refreshed, failed };
}
