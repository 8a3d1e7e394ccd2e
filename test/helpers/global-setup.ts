// Before the run: build dist/ (the CLI and SCF tests run the bundles). After it: the log-redaction check
// over every log line of the whole run, against every secret the tests recorded.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_DIR } from './logs.js';

export function setup(): () => void {
  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  return teardown;
}

/** Vitest 4 reports a throw from global teardown but still exits 0: set the exit code as well. */
function teardown(): void {
  try {
    checkLogs();
  } catch (err) {
    process.exitCode = 1;
    throw err;
  }
}

function checkLogs(): void {
  const files = readdirSync(LOG_DIR);
  const read = (prefix: string) => files.filter((f) => f.startsWith(prefix)).map((f) => readFileSync(join(LOG_DIR, f), 'utf8')).join('\n');
  const logs = read('log-');
  const secrets = [...new Set(read('secrets-').split('\n').filter((s) => s.length >= 8))];
  const lines = logs.split('\n').filter(Boolean).length;
  const leaked = secrets.filter((s) => logs.includes(s));
  if (secrets.length > 100 && lines === 0) throw new Error(`log-redaction check saw ${lines} log lines and ${secrets.length} secrets: the capture is broken`);
  if (leaked.length) throw new Error(`log-redaction check: ${leaked.length} secret value(s) appear in the gateway logs, e.g. one starting "${leaked[0]!.slice(0, 4)}…"`);
  process.stdout.write(`log-redaction check: ${lines} log lines, ${secrets.length} secrets, none leaked\n`);
}
