// The upstream route table: path → per-method handlers. Adding a WeChat endpoint = one file + one entry here.
// api.weixin.qq.com and qyapi.weixin.qq.com paths share the table: none of them collide.
import { wxError, type Answer } from '../reply.js';
import type { Ctx } from '../state.js';
import type { Api } from '../tokens.js';
import { getJsapiTicket } from './getticket.js';
import { jscode2session } from './jscode2session.js';
import { getUserPhoneNumber } from './phoneNumber.js';
import { postStableToken } from './stableToken.js';
import { getToken } from './token.js';
import { getAgentTicket, getCorpTicket } from './wecomTicket.js';
import { wecomGetToken } from './wecomToken.js';

export interface UpstreamRequest {
  method: string;
  query: URLSearchParams;
  /** The body parsed as JSON, or undefined when empty or not JSON (POST endpoints decide what that means). */
  json: unknown;
  /** The raw body, so a POST endpoint can tell "no body" from "not JSON". */
  text: string;
  /** The caller's socket address, IPv4 without the `::ffff:` prefix (whitelists, WeCom's `from ip:`). */
  ip: string;
}

export type UpstreamHandler = (ctx: Ctx, req: UpstreamRequest) => Answer;

export interface UpstreamRoute {
  /** Whose wire style faults answer in. Absent = WeChat. */
  api?: Api;
  methods: Partial<Record<string, UpstreamHandler>>;
  /**
   * Answer for any method not in `methods`. Absent = 404 like an unknown path. Exists because WeChat
   * answers some wrong methods with an errcode instead (e.g. GET /cgi-bin/stable_token → 43002).
   */
  otherMethod?: UpstreamHandler;
}

const requirePost: UpstreamHandler = () => wxError(43002, 'require POST method');

export const upstreamRoutes: ReadonlyMap<string, UpstreamRoute> = new Map<string, UpstreamRoute>([
  ['/sns/jscode2session', { methods: { GET: jscode2session } }],
  ['/cgi-bin/token', { methods: { GET: getToken } }],
  ['/cgi-bin/stable_token', { methods: { POST: postStableToken }, otherMethod: requirePost }],
  ['/cgi-bin/ticket/getticket', { methods: { GET: getJsapiTicket } }],
  ['/wxa/business/getuserphonenumber', { methods: { POST: getUserPhoneNumber }, otherMethod: requirePost }],
  ['/cgi-bin/gettoken', { api: 'wecom', methods: { GET: wecomGetToken } }],
  ['/cgi-bin/get_jsapi_ticket', { api: 'wecom', methods: { GET: getCorpTicket } }],
  ['/cgi-bin/ticket/get', { api: 'wecom', methods: { GET: getAgentTicket } }],
]);
