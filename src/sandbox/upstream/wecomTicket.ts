// WeCom JS-SDK tickets, both answered for the agent whose token is presented:
//   GET /cgi-bin/get_jsapi_ticket          enterprise ticket: one per corp; ≤ 400/h per corp and ≤ 100/h per agent
//   GET /cgi-bin/ticket/get?type=agent_config  agent ticket: one per agent; ≤ 100/h per agent
// Same ticket while valid; over a rolling-hour limit → 45009 (WECHAT.md §6.2, §6.3, §8).
import { lastHour } from '../quota.js';
import { wecomError, wecomJson, type Answer } from '../reply.js';
import type { Agent, Corp, Ctx } from '../state.js';
import { checkToken, currentTicket, secondsLeft } from '../tokens.js';
import type { UpstreamRequest } from './routes.js';

export const CORP_TICKETS_PER_HOUR_PER_CORP = 400;
export const CORP_TICKETS_PER_HOUR_PER_AGENT = 100;
export const AGENT_TICKETS_PER_HOUR = 100;

type Caller = { ok: true; corp: Corp; agent: Agent; now: number } | { ok: false; answer: Answer };

export function getCorpTicket(ctx: Ctx, req: UpstreamRequest): Answer {
  const caller = callerOf(ctx, req);
  if (!caller.ok) return caller.answer;
  const { corp, agent, now } = caller;
  if (
    lastHour(agent.corpTicketCalls, now) >= CORP_TICKETS_PER_HOUR_PER_AGENT ||
    lastHour(corp.corpTicketCalls, now) >= CORP_TICKETS_PER_HOUR_PER_CORP
  ) {
    return freqOut(req, now);
  }
  agent.corpTicketCalls.push(now);
  corp.corpTicketCalls.push(now);
  corp.corpTicket = currentTicket(corp.corpTicket, 'CJ', now);
  return wecomJson({ ticket: corp.corpTicket.ticket, expires_in: secondsLeft(corp.corpTicket.expiresAt, now) });
}

export function getAgentTicket(ctx: Ctx, req: UpstreamRequest): Answer {
  const caller = callerOf(ctx, req);
  if (!caller.ok) return caller.answer;
  const { agent, now } = caller;
  // agent_config is the only type this path serves; 40058 is WeCom's generic "invalid parameter".
  if (req.query.get('type') !== 'agent_config') return wecomError(40058, 'invalid Parameter', req.ip, now);
  if (lastHour(agent.agentTicketCalls, now) >= AGENT_TICKETS_PER_HOUR) return freqOut(req, now);
  agent.agentTicketCalls.push(now);
  agent.agentTicket = currentTicket(agent.agentTicket, 'AJ', now);
  return wecomJson({ ticket: agent.agentTicket.ticket, expires_in: secondsLeft(agent.agentTicket.expiresAt, now) });
}

/** The agent behind `?access_token=` (WeCom reads the token from the query only). */
function callerOf(ctx: Ctx, req: UpstreamRequest): Caller {
  const now = ctx.config.now();
  const check = checkToken(ctx.state, 'wecom', req.query.get('access_token'), now);
  if (!check.ok) return { ok: false, answer: wecomError(check.errcode, check.errmsg, req.ip, now) };
  const corp = ctx.state.corps.get(check.record.owner);
  const agent = check.record.agentid === undefined ? undefined : corp?.agents.get(check.record.agentid);
  // Unreachable while tokens and corps are reset together; answered like any unknown token regardless.
  if (corp === undefined || agent === undefined) {
    return { ok: false, answer: wecomError(40014, 'invalid access_token', req.ip, now) };
  }
  return { ok: true, corp, agent, now };
}

function freqOut(req: UpstreamRequest, now: number): Answer {
  return wecomError(45009, 'api freq out of limit', req.ip, now);
}
