// POST /__sandbox/faults: queue failures for the next calls to an upstream path (FIFO per path).
import { controlJson } from '../reply.js';
import type { FaultMode } from '../state.js';
import { upstreamRoutes } from '../upstream/routes.js';
import type { ControlHandler } from './types.js';
import { asObject, badInput, optionalInteger, requiredString } from './validate.js';

const MODES: readonly FaultMode[] = ['timeout', 'http500', 'errcode', 'garbage'];

export const postFaults: ControlHandler = (ctx, req) => {
  const body = asObject(req.body);
  const path = requiredString(body, 'path');
  // Rejecting unknown paths catches typos that would otherwise make a fault silently never fire.
  if (!upstreamRoutes.has(path)) badInput(`"path" must be a simulated upstream path, e.g. /sns/jscode2session`);
  const mode = body.mode;
  if (!MODES.includes(mode as FaultMode)) badInput(`"mode" must be one of ${MODES.join(', ')}`);
  const errcode = body.errcode === undefined ? -1 : body.errcode;
  if (typeof errcode !== 'number' || !Number.isSafeInteger(errcode)) badInput('"errcode" must be an integer');
  const times = optionalInteger(body, 'times', 1) ?? 1;

  const queue = ctx.state.faults.get(path) ?? [];
  queue.push({ mode: mode as FaultMode, errcode, remaining: times });
  ctx.state.faults.set(path, queue);
  return controlJson(200, { ok: true });
};
