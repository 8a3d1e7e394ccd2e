// POST /__sandbox/corps: register a WeCom agent (an application of a corp) with its own secret.
// Re-posting an agent replaces its secret and keeps its token; ip_whitelist is kept unless given (null removes it).
import { controlJson } from '../reply.js';
import type { Agent, Corp } from '../state.js';
import type { ControlHandler } from './types.js';
import { asObject, badInput, optionalIpList, requiredString } from './validate.js';

export const postCorps: ControlHandler = (ctx, req) => {
  const body = asObject(req.body);
  const corpid = requiredString(body, 'corpid');
  const agentid = agentIdOf(body.agentid);
  const secret = requiredString(body, 'secret');
  const ipWhitelist = optionalIpList(body, 'ip_whitelist');

  let corp = ctx.state.corps.get(corpid);
  // gettoken finds the agent by its secret, so two agents of a corp cannot share one.
  for (const other of corp?.agents.values() ?? []) {
    if (other.agentid !== agentid && other.secret === secret) badInput(`agent ${other.agentid} of "${corpid}" already has this secret`);
  }
  if (corp === undefined) {
    corp = { corpid, agents: new Map(), corpTicketCalls: [] } satisfies Corp;
    ctx.state.corps.set(corpid, corp);
  }
  let agent = corp.agents.get(agentid);
  if (agent === undefined) {
    agent = { agentid, secret, corpTicketCalls: [], agentTicketCalls: [] } satisfies Agent;
    corp.agents.set(agentid, agent);
  }
  agent.secret = secret;
  if (ipWhitelist === null) delete agent.ipWhitelist;
  else if (ipWhitelist !== undefined) agent.ipWhitelist = ipWhitelist;
  return controlJson(200, { ok: true });
};

/**
 * WeCom agentids are integers (1000002); a numeric string is accepted and both are keyed alike. Either
 * must be a safe integer: beyond 2^53 distinct ids would round to the same key.
 */
function agentIdOf(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\d{1,18}$/.test(value)) {
    const id = Number(value);
    if (Number.isSafeInteger(id)) return String(id);
  }
  badInput('"agentid" must be a non-negative integer (or a string of digits)');
}
