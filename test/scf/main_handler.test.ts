// scf/index.ts main_handler, in process: literal SCF events against a real SQLite store and the WeChat sandbox.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY } from '../../src/http/handle.js';
import type { ScfHttpEvent, ScfHttpResult } from '../../src/http/scf.js';
import { openStore } from '../../src/store/db.js';
import { recordSecret } from '../helpers/logs.js';
import { captureStdoutLogs, envelope, fixture, scfContext, startScfInstance, withBody, type ScfInstance } from './helpers.js';

const APPID = 'wx4f4bc4dec97d474b';
const SECRET = 'scf-test-app-secret-' + randomBytes(8).toString('hex');

let instance: ScfInstance;
let main_handler: ScfInstance['main_handler'];

beforeAll(async () => {
  instance = await startScfInstance({ dirPrefix: 'mina-auth-scf-', app: { appid: APPID, secret: SECRET } });
  ({ main_handler } = instance);
  const r = await fetch(`${instance.sandbox.url}/__sandbox/apps`, { method: 'POST', body: JSON.stringify({ appid: APPID, secret: SECRET, type: 'miniprogram' }) });
  expect(r.status).toBe(200);
});

afterAll(async () => {
  await instance?.close();
});

// The gateway logs JSON lines to stdout: keep them out of the reporter and in the redaction check.
const logLines: string[] = [];
beforeEach(() => {
  logLines.length = 0;
});
captureStdoutLogs((line) => logLines.push(line));

async function sandboxCode(): Promise<{ code: string; openid: string; session_key: string }> {
  const r = await fetch(`${instance.sandbox.url}/__sandbox/login`, { method: 'POST', body: JSON.stringify({ appid: APPID }) });
  const login = await r.json() as { code: string; openid: string; session_key: string };
  recordSecret(login.code, login.session_key);
  return login;
}

async function invoke(event: ScfHttpEvent, context = scfContext()): Promise<ScfHttpResult & { json: any }> {
  const result = await main_handler(event, context) as ScfHttpResult;
  expect(context.callbackWaitsForEmptyEventLoop).toBe(false);
  // The integration response: exactly these keys, a JSON string body.
  expect(Object.keys(result).sort()).toEqual(['body', 'headers', 'isBase64Encoded', 'statusCode']);
  expect(result.isBase64Encoded).toBe(false);
  expect(typeof result.body).toBe('string');
  return { ...result, json: JSON.parse(result.body) };
}

async function logIn(shape: 'apigw-event' | 'function-url-event') {
  const { code, openid } = await sandboxCode();
  const res = await invoke(withBody(fixture(shape), envelope('qcloud.cam.id_skey', { code })));
  expect(res.statusCode).toBe(200);
  expect(res.json.returnCode).toBe(0);
  recordSecret(res.json.returnData.skey);
  return { openid, id: res.json.returnData.id as string, skey: res.json.returnData.skey as string };
}

describe('main_handler over HTTP events', () => {
  it('logs in through the API Gateway event and authenticates through the Function URL event', async () => {
    const context = scfContext();
    const { code, openid } = await sandboxCode();
    const login = await invoke(withBody(fixture('apigw-event'), envelope('qcloud.cam.id_skey', { code })), context);
    expect(login.statusCode).toBe(200);
    expect(login.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(login.json).toMatchObject({ returnCode: 0, returnMessage: 'NEW_SESSION_SUCCESS', requestId: context.request_id });
    expect(login.json.returnData).toMatchObject({ appid: APPID, openid });
    recordSecret(login.json.returnData.skey);

    const auth = await invoke(withBody(fixture('function-url-event'), envelope('qcloud.cam.auth', { id: login.json.returnData.id, skey: login.json.returnData.skey })));
    expect(auth.statusCode).toBe(200);
    expect(auth.json).toMatchObject({ returnCode: 0, returnMessage: 'AUTH_SUCCESS', returnData: { appid: APPID, openid } });
    // The request log line carries the client IP from each shape.
    const ips = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request').map((l) => l.ip);
    expect(ips).toEqual(['203.0.113.7', '198.51.100.23']);
  });

  it('logs in through the Function URL event and authenticates through the API Gateway event', async () => {
    const session = await logIn('function-url-event');
    const auth = await invoke(withBody(fixture('apigw-event'), envelope('qcloud.cam.auth', { id: session.id, skey: session.skey })));
    expect(auth.json).toMatchObject({ returnCode: 0, returnData: { openid: session.openid } });
  });

  it('accepts a base64 body (API Gateway with Base64 encoding on)', async () => {
    const session = await logIn('apigw-event');
    const event = fixture('apigw-event');
    event.isBase64Encoded = true;
    event.body = Buffer.from(envelope('qcloud.cam.auth', { id: session.id, skey: session.skey })).toString('base64');
    const auth = await invoke(event);
    expect(auth.json).toMatchObject({ returnCode: 0, returnMessage: 'AUTH_SUCCESS' });
  });

  it('strips the /release stage prefix', async () => {
    const session = await logIn('apigw-event');
    const event = withBody(fixture('apigw-event'), envelope('qcloud.cam.auth', { id: session.id, skey: session.skey }));
    event.path = `/release/mina_auth/${APPID}`;
    const auth = await invoke(event);
    expect(auth.json).toMatchObject({ returnCode: 0, returnMessage: 'AUTH_SUCCESS' });
  });

  it('answers 405 (code 2008) to a GET', async () => {
    for (const shape of ['apigw-event', 'function-url-event'] as const) {
      const event = withBody(fixture(shape), undefined);
      event.httpMethod = 'GET';
      const res = await invoke(event);
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expect(res.json).toMatchObject({ returnCode: 2008, returnMessage: 'METHOD_NOT_ALLOWED', returnData: '' });
    }
  });

  it('answers 413 (code 2007) to a body over 64 KiB', async () => {
    const body = envelope('qcloud.cam.auth', { id: 'x'.repeat(MAX_BODY), skey: 'y' });
    for (const shape of ['apigw-event', 'function-url-event'] as const) {
      const res = await invoke(withBody(fixture(shape), body));
      expect(res.statusCode).toBe(413);
      expect(res.json).toMatchObject({ returnCode: 2007, returnMessage: 'PAYLOAD_TOO_LARGE' });
    }
  });

  it('answers /healthz', async () => {
    const event = withBody(fixture('function-url-event'), undefined);
    event.httpMethod = 'GET';
    event.path = '/healthz';
    const res = await invoke(event);
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ ok: true });
  });

  it('reuses the warm instance: consecutive invocations keep working, each with its own request id', async () => {
    const session = await logIn('function-url-event');
    for (let i = 0; i < 3; i++) {
      const context = scfContext();
      const res = await invoke(withBody(fixture('function-url-event'), envelope('qcloud.cam.auth', { id: session.id, skey: session.skey })), context);
      expect(res.json).toMatchObject({ returnCode: 0, requestId: context.request_id });
    }
  });
});

describe('main_handler on the timer event', () => {
  it('sweeps expired sessions and spent login claims', async () => {
    const store = openStore(process.env.MINA_AUTH_DATABASE_URL!);
    await store.db.insertInto('sessions').values({ id: 'expired-' + randomBytes(8).toString('hex'), appid: APPID, openid: 'o-old', skey_hash: '0'.repeat(64), created_at: 1, last_visit_at: 1 }).execute();
    await store.db.insertInto('login_claims').values({ appid: APPID, code_mac: 'f'.repeat(64), state: 'done', answer_sealed: null, created_at: 1 }).execute();
    await store.close();

    const context = scfContext();
    const out = await main_handler(fixture('timer-event'), context);
    expect(context.callbackWaitsForEmptyEventLoop).toBe(false);
    expect(out).toEqual({ ok: true, swept: { sessions: 1, claims: 1 }, refreshed: { due: 0, refreshed: 0, failed: 0 } });
    expect(await main_handler(fixture('timer-event'), scfContext())).toEqual({ ok: true, swept: { sessions: 0, claims: 0 }, refreshed: { due: 0, refreshed: 0, failed: 0 } });
  });

  it('refuses an event it does not know', async () => {
    await expect(main_handler({ hello: 'world' }, scfContext())).rejects.toThrow(/unrecognised event/);
  });
});
