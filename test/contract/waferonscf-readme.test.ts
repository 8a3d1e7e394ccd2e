// The request examples of the WaferOnSCF README (sdlyfjx/WaferOnSCF, the fork this project descends from),
// sent as its README says (`curl …/mina_auth/ -X POST -H 'content-type:application/json' -d '{…}'`), with real
// values filled in and a caller key where PROTOCOL §4 requires one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.js';
import { recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

const envelope = (interfaceName: string, para: Record<string, unknown>) =>
  JSON.stringify({ version: 1, componentName: 'MA', interface: { interfaceName, para } });

describe.each(DIALECTS)('the WaferOnSCF README examples on %s', (dialect) => {
  let w: World;
  let appid = '';
  let admin = '';
  let service = '';
  beforeAll(async () => {
    w = await startWorld(dialect);
    ({ appid } = await w.addApp());
    ({ key: admin } = await w.callerKey('ops', ['admin']));
    ({ key: service } = await w.callerKey('svc', ['qcloud.mimi.*:*', 'qcloud.work.*:*']));
  });
  afterAll(async () => { await w?.close(); });

  const curl = async (body: string, key?: string) => {
    const r = await w.request('/mina_auth/', { body, headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) } });
    expect(r.status).toBe(200);
    recordSecret(r.json?.returnData?.skey, r.json?.returnData?.access_token, r.json?.returnData?.ticket, r.json?.returnData?.agent_ticket);
    return r.json;
  };

  it('id_skey {appid, code}, then userinfo, auth and decrypt with the session', async () => {
    const { code, openid } = await w.wxLogin(appid);
    const login = await curl(envelope('qcloud.cam.id_skey', { appid, code }));
    expect(login).toMatchObject({ returnCode: 0, returnMessage: 'NEW_SESSION_SUCCESS', returnData: { appid, openid, unionid: null } });
    const { id, skey } = login.returnData;

    const { encrypt_data, iv } = await w.encrypt(appid, openid, { nickName: 'Band', openId: openid });
    const userinfo = await curl(envelope('qcloud.cam.userinfo', { id, skey, encrypt_data, iv }));
    expect(userinfo).toMatchObject({ returnCode: 0, returnMessage: 'UPDATE_USERINFO_SUCCESS', returnData: { id, appid, user_info: { nickName: 'Band' } } });

    const auth = await curl(envelope('qcloud.cam.auth', { id, skey, appid }));
    expect(auth).toMatchObject({ returnCode: 0, returnMessage: 'AUTH_SUCCESS', returnData: { user_info: { nickName: 'Band' } } });

    // The README's "decrypt" example names qcloud.cam.auth (a known typo there): auth refuses the extra keys by name.
    const typo = await curl(envelope('qcloud.cam.auth', { id, skey, encrypt_data, iv }));
    expect(typo).toMatchObject({ returnCode: 1003, returnMessage: 'PARA_ERR' });
    expect(typo.detail).toContain('"encrypt_data"');
    const decrypt = await curl(envelope('qcloud.cam.decrypt', { id, skey, encrypt_data, iv }));
    expect(decrypt).toMatchObject({ returnCode: 0, returnMessage: 'DECRYPT_SUCCESS', returnData: { nickName: 'Band' } });
  });

  it('the README text pasted verbatim (// comments, trailing commas) is not JSON: 1009', async () => {
    const verbatim = `{"version":1,"componentName":"MA","interface":{"interfaceName":"qcloud.mimi.access_token","para":{"appid":"${appid}","force":false,//强制刷新\n}}}`;
    expect(await curl(verbatim, service)).toMatchObject({ returnCode: 1009, returnMessage: 'REQUEST_IS_NOT_JSON' });
  });

  it('qcloud.mimi.access_token {appid, force:false} needs a caller key now', async () => {
    const body = envelope('qcloud.mimi.access_token', { appid, force: false });
    expect(await curl(body)).toMatchObject({ returnCode: 2001, returnMessage: 'CALLER_UNAUTHENTICATED' });
    const token = await curl(body, service);
    expect(token).toMatchObject({ returnCode: 0, returnMessage: 'NEW_TOKEN_SUCCESS', returnData: { appid } });
    expect(Object.keys(token.returnData)).toEqual(['appid', 'access_token', 'exp', 'expires_in']);
    // Wafer's loose comparison forced a refresh on the string "false"; here it is a type error.
    expect(await curl(envelope('qcloud.mimi.access_token', { appid, force: 'false' }), service)).toMatchObject({ returnCode: 1003 });
  });

  it('qcloud.cos.auth.reusable and .nonreusable answer the v4 signature string (deprecated, public)', async () => {
    const cos = { appid: '1250000000', sid: 'AKIDREADME', skey: 'readme-cos-secret-key', bucket: 'examplebucket' };
    recordSecret(cos.skey);
    const reusable = await curl(envelope('qcloud.cos.auth.reusable', { ...cos, expiration: w.clock.now() + 3600, filepath: '/a.jpg' }));
    expect(reusable).toMatchObject({ returnCode: 0, returnMessage: 'OK' });
    const plain = Buffer.from(reusable.returnData, 'base64').subarray(20).toString();
    expect(plain).toMatch(new RegExp(`^a=1250000000&b=examplebucket&k=AKIDREADME&e=${w.clock.now() + 3600}&t=\\d+&r=\\d+&f=/1250000000/examplebucket/a\\.jpg$`));
    const once = await curl(envelope('qcloud.cos.auth.nonreusable', { ...cos, filepath: '/a.jpg' }));
    expect(Buffer.from(once.returnData, 'base64').subarray(20).toString()).toContain('&e=0&');
    // The README writes `"expiration":""`: a number is required now.
    expect(await curl(envelope('qcloud.cos.auth.reusable', { ...cos, expiration: '' }))).toMatchObject({ returnCode: 1003 });
  });

  it('qcloud.work.initagent (admin), then work access_token, ticket and agent.ticket', async () => {
    const corpid = 'wwreadme' + dialect;
    const agentid = '1000002';
    const agentsecret = 'readme-agent-secret-' + dialect;
    recordSecret(agentsecret);
    await w.sandboxPost('/__sandbox/corps', { corpid, agentid, secret: agentsecret });
    const init = envelope('qcloud.work.initagent', { corpid, agentid, agentsecret, remark: '备注' });
    expect(await curl(init)).toMatchObject({ returnCode: 2001 });
    expect(await curl(init, service)).toMatchObject({ returnCode: 2002 });
    expect(await curl(init, admin)).toMatchObject({ returnCode: 0, returnData: { corpid, agentid } });

    const token = await curl(envelope('qcloud.work.access_token', { corpid, agentid, force: false }), service);
    expect(token).toMatchObject({ returnCode: 0, returnMessage: 'NEW_TOKEN_SUCCESS', returnData: { corpid, agentid } });
    expect(await curl(envelope('qcloud.work.ticket', { corpid, agentid, force: false }), service)).toMatchObject({ returnCode: 0, returnMessage: 'NEW_TICKET_SUCCESS', returnData: { corpid } });
    expect(await curl(envelope('qcloud.work.agent.ticket', { corpid, agentid, force: false }), service)).toMatchObject({ returnCode: 0, returnMessage: 'NEW_AGENT_TICKET_SUCCESS', returnData: { corpid, agentid } });
  });
});
