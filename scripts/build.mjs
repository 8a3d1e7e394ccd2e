// Bundles the CLI, the SCF event-function entry and the Web-function entry into dist/ (CommonJS).
//   dist/cli.cjs          the `mina-auth` bin
//   dist/scf/             the SCF deploy folder (serverless.yml `src`): index.js (main_handler), web.js,
//                         scf_bootstrap (mode 755) and a package.json marking the folder CommonJS
import { build } from 'esbuild';
import { chmod, copyFile, mkdir, writeFile } from 'node:fs/promises';

const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  // Native, and required lazily only for sqlite: URLs; the SCF bundles speak MySQL.
  external: ['better-sqlite3'], logLevel: 'warning',
};

await mkdir('dist/scf', { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { index: 'scf/index.ts', web: 'scf/web.ts' }, outdir: 'dist/scf' }),
  // The repo's package.json says "type": "module"; without this, node would load dist/scf/*.js as ESM locally.
  writeFile('dist/scf/package.json', JSON.stringify({ type: 'commonjs', private: true }) + '\n'),
  copyFile('scf/scf_bootstrap', 'dist/scf/scf_bootstrap').then(() => chmod('dist/scf/scf_bootstrap', 0o755)),
]);
