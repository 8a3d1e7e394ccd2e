// qyapi.weixin.qq.com paths: gettoken (same token per agent), its check order, trusted IPs,
// the enterprise and agent jsapi tickets with their rolling-hour limits, and WeCom token errors.
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import {
  CORPID,
  OPAQUE,
  SECOND,
  check,
  get,
  manualClock,
  post,
  registerAgent,
  sandbox,
  stableToken,
  registerApp,
  wecomToken,
} from './helpers.js';

const WECOM_ERRMSG = (text: string, code: number) =>
  new RegExp(
    `^${text}, hint: \\[\\d{25}\\], from ip: 127\\.0\\.0\\.1, more info at https://open\\.work\\.weixin\\.qq\\.com/devtool/query\\?e=${code}$`,
  );
const OTHER_SECRET = 'agent-secret-1000003';
const MINUTE = 60 * SECOND;

async function corpTicket(sb: Sandbox, token: string) {
  return get(sb, `/cgi-bin/get_jsapi_ticket?access_token=${token}`);
}
async function agentTicket(sb: Sandbox, token: string, type = 'agent_config') {
  return get(sb, `/cgi-bin/ticket/get?access_token=${token}&type=${type}`);
}

describe('WeCom /cgi-bin/gettoken', () => {
  it('returns the same token per agent while valid, as application/json with errcode 0', async () => {
    const clock = manualClock();
    const sb = await sandbox({ now: clock.now });
    await registerAgent(sb);
    await registerAgent(sb, { agentid: '1000003', secret: OTHER_SECRET });
    const first = await wecomToken(sb);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('application/json');
    expect(first.json).toEqual({ errcode: 0, errmsg: 'ok', access_token: expect.stringMatching(OPAQUE), expires_in: 7200 });
    clock.advance(1_000 * SECOND);
    expect((await wecomToken(sb)).json).toEqual({ errcode: 0, errmsg: 'ok', access_token: first.json.access_token, expires_in: 6200 });
    // Each agent has its own token.
    const other = (await wecomToken(sb, { corpsecret: OTHER_SECRET })).json.access_token;
    expect(other).not.toBe(first.json.access_token);
    // After expiry, a new one; the old one answers 42001.
    clock.advance(6_200 * SECOND);
    expect(await check(sb, first.json.access_token)).toEqual({ valid: false, errcode: 42001 });
    const renewed = (await wecomToken(sb)).json.access_token;
    expect(renewed).not.toBe(first.json.access_token);
    expect(await check(sb, renewed)).toEqual({ valid: true });
  });

  it('checks corpsecret before corpid, then corpid (40013), then the secret (40001)', async () => {
    const sb = await sandbox();
    await registerAgent(sb);
    const cases: Array<[Record<string, string | undefined>, number, string]> = [
      [{ corpid: undefined, corpsecret: undefined }, 41004, 'corpsecret missing'],
      [{ corpid: 'wwunknown', corpsecret: '' }, 41004, 'corpsecret missing'],
      [{ corpid: undefined }, 40013, 'invalid corpid'],
      [{ corpid: 'wwunknown' }, 40013, 'invalid corpid'],
      [{ corpsecret: 'wrong' }, 40001, 'invalid secret'],
    ];
    for (const [params, errcode, text] of cases) {
      const r = await wecomToken(sb, params);
      expect(r.status).toBe(200);
      expect(r.contentType).toBe('application/json');
      expect(r.json.errcode, JSON.stringify(params)).toBe(errcode);
      expect(r.json.errmsg).toMatch(WECOM_ERRMSG(text, errcode));
    }
  });

  it('re-posting an agent replaces its secret and keeps its token', async () => {
    const sb = await sandbox();
    await registerAgent(sb);
    const token = (await wecomToken(sb)).json.access_token;
    await registerAgent(sb, { secret: 'rotated' });
    expect((await wecomToken(sb)).json.errcode).toBe(40001);
    expect((await wecomToken(sb, { corpsecret: 'rotated' })).json.access_token).toBe(token);
    // Two agents of one corp may not share a secret (gettoken finds the agent by it).
    expect((await post(sb, '/__sandbox/corps', { corpid: CORPID, agentid: 7, secret: 'rotated' })).status).toBe(400);
  });

  it('keys an agentid given as digits like the number, and refuses ids beyond 2^53 (they would collide)', async () => {
    const sb = await sandbox();
    // The largest safe integer, as a string with a leading zero: the same agent as the number.
    await registerAgent(sb, { agentid: '09007199254740991' });
    expect((await get(sb, `/__sandbox/tokens?corpid=${CORPID}&agentid=9007199254740991`)).status).toBe(200);
    // Both of these strings would be keyed "9007199254740992", i.e. be one agent.
    for (const agentid of ['9007199254740992', '9007199254740993', 9007199254740992]) {
      const r = await post(sb, '/__sandbox/corps', { corpid: CORPID, agentid, secret: `secret-${agentid}` });
      expect(r.status, JSON.stringify(agentid)).toBe(400);
      expect(typeof r.json.error).toBe('string');
    }
  });

  it('answers 60020 from an IP outside the agent whitelist', async () => {
    const sb = await sandbox();
    await registerAgent(sb, { ip_whitelist: ['203.0.113.9'] });
    const r = await wecomToken(sb);
    expect(r.json.errcode).toBe(60020);
    expect(r.json.errmsg).toMatch(WECOM_ERRMSG('not allow to access from your ip', 60020));
    await registerAgent(sb); // omitted: kept
    expect((await wecomToken(sb)).json.errcode).toBe(60020);
    await registerAgent(sb, { ip_whitelist: ['127.0.0.1'] });
    expect((await wecomToken(sb)).json.errcode).toBe(0);
  });
});

describe('WeCom tickets', () => {
  it('hands out the same corp ticket to every agent of the corp, and one agent ticket per agent', async () => {
    const clock = manualClock();
    const sb = await sandbox({ now: clock.now });
    await registerAgent(sb);
    await registerAgent(sb, { agentid: 1000003, secret: OTHER_SECRET });
    const a = (await wecomToken(sb)).json.access_token;
    const b = (await wecomToken(sb, { corpsecret: OTHER_SECRET })).json.access_token;
    const corpA = await corpTicket(sb, a);
    expect(corpA.contentType).toBe('application/json');
    expect(corpA.json).toEqual({ errcode: 0, errmsg: 'ok', ticket: expect.stringMatching(OPAQUE), expires_in: 7200 });
    clock.advance(100 * SECOND);
    expect((await corpTicket(sb, b)).json).toEqual({ errcode: 0, errmsg: 'ok', ticket: corpA.json.ticket, expires_in: 7100 });

    const agentA = (await agentTicket(sb, a)).json;
    const agentB = (await agentTicket(sb, b)).json;
    expect(agentA).toEqual({ errcode: 0, errmsg: 'ok', ticket: expect.stringMatching(OPAQUE), expires_in: 7200 });
    expect(agentB.ticket).not.toBe(agentA.ticket);
    expect(agentA.ticket).not.toBe(corpA.json.ticket);
    clock.advance(100 * SECOND);
    expect((await agentTicket(sb, a)).json).toEqual({ errcode: 0, errmsg: 'ok', ticket: agentA.ticket, expires_in: 7100 });
    const view = (await get(sb, `/__sandbox/tokens?corpid=${CORPID}&agentid=1000002`)).json;
    expect(view.wecom.access_token).toBe(a);
    expect(view.corp_ticket.ticket).toBe(corpA.json.ticket);
    expect(view.agent_ticket.ticket).toBe(agentA.ticket);

    // The agent ticket belongs to the agent, not to the token: the agent's next token sees the same one
    // until the ticket itself expires.
    clock.advance(7_000 * SECOND);
    const a2 = (await wecomToken(sb)).json.access_token;
    expect(a2).not.toBe(a);
    expect((await agentTicket(sb, a2)).json).toMatchObject({ ticket: agentA.ticket, expires_in: 100 });
    clock.advance(100 * SECOND);
    expect((await agentTicket(sb, a2)).json.ticket).not.toBe(agentA.ticket);
  });

  it('limits corp tickets to 100 per agent per rolling hour (45009), then frees them', async () => {
    const clock = manualClock();
    const sb = await sandbox({ now: clock.now });
    await registerAgent(sb);
    const token = (await wecomToken(sb)).json.access_token;
    for (let i = 0; i < 100; i++) {
      expect((await corpTicket(sb, token)).json.errcode).toBe(0);
      if (i === 49) clock.advance(30 * MINUTE);
    }
    const refused = await corpTicket(sb, token);
    expect(refused.json.errcode).toBe(45009);
    expect(refused.json.errmsg).toMatch(WECOM_ERRMSG('api freq out of limit', 45009));
    // The agent ticket has its own counter.
    expect((await agentTicket(sb, token)).json.errcode).toBe(0);
    // One hour after the first 50, those 50 slots are free again (refusals did not count).
    clock.advance(30 * MINUTE);
    for (let i = 0; i < 50; i++) expect((await corpTicket(sb, token)).json.errcode).toBe(0);
    expect((await corpTicket(sb, token)).json.errcode).toBe(45009);
  });

  it('limits corp tickets to 400 per corp per hour across its agents', async () => {
    const sb = await sandbox({ now: () => Date.UTC(2024, 0, 1) });
    const tokens: string[] = [];
    for (let agent = 1; agent <= 5; agent++) {
      await registerAgent(sb, { agentid: agent, secret: `secret-${agent}` });
      tokens.push((await wecomToken(sb, { corpsecret: `secret-${agent}` })).json.access_token);
    }
    for (const token of tokens.slice(0, 4)) {
      for (let i = 0; i < 100; i++) expect((await corpTicket(sb, token)).json.errcode).toBe(0);
    }
    // Agent 5 has used none of its own 100, but the corp has used its 400.
    expect((await corpTicket(sb, tokens[4]!)).json.errcode).toBe(45009);
  });

  it('limits agent tickets to 100 per agent per hour', async () => {
    const clock = manualClock();
    const sb = await sandbox({ now: clock.now });
    await registerAgent(sb);
    await registerAgent(sb, { agentid: 1000003, secret: OTHER_SECRET });
    const token = (await wecomToken(sb)).json.access_token;
    for (let i = 0; i < 100; i++) expect((await agentTicket(sb, token)).json.errcode).toBe(0);
    expect((await agentTicket(sb, token)).json.errcode).toBe(45009);
    const other = (await wecomToken(sb, { corpsecret: OTHER_SECRET })).json.access_token;
    expect((await agentTicket(sb, other)).json.errcode).toBe(0);
    clock.advance(60 * MINUTE);
    expect((await agentTicket(sb, token)).json.errcode).toBe(0);
  });

  it('answers WeCom token errors: 41001 missing, 40014 unknown or WeChat, 42001 expired; 40058 for a bad type', async () => {
    const clock = manualClock();
    const sb = await sandbox({ now: clock.now });
    await registerAgent(sb);
    await registerApp(sb);
    const wechat = (await stableToken(sb)).json.access_token;
    const token = (await wecomToken(sb)).json.access_token;
    const cases: Array<[string, number, string]> = [
      ['/cgi-bin/get_jsapi_ticket', 41001, 'access_token missing'],
      ['/cgi-bin/get_jsapi_ticket?access_token=', 41001, 'access_token missing'],
      ['/cgi-bin/ticket/get?type=agent_config', 41001, 'access_token missing'],
      ['/cgi-bin/get_jsapi_ticket?access_token=garbage', 40014, 'invalid access_token'],
      [`/cgi-bin/ticket/get?type=agent_config&access_token=${wechat}`, 40014, 'invalid access_token'],
      [`/cgi-bin/ticket/get?type=jsapi&access_token=${token}`, 40058, 'invalid Parameter'],
    ];
    for (const [path, errcode, text] of cases) {
      const r = await get(sb, path);
      expect(r.contentType).toBe('application/json');
      expect(r.json.errcode, path).toBe(errcode);
      expect(r.json.errmsg).toMatch(WECOM_ERRMSG(text, errcode));
    }
    // A token in a header is ignored, as on qyapi.
    const header = await get(sb, '/cgi-bin/get_jsapi_ticket', { headers: { authorization: `Bearer ${token}` } });
    expect(header.json.errcode).toBe(41001);
    expect(await check(sb, token, 'wechat')).toEqual({ valid: false, errcode: 40001 });
    clock.advance(7200 * SECOND);
    const expired = await corpTicket(sb, token);
    expect(expired.json.errcode).toBe(42001);
    expect(expired.json.errmsg).toMatch(WECOM_ERRMSG('access_token expired', 42001));
  });
});
