// Every gateway log line of the test run goes to .test-logs/, and every secret a test handles is recorded
// there too, so global teardown can check that no secret reached a log.
import { appendFileSync, mkdirSync } from 'node:fs';
import { createLogger, type Logger } from '../../src/log.js';

export const LOG_DIR = '.test-logs';
const suffix = `${process.pid}-${process.env.VITEST_POOL_ID ?? '0'}`;

export function recordSecret(...values: (string | null | undefined)[]): void {
  mkdirSync(LOG_DIR, { recursive: true });
  const text = values.filter((v): v is string => typeof v === 'string' && v.length >= 8).map((v) => v + '\n').join('');
  if (text) appendFileSync(`${LOG_DIR}/secrets-${suffix}.txt`, text);
}

export function recordLogLines(text: string): void {
  mkdirSync(LOG_DIR, { recursive: true });
  appendFileSync(`${LOG_DIR}/log-${suffix}.jsonl`, text.endsWith('\n') || !text ? text : text + '\n');
}

/** From a process's output, the gateway's log lines (JSON with a level); what a command prints for its user is not a log. */
export function recordLogOutput(output: string): void {
  recordLogLines(output.split('\n').filter((l) => l.startsWith('{"time":') && l.includes('"level":')).join('\n'));
}

/** A debug-level logger that keeps lines in memory (for assertions) and in the run's log capture. */
export function captureLogger(lines: string[] = []): Logger & { lines: string[] } {
  const logger = createLogger('debug', (line) => {
    lines.push(line);
    recordLogLines(line);
  });
  return Object.assign(logger, { lines });
}
