// The node options the deploy files start the gateway with, read where they are written: `serve` and the Web
// function those of `npm start` (also in scf/scf_bootstrap and docs/deploy.md's systemd unit), the SCF event
// function those of NODE_OPTIONS in serverless.yml. Read by the build (the event function's code cache is made
// under its options) and by the benchmarks.
import { readFileSync } from 'node:fs';

function argsIn(file, pattern) {
  const m = pattern.exec(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));
  if (!m) throw new Error(`${file} no longer matches ${pattern}: update scripts/deployed-node-args.mjs`);
  return m[1].split(/\s+/).filter(Boolean);
}

export const serveNodeArgs = () => argsIn('package.json', /"start": "node ((?:--\S+ )*)dist\/cli\.cjs serve"/);
export const eventFunctionNodeArgs = () => argsIn('serverless.yml', /NODE_OPTIONS: ((?:--\S+ ?)+)/);
