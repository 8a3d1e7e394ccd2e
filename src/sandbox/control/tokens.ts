// Token introspection for tests, read-only and never counted in stats:
//   GET /__sandbox/tokens?appid=  or  ?corpid=&agentid=   which tokens/tickets are honoured right now
//   GET /__sandbox/check?access_token=[&api=wechat|wecom]  what a real API call with that token would answer
import { controlJson } from '../reply.js';
import type { Ctx, Ticket, TokenRecord } from '../state.js';
import { checkToken, diesAt, liveRecord, type Api } from '../tokens.js';
import type { ControlHandler } from './types.js';
import { badInput } from './validate.js';

/** All times are ms on the sandbox clock (the `now` option), like every other sandbox time. */
interface TokenView {
  access_token: string;
  issued_at: number;
  expires_at: number;
  /** When it stops being honoured: expires_at, or earlier once superseded / force-refreshed. */
  valid_until: number;
}

export const getTokens: ControlHandler = (ctx, req) => {
  const appid = req.query.get('appid');
  const corpid = req.query.get('corpid');
  if (appid) return appTokensView(ctx, appid);
  if (corpid) return agentTokensView(ctx, corpid, req.query.get('agentid') ?? '');
  badInput('give "appid", or "corpid" and "agentid"');
};

/**
 * `stable`: the newest stable token if still honoured (what normal mode returns, unless it is in its last
 * 300 s); `stable_honoured` / `classic`: every stable / /cgi-bin/token token still honoured, oldest first
 * (two after a refresh-ahead rotation / during the 300 s overlap).
 */
function appTokensView(ctx: Ctx, appid: string) {
  const { state } = ctx;
  if (!state.apps.has(appid)) return controlJson(404, { error: `unknown appid "${appid}"` });
  const now = ctx.config.now();
  const tokens = state.appTokens.get(appid);
  const honoured = (list: string[]) => list.flatMap((token) => view(token, liveRecord(state, token, now)));
  const current = tokens?.stable.at(-1);
  return controlJson(200, {
    stable: view(current, liveRecord(state, current, now))[0] ?? null,
    stable_honoured: honoured(tokens?.stable ?? []),
    classic: honoured(tokens?.classic ?? []),
    jsapi_ticket: ticketView(tokens?.jsapiTicket, now),
  });
}

function agentTokensView(ctx: Ctx, corpid: string, agentid: string) {
  const { state } = ctx;
  const corp = state.corps.get(corpid);
  const agent = corp?.agents.get(agentid);
  if (corp === undefined || agent === undefined) {
    return controlJson(404, { error: `unknown agent "${agentid}" of corp "${corpid}"` });
  }
  const now = ctx.config.now();
  return controlJson(200, {
    wecom: view(agent.token, liveRecord(state, agent.token, now))[0] ?? null,
    corp_ticket: ticketView(corp.corpTicket, now),
    agent_ticket: ticketView(agent.agentTicket, now),
  });
}

export const getCheck: ControlHandler = (ctx, req) => {
  const token = req.query.get('access_token');
  const api = req.query.get('api');
  if (api !== null && api !== 'wechat' && api !== 'wecom') badInput('"api" must be "wechat" or "wecom"');
  // Without `api`, ask the server the token belongs to; an unknown token is asked of WeChat.
  const kind = token ? ctx.state.tokens.get(token)?.kind : undefined;
  const asked: Api = (api as Api | null) ?? (kind === 'wecom' ? 'wecom' : 'wechat');
  const check = checkToken(ctx.state, asked, token, ctx.config.now());
  return controlJson(200, check.ok ? { valid: true } : { valid: false, errcode: check.errcode });
};

function view(token: string | undefined, record: TokenRecord | undefined): TokenView[] {
  if (token === undefined || record === undefined) return [];
  return [{ access_token: token, issued_at: record.issuedAt, expires_at: record.expiresAt, valid_until: diesAt(record) }];
}

function ticketView(ticket: Ticket | undefined, now: number): { ticket: string; expires_at: number } | null {
  return ticket !== undefined && now < ticket.expiresAt ? { ticket: ticket.ticket, expires_at: ticket.expiresAt } : null;
}
