// `npm run fuzz`: only test/fuzz/, with FUZZ_RUNS (default 100000) cases shared out among the properties
// (each file gives each property a share of it), then one line with the number of cases that ran.
// FUZZ_SEED=<n> replays a run. `npm test` runs the same files with a few cases each.
import type { Reporter, TestModule } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const FUZZ_RUNS = process.env.FUZZ_RUNS ?? '100000';
let started = 0;

const fuzzCount: Reporter = {
  onTestRunStart() {
    started = Date.now();
  },
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let total = 0;
    const lines: string[] = [];
    for (const m of modules) {
      for (const test of m.children.allTests()) {
        const n = (test.meta() as { fuzzRuns?: number }).fuzzRuns ?? 0;
        total += n;
        lines.push(`  ${String(n).padStart(7)}  ${test.fullName}`);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`\nfuzz cases per property:\n${lines.join('\n')}\nfuzz: ${total} cases ran in ${seconds} s (FUZZ_RUNS=${FUZZ_RUNS})\n`);
  },
};

export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts'],
    // The same set-up as `npm test`: the build, and the log-redaction check over every line the fuzz logged.
    globalSetup: ['test/helpers/global-setup.ts'],
    env: { FUZZ_RUNS },
    testTimeout: 3_600_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    reporters: ['default', fuzzCount],
  },
});
