// POST /cgi-bin/stable_token (getStableAccessToken): normal mode hands out the same token until its
// last 300 s, then rotates (the old one keeps its remaining life); force_refresh invalidates and
// reissues, at most 20 per day and ≥ 30 s apart ("否则不会刷新": otherwise a normal-mode answer).
// Fully isolated from /cgi-bin/token: its own tokens, counters and quota.
import { isRecord } from '../json.js';
import { today } from '../quota.js';
import { wxError, wxJson, type Answer } from '../reply.js';
import type { AppTokens, Ctx, State } from '../state.js';
import { appTokensOf, issueToken, liveRecord, OVERLAP_MS, revoke, secondsLeft, TOKEN_TTL_MS } from '../tokens.js';
import { checkCredentials } from './credentials.js';
import type { UpstreamRequest } from './routes.js';

export const FORCE_PER_DAY = 20;
export const FORCE_INTERVAL_MS = 30_000;

interface StableBody {
  appid: string | undefined;
  secret: string | undefined;
  grantType: string | undefined;
  force: boolean;
}

export function postStableToken(ctx: Ctx, req: UpstreamRequest): Answer {
  const { state, config } = ctx;
  const parsed = parseBody(req);
  if (!('force' in parsed)) return parsed;
  const checked = checkCredentials(ctx, req.ip, parsed, () => wxError(40125, 'invalid appsecret'));
  if (!checked.ok) return checked.answer;
  const { app } = checked;

  const now = config.now();
  const tokens = appTokensOf(state, app.appid);
  const calls = today(tokens.stableCalls, now);
  if (calls.count >= app.stableDailyQuota) return wxError(45009, 'reach max api daily quota limit');
  calls.count += 1;

  const tooSoon = tokens.lastForceAt !== undefined && now - tokens.lastForceAt < FORCE_INTERVAL_MS;
  if (parsed.force && !tooSoon) {
    // The 21st force is refused outright (community report, WECHAT.md §3.2); a too-soon one is not counted.
    const forces = today(tokens.forces, now);
    if (forces.count >= FORCE_PER_DAY) return wxError(45009, 'reach max api daily quota limit');
    forces.count += 1;
    tokens.lastForceAt = now;
    // Force refresh exists for leaked tokens, so every stable token still honoured dies, not just the newest.
    for (const token of tokens.stable) revoke(state, token, now);
    return issue(state, tokens, app.appid, now);
  }

  const newest = tokens.stable.at(-1);
  const current = liveRecord(state, newest, now);
  if (current !== undefined && current.expiresAt - now > OVERLAP_MS) {
    return wxJson({ access_token: newest, expires_in: secondsLeft(current.expiresAt, now) });
  }
  // Refresh-ahead (or first fetch / after expiry): the old token is left to run out on its own.
  return issue(state, tokens, app.appid, now);
}

function issue(state: State, tokens: AppTokens, appid: string, now: number): Answer {
  const token = issueToken(state, 'stable', appid, now);
  // Only the newest and the one before can still be honoured; older entries are dead weight.
  tokens.stable = [...tokens.stable.slice(-1), token];
  return wxJson({ access_token: token, expires_in: TOKEN_TTL_MS / 1000 });
}

/** POST JSON only. Wrong-typed fields (e.g. force_refresh "false") are 40097, not silently coerced. */
function parseBody(req: UpstreamRequest): StableBody | Answer {
  if (req.json === undefined && req.text.trim() !== '') return wxError(47001, 'data format error');
  const body = isRecord(req.json) ? req.json : {};
  const strings = ['appid', 'secret', 'grant_type'].map((field) => body[field]);
  if (strings.some((value) => value !== undefined && typeof value !== 'string')) return wxError(40097, 'invalid args');
  const force = body.force_refresh;
  if (force !== undefined && typeof force !== 'boolean') return wxError(40097, 'invalid args');
  const [appid, secret, grantType] = strings as Array<string | undefined>;
  return { appid: appid || undefined, secret: secret || undefined, grantType, force: force ?? false };
}
