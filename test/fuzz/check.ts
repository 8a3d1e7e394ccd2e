// What the fuzz suites share: the run budget from FUZZ_RUNS / FUZZ_SEED, and a property runner that reports.
import fc from 'fast-check';

/** 0 in `npm test` (each property runs its few quick cases); set by `npm run fuzz`. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Runs a property, fails the test with fast-check's report (seed and counterexample), and records the count. */
export async function check<T>(task: { meta: { fuzzRuns?: number } }, arb: fc.Arbitrary<T>, numRuns: number, predicate: (v: T) => Promise<void>) {
  const out = await fc.check(fc.asyncProperty(arb, predicate), { numRuns, seed: SEED, endOnFailure: FUZZ_RUNS === 0 });
  task.meta.fuzzRuns = (task.meta.fuzzRuns ?? 0) + out.numRuns;
  if (out.failed) {
    // Short: counterexamples can be 64 KiB long.
    const example = JSON.stringify(out.counterexample)?.slice(0, 1500);
    const error = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
    throw new Error(`property failed after ${out.numRuns} case(s); seed ${out.seed}, path "${out.counterexamplePath}"\ncounterexample (cut): ${example}\n${error.slice(0, 3000)}`);
  }
}
