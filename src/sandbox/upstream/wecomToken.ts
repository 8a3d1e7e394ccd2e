// GET /cgi-bin/gettoken (WeCom): corpsecret is checked before corpid (community probe, WECHAT.md §6.1);
// the secret picks the agent; each agent has one token, the same one until it expires.
import { wecomError, wecomJson, type Answer } from '../reply.js';
import type { Agent, Corp, Ctx } from '../state.js';
import { issueToken, liveRecord, secondsLeft, TOKEN_TTL_MS } from '../tokens.js';
import type { UpstreamRequest } from './routes.js';

export function wecomGetToken(ctx: Ctx, req: UpstreamRequest): Answer {
  const { state, config } = ctx;
  const now = config.now();
  const fail = (errcode: number, text: string): Answer => wecomError(errcode, text, req.ip, now);
  const corpid = req.query.get('corpid') || undefined;
  const secret = req.query.get('corpsecret') || undefined;
  if (secret === undefined) return fail(41004, 'corpsecret missing');
  // A missing corpid reads as an invalid one: WeCom has no separate "corpid missing" answer.
  const corp = corpid === undefined ? undefined : state.corps.get(corpid);
  if (corp === undefined) return fail(40013, 'invalid corpid');
  const agent = agentBySecret(corp, secret);
  if (agent === undefined) return fail(40001, 'invalid secret');
  if (agent.ipWhitelist !== undefined && !agent.ipWhitelist.includes(req.ip)) {
    return fail(60020, 'not allow to access from your ip');
  }

  // "有效期内重复获取返回相同结果，过期后获取会返回新的access_token".
  const current = liveRecord(state, agent.token, now);
  if (current !== undefined && agent.token !== undefined) {
    return wecomJson({ access_token: agent.token, expires_in: secondsLeft(current.expiresAt, now) });
  }
  agent.token = issueToken(state, 'wecom', corp.corpid, now, agent.agentid);
  return wecomJson({ access_token: agent.token, expires_in: TOKEN_TTL_MS / 1000 });
}

function agentBySecret(corp: Corp, secret: string): Agent | undefined {
  for (const agent of corp.agents.values()) if (agent.secret === secret) return agent;
  return undefined;
}
