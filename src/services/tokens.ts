// Which credential is which: the specs of access tokens and tickets (mini program / Official Account, WeCom),
// and the calls that use a token (one refresh and retry on a token error).
import { GatewayError } from '../dispatch/codes.js';
import type { Deps } from '../deps.js';
import type { AppRow } from '../store/types.js';
import { UpstreamError, type Fetched } from '../wechat/client.js';
import { isTokenError, upstreamToGateway, type UpstreamUse } from '../wechat/errors.js';
import { agentOwner, cachedAgent, openAgentSecret } from './agents.js';
import { openSecret } from './apps.js';
import { getCredential, type Credential, type CredentialSpec } from './credentials.js';

/** One spec per app row read (the row cache keeps a row ≤ 2 s): a warm token call builds none. */
const mpTokenSpecs = new WeakMap<AppRow, CredentialSpec>();

/** Stable tokens rotate in their last 5 minutes; classic ones are renewed 10 minutes ahead. */
export function mpTokenSpec(deps: Deps, app: AppRow): CredentialSpec {
  let spec = mpTokenSpecs.get(app);
  if (!spec) {
    const classic = app.token_api === 'classic';
    spec = {
      kind: 'mp_token', owner: app.appid, ahead: classic ? 600 : 300, rotatesOnFetch: classic,
      forceBudget: classic ? 200 : 10, use: 'token',
      fetch: (force) => (classic
        ? deps.wechat.classicToken(app.appid, openSecret(deps.box, app))
        : deps.wechat.stableToken(app.appid, openSecret(deps.box, app), force)),
    };
    mpTokenSpecs.set(app, spec);
  }
  return spec;
}

/** Runs `call` with the token; on a token error reports it (one refresh, compare-and-swap) and retries once. */
export async function withToken<T>(deps: Deps, spec: CredentialSpec, use: UpstreamUse, call: (token: string) => Promise<T>): Promise<T> {
  const translated = (err: unknown) => (err instanceof UpstreamError ? upstreamToGateway(err, use) : err);
  const token = await getCredential(deps, spec);
  try {
    return await call(token.value);
  } catch (err) {
    if (!isTokenError(err)) throw translated(err);
  }
  const renewed = await getCredential(deps, spec, { invalid: token.value });
  return call(renewed.value).catch((err: unknown) => { throw translated(err); });
}

/** A ticket is fetched again on expiry, on a ticket error, or on a budgeted force. */
const ticketSpec = (kind: CredentialSpec['kind'], owner: string, fetch: (force: boolean) => Promise<Fetched>): CredentialSpec =>
  ({ kind, owner, ahead: 0, rotatesOnFetch: false, forceBudget: 20, use: 'ticket', fetch });

export function mpTicketSpec(deps: Deps, app: AppRow): CredentialSpec {
  return ticketSpec('mp_ticket', app.appid, () => withToken(deps, mpTokenSpec(deps, app), 'ticket', (t) => deps.wechat.jsapiTicket(t)));
}

export async function workTokenSpec(deps: Deps, corpid: string, agentid: string): Promise<CredentialSpec> {
  const agent = await cachedAgent(deps, corpid, agentid);
  if (!agent) throw new GatewayError(1012, `WeCom agent ${corpid}/${agentid} is not registered (qcloud.work.initagent)`);
  // WeCom answers the same token while it is valid: renewing early gains nothing.
  return {
    kind: 'work_token', owner: agentOwner(corpid, agentid), ahead: 0, rotatesOnFetch: false, forceBudget: 10, use: 'token',
    fetch: () => deps.wechat.wecomToken(corpid, openAgentSecret(deps.box, agent)),
  };
}

/** The corp's jsapi_ticket (wx.config) belongs to the corp; it is fetched with the calling agent's token. */
export async function workTicketSpec(deps: Deps, corpid: string, agentid: string): Promise<CredentialSpec> {
  const token = await workTokenSpec(deps, corpid, agentid);
  return ticketSpec('work_ticket', corpid, () => withToken(deps, token, 'ticket', (t) => deps.wechat.wecomCorpTicket(t)));
}

/** The agent's ticket (wx.agentConfig) has its own expiry. */
export async function workAgentTicketSpec(deps: Deps, corpid: string, agentid: string): Promise<CredentialSpec> {
  const token = await workTokenSpec(deps, corpid, agentid);
  return ticketSpec('work_agent_ticket', agentOwner(corpid, agentid), () => withToken(deps, token, 'ticket', (t) => deps.wechat.wecomAgentTicket(t)));
}

/** The envelope's `expires_in` of a credential (its `exp` is `expiresAt`, the real end): what is left of it. */
export const secondsLeft = (c: Credential, now: number) => Math.max(0, c.expiresAt - now);
