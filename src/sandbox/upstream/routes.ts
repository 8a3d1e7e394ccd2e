// The upstream route table: path → per-method handlers. Adding a WeChat endpoint = one file + one entry here.
import type { Answer } from '../reply.js';
import type { Ctx } from '../state.js';
import { jscode2session } from './jscode2session.js';

export interface UpstreamRequest {
  method: string;
  query: URLSearchParams;
  /** The body parsed as JSON, or undefined when empty or not JSON (POST endpoints decide what that means). */
  json: unknown;
}

export type UpstreamHandler = (ctx: Ctx, req: UpstreamRequest) => Answer;

export interface UpstreamRoute {
  methods: Partial<Record<string, UpstreamHandler>>;
  /**
   * Answer for any method not in `methods`. Absent = 404 like an unknown path. Exists because WeChat
   * answers some wrong methods with an errcode instead (e.g. GET /cgi-bin/stable_token → 43002).
   */
  otherMethod?: UpstreamHandler;
}

export const upstreamRoutes: ReadonlyMap<string, UpstreamRoute> = new Map<string, UpstreamRoute>([
  ['/sns/jscode2session', { methods: { GET: jscode2session } }],
]);
