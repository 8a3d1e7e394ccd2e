// The log line format (src/log.ts): one JSON object per line, time, level and msg first, then the fields as given.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

describe('createLogger', () => {
  const capture = (level: Parameters<typeof createLogger>[0] = 'debug') => {
    const lines: string[] = [];
    return { lines, log: createLogger(level, (line) => lines.push(line)) };
  };

  it('writes time, level and msg, then the fields in their order, leaving out undefined ones', () => {
    const { lines, log } = capture();
    const before = Date.now();
    log.info('request', { requestId: 'r1', returnCode: 0, appid: null, limited: undefined, ok: true });
    const after = Date.now();
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(Object.keys(line)).toEqual(['time', 'level', 'msg', 'requestId', 'returnCode', 'appid', 'ok']);
    expect(line).toMatchObject({ level: 'info', msg: 'request', requestId: 'r1', returnCode: 0, appid: null, ok: true });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(line.time)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(line.time)).toBeLessThanOrEqual(after);
  });

  it('writes a line without fields, or with only undefined ones, as time, level and msg alone', () => {
    const { lines, log } = capture();
    log.warn('a');
    log.error('b', {});
    log.debug('c', { gone: undefined });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: expect.any(String), level: 'warn', msg: 'a' },
      { time: expect.any(String), level: 'error', msg: 'b' },
      { time: expect.any(String), level: 'debug', msg: 'c' },
    ]);
  });

  it('escapes what it writes: one valid JSON object per line, whatever the strings hold', () => {
    const { lines, log } = capture();
    const odd = 'a "quote", a \\ backslash,\na newline, \u2028 and \ud800 alone';
    log.info(odd, { [odd]: odd });
    expect(lines[0]).not.toContain('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: odd, [odd]: odd });
  });

  it('drops lines below its level and writes nothing at silent', () => {
    const info = capture('info');
    info.log.debug('no');
    info.log.info('yes');
    expect(info.lines.map((l) => JSON.parse(l).msg)).toEqual(['yes']);
    const silent = capture('silent');
    silent.log.error('no');
    expect(silent.lines).toEqual([]);
  });
});
