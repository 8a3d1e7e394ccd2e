// Shared shape of control-API handlers (kept apart so handler files and the route table don't import each other).
import type { Answer } from '../reply.js';
import type { Ctx } from '../state.js';

export interface ControlRequest {
  query: URLSearchParams;
  /** Parsed JSON body for POST; undefined for GET. */
  body: unknown;
}

export type ControlHandler = (ctx: Ctx, req: ControlRequest) => Answer;
