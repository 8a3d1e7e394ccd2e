// Logs are data: one JSON object per line. Callers pass only fields that are safe to keep (never secrets).
import type { LogLevel } from './config.js';

export type LogFields = Record<string, string | number | boolean | null | undefined>;
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * For the long-running servers: the lines of one event-loop turn go out in one write (each write to stdout is a
 * system call, synchronous for files and pipes). Whatever is pending is written on exit.
 */
export function batchedStdout(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const out = pending.join('\n') + '\n';
    pending = [];
    process.stdout.write(out);
  };
  process.on('exit', () => { if (pending.length) flush(); });
  // Each line is kept as it is and the newlines added by the join: no copy of a line to append one.
  return (line) => { if (pending.push(line) === 1) setImmediate(flush); };
}

let isoMs = -1;
let iso = '';
/** The time as ISO 8601, formatted once per millisecond however many lines that millisecond logs. */
function isoNow(): string {
  const ms = Date.now();
  if (ms !== isoMs) {
    isoMs = ms;
    iso = new Date(ms).toISOString();
  }
  return iso;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  // A line is time, level, msg, then the fields as given (none of them named time, level or msg), serialised as
  // they are rather than copied into one object first: every request logs a line (half the CPU of the copy).
  const emit = (at: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: LogFields) => {
    if (RANK[at] < RANK[level]) return;
    const rest = fields === undefined ? '{}' : JSON.stringify(fields);
    write(`{"time":"${isoNow()}","level":"${at}","msg":${JSON.stringify(msg)}${rest === '{}' ? '}' : ',' + rest.slice(1)}`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
