// qcloud.cos.sign (PROTOCOL §5 "COS"): v5 signatures under an app's COS profile, checked against an independent
// implementation of the documented algorithm (SCF.md §4.3), and `mina-auth app cos`, which sets the profile.
import { spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findApp, openCosProfile, updateApp } from '../../src/services/apps.js';
import { createSecretBox } from '../../src/services/secretbox.js';
import { openStore } from '../../src/store/db.js';
import { DIALECTS } from '../helpers/db.js';
import { expectFailure, expectSuccess, type Reply } from '../helpers/expect.js';
import { recordLogOutput, recordSecret } from '../helpers/logs.js';
import { startWorld, type World } from '../helpers/world.js';

/** The XML-API v5 signature as documented (SCF.md §4.3), with node:crypto only: no query parameters here. */
function v5Authorization(secretId: string, secretKey: string, keyTime: string, method: string, pathname: string, headers: Record<string, string>): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const pairs = Object.entries(headers).map(([k, v]) => [enc(k).toLowerCase(), enc(v)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const httpHeaders = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const formatString = `${method.toLowerCase()}\n${pathname}\n\n${httpHeaders}\n`;
  const signKey = createHmac('sha1', secretKey).update(keyTime).digest('hex');
  const stringToSign = `sha1\n${keyTime}\n${createHash('sha1').update(formatString, 'utf8').digest('hex')}\n`;
  const signature = createHmac('sha1', signKey).update(stringToSign).digest('hex');
  return `q-sign-algorithm=sha1&q-ak=${secretId}&q-sign-time=${keyTime}&q-key-time=${keyTime}`
    + `&q-header-list=${pairs.map(([k]) => k).join(';')}&q-url-param-list=&q-signature=${signature}`;
}

describe.each(DIALECTS)('qcloud.cos.sign on %s', (dialect) => {
  let w: World;
  let adminKey = '';
  /** Every COS SecretKey handed to the gateway: none may appear in an answer or a log line. */
  const secretKeys: string[] = [];
  const bucket = 'photos-1250000000';
  const region = 'ap-guangzhou';
  const host = `${bucket}.cos.${region}.myqcloud.com`;

  beforeAll(async () => {
    w = await startWorld(dialect);
    ({ key: adminKey } = await w.callerKey('cos-test', ['admin']));
  });
  afterAll(async () => {
    if (w) for (const s of secretKeys) expect(w.log.lines.join('\n'), 'a COS SecretKey reached the log').not.toContain(s);
    await w?.close();
  });

  /** A mini program with a COS profile (set through mina.admin.app.put) and a logged-in user. */
  async function appWithProfile(cos: Record<string, unknown> | null = {}) {
    const { appid } = await w.addApp();
    const secret_id = 'AKID' + randomBytes(12).toString('hex');
    const secret_key = randomBytes(24).toString('base64url');
    recordSecret(secret_key);
    secretKeys.push(secret_key);
    if (cos) {
      const r = await w.request('/mina_auth', {
        body: JSON.stringify({ interface: { interfaceName: 'mina.admin.app.put', para: { appid, cos: { bucket, region, secret_id, secret_key, ...cos } } } }),
        headers: { authorization: `Bearer ${adminKey}` },
      });
      expect(r.json.returnCode, r.json.detail).toBe(0);
    }
    const user = await w.login(appid);
    return { appid, secret_id, secret_key, user };
  }

  async function sign(session: { id: string; skey: string }, para: Record<string, unknown>): Promise<Reply> {
    const env = await w.call('qcloud.cos.sign', { id: session.id, skey: session.skey, ...para });
    for (const s of secretKeys) expect(JSON.stringify(env), 'a COS SecretKey was answered').not.toContain(s);
    return env;
  }

  it('signs a PUT under the default prefix users/{openid}/; the authorization is the documented v5 signature and the query of url', async () => {
    const { secret_id, secret_key, user } = await appWithProfile();
    const key = `users/${user.openid}/photos/a b+(1)!.jpg`;
    const now = w.clock.now();
    const env = await sign(user, { key });
    expectSuccess(env, 'SIGN_SUCCESS');
    const keyTime = `${now};${now + 600}`;
    const authorization = v5Authorization(secret_id, secret_key, keyTime, 'PUT', '/' + key, { host });
    expect(env.returnData).toEqual({
      authorization, bucket, region, key, expires_at: now + 600,
      url: `https://${host}/users/${encodeURIComponent(user.openid)}/photos/a%20b%2B%281%29%21.jpg?${authorization}`,
    });
    expect(authorization).toMatch(/^q-sign-algorithm=sha1&q-ak=AKID[0-9a-f]{24}&q-sign-time=\d+;\d+&q-key-time=\d+;\d+&q-header-list=host&q-url-param-list=&q-signature=[0-9a-f]{40}$/);
    const query = new URL(env.returnData.url).searchParams;
    expect(query.get('q-sign-time')).toBe(keyTime);
    expect(query.get('q-header-list')).toBe('host');
    expect(query.get('q-signature')).toBe(authorization.split('q-signature=')[1]);
    // The gateway clock, not the wall clock, sets the window.
    w.clock.advance(100);
    const later = await sign(user, { key, expires: 30 });
    expect(later.returnData.authorization).toBe(v5Authorization(secret_id, secret_key, `${now + 100};${now + 130}`, 'PUT', '/' + key, { host }));
    expect(later.returnData.expires_at).toBe(now + 130);
  });

  it('signs content_type and content_length as headers when given, and any allowed method and expires', async () => {
    const { secret_id, secret_key, user } = await appWithProfile();
    const key = `users/${user.openid}/doc.pdf`;
    const now = w.clock.now();
    const put = await sign(user, { key, method: 'PUT', expires: 3600, content_type: 'application/pdf; charset=x', content_length: 123456 });
    expectSuccess(put, 'SIGN_SUCCESS');
    expect(put.returnData.authorization).toBe(v5Authorization(secret_id, secret_key, `${now};${now + 3600}`, 'put', '/' + key,
      { host, 'content-type': 'application/pdf; charset=x', 'content-length': '123456' }));
    expect(put.returnData.authorization).toContain('&q-header-list=content-length;content-type;host&');
    const head = await sign(user, { key, method: 'HEAD', appid: null, content_type: null });
    expect(head.returnData.authorization).toBe(v5Authorization(secret_id, secret_key, `${now};${now + 600}`, 'head', '/' + key, { host }));
    const get = await sign(user, { key, method: 'GET', content_length: 0 });
    expect(get.returnData.authorization).toBe(v5Authorization(secret_id, secret_key, `${now};${now + 600}`, 'get', '/' + key, { host, 'content-length': '0' }));
  });

  it('requires content_type and content_length for uploads when the profile says so, and keeps content_length ≤ max_size', async () => {
    const { appid, secret_id, secret_key, user } = await appWithProfile({ prefix: 'uploads/{openid}/img-', methods: ['PUT', 'GET'], max_expires: 300, max_size: 1000, require_content: true });
    const key = `uploads/${user.openid}/img-1.png`;
    const now = w.clock.now();
    expectFailure(await sign(user, { key }), 1003, 'PARA_ERR', 'para.content_type is required');
    expectFailure(await sign(user, { key, content_type: 'image/png' }), 1003, 'PARA_ERR', 'para.content_length is required');
    expectFailure(await sign(user, { key, content_length: 10 }), 1003, 'PARA_ERR', 'para.content_type is required');
    expectFailure(await sign(user, { key, content_type: 'image/png', content_length: 1001 }), 1003, 'PARA_ERR', 'para.content_length');
    const ok = await sign(user, { key, content_type: 'image/png', content_length: 1000, appid });
    expectSuccess(ok, 'SIGN_SUCCESS');
    // Without `expires`, the default 600 is capped by max_expires.
    expect(ok.returnData.authorization).toBe(v5Authorization(secret_id, secret_key, `${now};${now + 300}`, 'PUT', '/' + key, { host, 'content-type': 'image/png', 'content-length': '1000' }));
    expect(ok.returnData.expires_at).toBe(now + 300);
    // A download sends no body: require_content does not apply to it.
    expectSuccess(await sign(user, { key, method: 'GET' }), 'SIGN_SUCCESS');
    expectFailure(await sign(user, { key: `uploads/${user.openid}/other.png`, content_type: 'image/png', content_length: 1 }), 1003, 'PARA_ERR', 'para.key');
    expectFailure(await sign(user, { key, method: 'GET', content_length: 5000 }), 1003, 'PARA_ERR', 'max_size');
  });

  it('refuses keys outside the user\'s prefix, traversal, disallowed methods and long expiries with 1003', async () => {
    const { appid, user } = await appWithProfile();
    const other = await w.login(appid);
    const mine = `users/${user.openid}/`;
    const cases: [Record<string, unknown>, string][] = [
      [{ key: 'users/x.jpg' }, 'para.key'],
      [{ key: 'avatar.jpg' }, 'para.key'],
      [{ key: `users/${other.openid}/x.jpg` }, 'para.key'],
      [{ key: `users/${user.openid}x/a.jpg` }, 'para.key'],
      [{ key: mine }, 'para.key'],
      [{ key: `${mine}../${other.openid}/x.jpg` }, 'para.key'],
      [{ key: `${mine}a/../../${other.openid}/x.jpg` }, 'para.key'],
      [{ key: `${mine}..` }, 'para.key'],
      [{ key: `${mine}./x.jpg` }, 'para.key'],
      [{ key: `${mine}a//x.jpg` }, 'para.key'],
      [{ key: `/${mine}x.jpg` }, 'para.key'],
      [{ key: `${mine}%2e%2e/%2E%2E/${other.openid}/x.jpg` }, 'para.key'],
      [{ key: `${mine}..%2F..%2f${other.openid}%2Fx.jpg` }, 'para.key'],
      [{ key: `${mine}%252e%252e/x.jpg` }, 'para.key'],
      [{ key: `${mine}..\\..\\${other.openid}\\x.jpg` }, 'para.key'],
      [{ key: `${mine}a\\x.jpg` }, 'para.key'],
      [{ key: `${mine}a\u0000.jpg` }, 'para.key'],
      [{ key: `${mine}a\nb.jpg` }, 'para.key'],
      [{ key: `${mine}a\ud800.jpg` }, 'para.key'],
      [{ key: '' }, 'para.key'],
      [{ key: `${mine}x.jpg`, method: 'DELETE' }, 'para.method'],
      [{ key: `${mine}x.jpg`, method: 'put' }, 'para.method'],
      [{ key: `${mine}x.jpg`, expires: 3601 }, 'para.expires'],
      [{ key: `${mine}x.jpg`, expires: 0 }, 'para.expires'],
      [{ key: `${mine}x.jpg`, expires: '60' }, 'para.expires'],
      [{ key: `${mine}x.jpg`, content_length: -1 }, 'para.content_length'],
      [{ key: `${mine}x.jpg`, content_type: 'a\r\nx-cos-acl: public-read' }, 'para.content_type'],
      [{ key: `${mine}x.jpg`, bucket: 'other-1250000000' }, 'unknown key "bucket"'],
    ];
    for (const [para, field] of cases) expectFailure(await sign(user, para), 1003, 'PARA_ERR', field);
    // The same keys are fine for their owner.
    expectSuccess(await sign(other, { key: `users/${other.openid}/x.jpg` }), 'SIGN_SUCCESS');
    expectSuccess(await sign(user, { key: `${mine}dir/` }), 'SIGN_SUCCESS');
  });

  it('content_length over max_size is refused', async () => {
    const { user } = await appWithProfile({ max_size: 2048 });
    expectFailure(await sign(user, { key: `users/${user.openid}/big.bin`, content_length: 2049 }), 1003, 'PARA_ERR', 'para.content_length must be at most 2048');
    expectSuccess(await sign(user, { key: `users/${user.openid}/big.bin`, content_length: 2048 }), 'SIGN_SUCCESS');
    // max_size only binds a signed size: without content_length the upload is not bound (use require_content).
    expectSuccess(await sign(user, { key: `users/${user.openid}/big.bin` }), 'SIGN_SUCCESS');
  });

  it('answers 1003 when the app has no COS profile, and 60012 for a bad session', async () => {
    const { appid, user } = await appWithProfile(null);
    expectFailure(await sign(user, { key: `users/${user.openid}/x.jpg` }), 1003, 'PARA_ERR', 'no COS profile for this app');
    const { user: withCos, appid: cosApp } = await appWithProfile();
    const key = `users/${withCos.openid}/x.jpg`;
    expectFailure(await sign({ id: withCos.id, skey: 'wrong' + withCos.skey.slice(5) }, { key }), 60012, 'AUTH_FAIL');
    expectFailure(await sign({ id: 'nope', skey: withCos.skey }, { key }), 60012, 'AUTH_FAIL');
    expectFailure(await sign(withCos, { key, appid }), 60012, 'AUTH_FAIL');
    expectSuccess(await sign(withCos, { key, appid: cosApp }), 'SIGN_SUCCESS');
    expectFailure(await w.call('qcloud.cos.sign', { id: withCos.id, skey: withCos.skey, key }, `/mina_auth/${appid}`), 60012, 'AUTH_FAIL');
    expectSuccess(await w.call('qcloud.cos.sign', { id: withCos.id, skey: withCos.skey, key }, `/mina_auth/${cosApp}`), 'SIGN_SUCCESS');
    expectFailure(await sign(withCos, {}), 1003, 'PARA_ERR', 'para.key is required');
    // Logged out: dead at once.
    expectSuccess(await w.call('qcloud.cam.logout', { id: withCos.id, skey: withCos.skey }), 'LOGOUT_SUCCESS');
    expectFailure(await sign(withCos, { key }), 60012, 'AUTH_FAIL');
  });

  it('fills {appid} too in a prefix set through the service, and never shows the keys in the app view', async () => {
    const { appid, secret_id, secret_key, user } = await appWithProfile();
    await updateApp(w.deps.store.db, w.deps.box, w.clock.now(), { appid, cos: { bucket, region, secret_id, secret_key, prefix: 'apps/{appid}/{openid}/' } });
    // A change made beside the gateway (as `mina-auth app cos` does) reaches a running gateway within 2 s.
    w.clock.advance(2);
    const view = await w.request('/mina_auth', { body: JSON.stringify({ interface: { interfaceName: 'mina.admin.app.get', para: { appid } } }), headers: { authorization: `Bearer ${adminKey}` } });
    expect(view.json.returnData.cos.prefix).toBe('apps/{appid}/{openid}/');
    for (const s of secretKeys) expect(view.text).not.toContain(s);
    expectSuccess(await sign(user, { key: `apps/${appid}/${user.openid}/x` }), 'SIGN_SUCCESS');
    expectFailure(await sign(user, { key: `users/${user.openid}/x` }), 1003, 'PARA_ERR', 'para.key');
  });
});

describe('mina-auth app cos', () => {
  const masterKey = randomBytes(32).toString('base64');
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_'))), MINA_AUTH_MASTER_KEY: masterKey };
  function cli(args: string[], input?: string) {
    const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { env, input, encoding: 'utf8', timeout: 20_000 });
    recordLogOutput(r.stdout + r.stderr);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('sets the profile (secret key from standard input), refuses bad input with one line, and removes it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'mina-auth-cos-'));
    const appid = 'wx00000000000000c1';
    const secretKey = randomBytes(24).toString('base64url');
    recordSecret(secretKey);
    expect(cli(['migrate', '--data', data]).status).toBe(0);
    const appSecret = randomBytes(16).toString('hex');
    recordSecret(appSecret);
    expect(cli(['app', 'add', appid, '--secret', appSecret, '--data', data]).status).toBe(0);
    expect(cli(['app', '--help']).stdout).toContain('mina-auth app cos APPID --bucket BUCKET');

    const base = ['app', 'cos', appid, '--bucket', 'photos-1250000000', '--region', 'ap-guangzhou', '--secret-id', 'AKIDabcdef012345', '--data', data];
    const set = cli([...base, '--secret-key', '-', '--prefix', 'up/{openid}/', '--methods', 'PUT,get', '--max-expires', '900', '--max-size', '1048576', '--require-content'], secretKey + '\n');
    expect(set, set.stderr).toMatchObject({ status: 0, stdout: `set the COS profile of ${appid}: bucket photos-1250000000, region ap-guangzhou, prefix up/{openid}/\n` });
    expect(set.stdout + set.stderr).not.toContain(secretKey);

    const store = openStore(`sqlite:${join(data, 'mina-auth.db')}`);
    const box = createSecretBox(Buffer.from(masterKey, 'base64'));
    try {
      const row = (await findApp(store.db, appid))!;
      expect(row.cos_sealed).not.toContain(secretKey);
      expect(openCosProfile(box, row)).toEqual({
        bucket: 'photos-1250000000', region: 'ap-guangzhou', secret_id: 'AKIDabcdef012345', secret_key: secretKey,
        prefix: 'up/{openid}/', methods: ['PUT', 'GET'], max_expires: 900, max_size: 1048576, require_content: true,
      });

      // Defaults for what is not given; a key on the command line works too.
      expect(cli([...base, `--secret-key=${secretKey}`]).status).toBe(0);
      expect(openCosProfile(box, (await findApp(store.db, appid))!)).toMatchObject({ prefix: 'users/{openid}/', methods: ['PUT', 'GET', 'HEAD'], max_expires: 3600, max_size: null, require_content: false });

      for (const [args, message] of [
        [[...base], '--secret-key'],
        [[...base.slice(0, 5), `--secret-key=${secretKey}`, '--data', data], 'needs --region'],
        [[...base, '--secret-key', 'short'], '--secret-key has an invalid format'],
        [[...base, `--secret-key=${secretKey}`, '--bucket', 'Photos'], '--bucket has an invalid format'],
        [[...base, `--secret-key=${secretKey}`, '--prefix', '../others/'], '--prefix has an invalid format'],
        [[...base, `--secret-key=${secretKey}`, '--methods', 'PUT,PATCH'], '--methods'],
        [[...base, `--secret-key=${secretKey}`, '--max-expires', '0'], '--max-expires'],
        [[...base, `--secret-key=${secretKey}`, '--max-size', 'big'], '--max-size'],
        [['app', 'cos', 'wx00000000000000c9', '--remove', '--data', data], 'no app wx00000000000000c9'],
        [['app', 'cos', appid, '--remove', '--bucket', 'b', '--data', data], '--remove takes no --bucket'],
      ] as [string[], string][]) {
        const r = cli(args);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(message);
        expect(r.stderr).not.toContain(secretKey);
      }
      expect(openCosProfile(box, (await findApp(store.db, appid))!)).toMatchObject({ secret_key: secretKey, prefix: 'users/{openid}/' });

      expect(cli(['app', 'cos', appid, '--remove', '--data', data])).toMatchObject({ status: 0, stdout: `removed the COS profile of ${appid}\n` });
      expect((await findApp(store.db, appid))!.cos_sealed).toBeNull();
    } finally {
      await store.close();
    }
  });
});
