// src/http/scf.ts on its own: both event shapes → HttpRequest, HttpResponse → integration response.
import { describe, expect, it } from 'vitest';
import { MAX_BODY } from '../../src/http/handle.js';
import { fromScfEvent, isHttpEvent, isTimerEvent, toScfResult } from '../../src/http/scf.js';
import { keyFromHeaders } from '../../src/services/keys.js';
import { envelope, fixture, scfContext, withBody } from './helpers.js';

describe('fromScfEvent', () => {
  it('reads the API Gateway event as captured', () => {
    const ctx = scfContext();
    const req = fromScfEvent(fixture('apigw-event'), ctx);
    expect(req).toEqual({ method: 'POST', path: '/mina_auth', body: Buffer.from('{}'), tooLarge: false, ip: '203.0.113.7', requestId: ctx.request_id, headers: expect.objectContaining({ 'content-type': 'application/json', 'x-qualifier': '$DEFAULT' }) });
  });

  it('reads the Function URL event (no requestContext; client IP in x-scf-remote-addr)', () => {
    const ctx = scfContext();
    const req = fromScfEvent(fixture('function-url-event'), ctx);
    expect(req).toEqual({ method: 'POST', path: '/mina_auth', body: Buffer.from('{}'), tooLarge: false, ip: '198.51.100.23', requestId: ctx.request_id, headers: expect.objectContaining({ 'x-scf-remote-addr': '198.51.100.23' }) });
  });

  it('hands the caller key header through, whatever its case', () => {
    const event = fixture('function-url-event');
    event.headers!['Authorization'] = 'Bearer mak_0123456789abcdef_' + 'A'.repeat(43);
    expect(keyFromHeaders(fromScfEvent(event).headers)).toBe('mak_0123456789abcdef_' + 'A'.repeat(43));
  });

  it('takes the client IP from requestContext.sourceIp before any header', () => {
    const event = fixture('apigw-event');
    event.headers!['x-scf-remote-addr'] = '192.0.2.99';
    expect(fromScfEvent(event).ip).toBe('203.0.113.7');
  });

  it('reads header names case-insensitively', () => {
    const event = fixture('function-url-event');
    delete event.headers!['x-scf-remote-addr'];
    event.headers!['X-Scf-Remote-Addr'] = ' ::ffff:198.51.100.24 ';
    expect(fromScfEvent(event).ip).toBe('198.51.100.24');
  });

  it('has an empty IP rather than a guess when neither shape names one', () => {
    const event = fixture('function-url-event');
    delete event.headers;
    expect(fromScfEvent(event).ip).toBe('');
  });

  it('falls back to requestContext.requestId, then to none', () => {
    const event = fixture('apigw-event');
    event.requestContext!.requestId = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef';
    expect(fromScfEvent(event, scfContext()).requestId).not.toBe('c6af9ac6-7b61-11e6-9a41-93e8deadbeef');
    expect(fromScfEvent(event, {}).requestId).toBe('c6af9ac6-7b61-11e6-9a41-93e8deadbeef');
    expect(fromScfEvent(fixture('function-url-event')).requestId).toBeUndefined();
  });

  it('decodes a base64 body', () => {
    const body = envelope('qcloud.cam.auth', { id: 'x', skey: '中文' });
    const event = fixture('apigw-event');
    event.isBase64Encoded = true;
    event.body = Buffer.from(body).toString('base64');
    expect(fromScfEvent(event).body.toString('utf8')).toBe(body);
  });

  it('treats a missing body (a GET) as empty', () => {
    const event = withBody(fixture('apigw-event'), undefined);
    event.httpMethod = 'get';
    const req = fromScfEvent(event);
    expect(req.method).toBe('GET');
    expect(req.body.length).toBe(0);
  });

  it('flags a body over MAX_BODY (decoded length) as too large', () => {
    expect(fromScfEvent(withBody(fixture('function-url-event'), 'x'.repeat(MAX_BODY))).tooLarge).toBe(false);
    expect(fromScfEvent(withBody(fixture('function-url-event'), 'x'.repeat(MAX_BODY + 1))).tooLarge).toBe(true);
    // 60 KiB of data is 80 KiB of base64: the limit applies to what the client sent.
    const event = fixture('apigw-event');
    event.isBase64Encoded = true;
    event.body = Buffer.alloc(60 * 1024, 1).toString('base64');
    expect(fromScfEvent(event).tooLarge).toBe(false);
  });

  it('strips a leading /<stage> only when requestContext.stage names it', () => {
    const path = (p: string, shape: 'apigw-event' | 'function-url-event' = 'apigw-event') => {
      const event = fixture(shape);
      event.path = p;
      return fromScfEvent(event).path;
    };
    expect(path('/release/mina_auth')).toBe('/mina_auth');
    expect(path('/release/mina_auth/wx4f4bc4dec97d474b')).toBe('/mina_auth/wx4f4bc4dec97d474b');
    expect(path('/release')).toBe('/');
    expect(path('/releases/mina_auth')).toBe('/releases/mina_auth');
    expect(path('/mina_auth')).toBe('/mina_auth');
    expect(path('/release/mina_auth', 'function-url-event')).toBe('/release/mina_auth');
  });

  it('is pure: the event is untouched and the same event gives the same request', () => {
    const event = fixture('apigw-event');
    const before = structuredClone(event);
    const ctx = scfContext();
    expect(fromScfEvent(event, ctx)).toEqual(fromScfEvent(event, ctx));
    expect(event).toEqual(before);
  });
});

describe('toScfResult', () => {
  it('gives the integration-response shape', () => {
    const headers = { 'content-type': 'application/json; charset=utf-8' };
    const result = toScfResult({ status: 405, headers, body: '{"returnCode":2008}' });
    expect(result).toEqual({ isBase64Encoded: false, statusCode: 405, headers, body: '{"returnCode":2008}' });
    expect(result.headers).not.toBe(headers);
  });
});

describe('event kinds', () => {
  it('tells timer events from HTTP events', () => {
    expect(isTimerEvent(fixture('timer-event'))).toBe(true);
    expect(isHttpEvent(fixture('timer-event'))).toBe(false);
    for (const name of ['apigw-event', 'function-url-event'] as const) {
      expect(isHttpEvent(fixture(name))).toBe(true);
      expect(isTimerEvent(fixture(name))).toBe(false);
    }
    expect(isTimerEvent({ Type: 'Timer' })).toBe(false);
    expect(isTimerEvent(null)).toBe(false);
    expect(isHttpEvent('POST /mina_auth')).toBe(false);
  });
});
