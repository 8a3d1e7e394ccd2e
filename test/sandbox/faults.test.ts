// Fault injection on upstream paths: the four modes, times, FIFO order, and prompt close().
import { describe, expect, it } from 'vitest';
import { APPID, RID, SECRET, code2session, code2sessionPath, get, login, post, registerApp, sandbox } from './helpers.js';
import type { Sandbox } from '../../src/sandbox/index.js';

const PATH = '/sns/jscode2session';

async function fault(sb: Sandbox, body: Record<string, unknown>): Promise<void> {
  const r = await post(sb, '/__sandbox/faults', { path: PATH, ...body });
  expect(r.status).toBe(200);
  expect(r.json).toEqual({ ok: true });
}

describe('faults', () => {
  it('http500: HTTP 500 with a text body, without consuming the code', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const { code } = await login(sb);
    await fault(sb, { mode: 'http500' });
    const r = await code2session(sb, code);
    expect(r.status).toBe(500);
    expect(r.text.length).toBeGreaterThan(0);
    expect(r.json).toBeUndefined();
    expect((await code2session(sb, code)).json.session_key).toBeDefined();
  });

  it('errcode: HTTP 200 system error with the given errcode (default -1), not processed', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const { code } = await login(sb);
    await fault(sb, { mode: 'errcode' });
    await fault(sb, { mode: 'errcode', errcode: 40226 });
    const first = await code2session(sb, code);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('text/plain');
    expect(first.json.errcode).toBe(-1);
    expect(first.json.errmsg).toMatch(/^system error, rid: /);
    expect(first.json.errmsg).toMatch(RID);
    expect((await code2session(sb, code)).json.errcode).toBe(40226); // FIFO
    expect((await code2session(sb, code)).json.session_key).toBeDefined(); // the code survived both
  });

  it('garbage: HTTP 200 with an HTML body', async () => {
    const sb = await sandbox();
    await fault(sb, { mode: 'garbage', times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await get(sb, PATH);
      expect(r.status).toBe(200);
      expect(r.text).toBe('<html>502 Bad Gateway</html>');
    }
    expect((await get(sb, PATH)).json.errcode).toBe(41002); // queue drained after `times`
  });

  it('an oversized body (413) does not use up a queued fault', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const { code } = await login(sb);
    await fault(sb, { mode: 'errcode' });
    expect((await post(sb, PATH, 'x'.repeat(200 * 1024))).status).toBe(413);
    // The fault is still queued for the next call that gets through...
    expect((await code2session(sb, code)).json.errcode).toBe(-1);
    // ...and only for that one.
    expect((await code2session(sb, code)).json.session_key).toBeDefined();
  });

  it('timeout: the request is processed but never answered', async () => {
    const sb = await sandbox();
    await registerApp(sb);
    const { code } = await login(sb);
    await fault(sb, { mode: 'timeout' });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await expect(
      fetch(sb.url + code2sessionPath({ appid: APPID, secret: SECRET, js_code: code, grant_type: 'authorization_code' }), {
        signal: controller.signal,
      }),
    ).rejects.toThrow();
    clearTimeout(timer);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    // As with a lost real response, the code is gone.
    expect((await code2session(sb, code)).json.errcode).toBe(40163);
  });

  it('close() does not wait for requests held by a timeout fault', async () => {
    const sb = await sandbox();
    await fault(sb, { mode: 'timeout' });
    const held = fetch(`${sb.url}${PATH}`).catch((err: unknown) => err);
    // Let the request reach the server before closing.
    for (let i = 0; i < 50 && !(await statsHas(sb)); i++) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    await sb.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await held).toBeInstanceOf(Error);
  });

  it('close() cancels pending latency', async () => {
    const sb = await sandbox({ latencyMs: 10_000 });
    const pending = fetch(`${sb.url}${PATH}`).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await sb.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });
});

async function statsHas(sb: Sandbox): Promise<boolean> {
  const r = await get(sb, '/__sandbox/stats');
  return Object.keys(r.json.calls).length > 0;
}
