// Bundles the CLI, the SCF event-function entry and the Web-function entry into dist/ (CommonJS).
//   dist/cli.cjs          the `mina-auth` bin
//   dist/scf/             the SCF deploy folder (serverless.yml `src`): index.js (main_handler), web.js,
//                         scf_bootstrap (mode 755) and a package.json marking the folder CommonJS
// Every file is written to a temporary name and renamed, so a process starting during a rebuild (npm run dev
// while something else runs dist/cli.cjs) never reads half a bundle.
import { build } from 'esbuild';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';

const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false,
  // Native, and required lazily only for sqlite: URLs; the SCF bundles speak MySQL.
  external: ['better-sqlite3'], logLevel: 'warning',
};

async function put(path, contents, mode = 0o644) {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await chmod(temporary, mode);
  await rename(temporary, path);
}

await mkdir('dist/scf', { recursive: true });
const bundles = await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { index: 'scf/index.ts', web: 'scf/web.ts' }, outdir: 'dist/scf' }),
]);
await Promise.all([
  ...bundles.flatMap((b) => b.outputFiles.map((f) => put(f.path, f.contents))),
  // The repo's package.json says "type": "module"; without this, node would load dist/scf/*.js as ESM locally.
  put('dist/scf/package.json', JSON.stringify({ type: 'commonjs', private: true }) + '\n'),
  readFile('scf/scf_bootstrap').then((b) => put('dist/scf/scf_bootstrap', b, 0o755)),
]);
