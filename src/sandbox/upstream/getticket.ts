// GET /cgi-bin/ticket/getticket?type=jsapi (Official Account JS-SDK ticket): one ticket per app,
// the same one while valid, a new one after expiry. Token errors first, then the type.
import { wxError, wxJson, type Answer } from '../reply.js';
import type { Ctx } from '../state.js';
import { appTokensOf, checkToken, currentTicket, secondsLeft } from '../tokens.js';
import type { UpstreamRequest } from './routes.js';

export function getJsapiTicket(ctx: Ctx, req: UpstreamRequest): Answer {
  const { state, config } = ctx;
  const now = config.now();
  const check = checkToken(state, 'wechat', req.query.get('access_token'), now);
  if (!check.ok) return wxError(check.errcode, check.errmsg);
  // wx_card exists upstream but is out of scope; anything but jsapi is refused rather than faked.
  if (req.query.get('type') !== 'jsapi') return wxError(40097, 'invalid args');

  const tokens = appTokensOf(state, check.record.owner);
  const ticket = currentTicket(tokens.jsapiTicket, 'JT', now);
  tokens.jsapiTicket = ticket;
  return wxJson({ errcode: 0, errmsg: 'ok', ticket: ticket.ticket, expires_in: secondsLeft(ticket.expiresAt, now) });
}
