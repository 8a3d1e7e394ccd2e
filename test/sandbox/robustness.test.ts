// No input may take the server down: malformed HTTP, oversized bodies, odd encodings.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { code2session, get, login, post, registerApp, sandbox } from './helpers.js';

function rawRequest(port: number, payload: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(payload));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => resolve(out));
    socket.on('error', () => resolve(out));
  });
}

describe('robustness', () => {
  it('survives malformed HTTP and keeps serving', async () => {
    const sb = await sandbox();
    await rawRequest(sb.port, 'NOT HTTP AT ALL\r\n\r\n');
    await rawRequest(sb.port, 'POST /__sandbox/apps HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"appid":'); // truncated
    await rawRequest(sb.port, 'GET /sns/jscode2session?appid=%ZZ&secret=%&js_code=%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await registerApp(sb);
    expect((await code2session(sb, (await login(sb)).code)).json.session_key).toBeDefined();
  });

  it('answers malformed percent-encoding like any other missing/invalid parameter', async () => {
    const sb = await sandbox();
    const r = await get(sb, '/sns/jscode2session?appid=%ZZ&secret=%&js_code=%E0%A4%A&grant_type=authorization_code');
    expect(r.status).toBe(200);
    expect(r.json.errcode).toBe(40013);
  });

  it('caps upstream bodies too (413, empty body)', async () => {
    const sb = await sandbox();
    const r = await post(sb, '/sns/jscode2session', 'x'.repeat(200 * 1024));
    expect(r.status).toBe(413);
    expect(r.text).toBe('');
  });

  it('treats invalid UTF-8 in a control body as bad JSON', async () => {
    const sb = await sandbox();
    const res = await fetch(`${sb.url}/__sandbox/apps`, { method: 'POST', body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(res.status).toBe(400);
  });
});
