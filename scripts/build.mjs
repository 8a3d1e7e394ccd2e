// Bundles the CLI, the SCF event-function entry and the Web-function entry into dist/ (CommonJS).
//   dist/cli.cjs          the `mina-auth` bin (and dist/cos-sdk.cjs beside it)
//   dist/scf/             the SCF deploy folder (serverless.yml `src`): index.js (main_handler), web.js,
//                         cos-sdk.js, scf_bootstrap (mode 755) and a package.json marking the folder CommonJS
//   dist/meta/scf.json    esbuild's metafile of the SCF bundles (what each package weighs; read by the bench)
// Everything is minified (keeping function names for stack traces): a process holds its source in memory and
// parses it on every start. The COS SDK is a file of its own, loaded by the first qcloud.cos.sign only. Every
// file is written to a temporary name and renamed, so a process starting during a rebuild (npm run dev while
// something else runs dist/cli.cjs) never reads half a bundle.
import { build } from 'esbuild';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';

const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, minify: true, keepNames: true,
  // Native, and required lazily only for sqlite: URLs; the SCF bundles speak MySQL.
  external: ['better-sqlite3'], logLevel: 'warning',
};

/** `import('cos-nodejs-sdk-v5')` becomes `import('./<file>')`: the SDK built on its own, beside the bundle. */
const cosApart = (file) => ({
  name: 'cos-sdk-apart',
  setup(b) {
    b.onResolve({ filter: /^cos-nodejs-sdk-v5$/ }, () => ({ path: `./${file}`, external: true }));
  },
});

async function put(path, contents, mode = 0o644) {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await chmod(temporary, mode);
  await rename(temporary, path);
}

await Promise.all([mkdir('dist/scf', { recursive: true }), mkdir('dist/meta', { recursive: true })]);
const [cli, entries, cos] = await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, plugins: [cosApart('cos-sdk.cjs')] }),
  build({ ...common, entryPoints: { index: 'scf/index.ts', web: 'scf/web.ts' }, outdir: 'dist/scf', plugins: [cosApart('cos-sdk.js')], metafile: true }),
  build({ ...common, entryPoints: { 'cos-sdk': 'cos-nodejs-sdk-v5' }, outdir: 'dist/scf' }),
]);
await Promise.all([
  ...[cli, entries, cos].flatMap((b) => b.outputFiles.map((f) => put(f.path, f.contents))),
  put('dist/cos-sdk.cjs', cos.outputFiles[0].contents),
  put('dist/meta/scf.json', JSON.stringify(entries.metafile)),
  // The repo's package.json says "type": "module"; without this, node would load dist/scf/*.js as ESM locally.
  put('dist/scf/package.json', JSON.stringify({ type: 'commonjs', private: true }) + '\n'),
  readFile('scf/scf_bootstrap').then((b) => put('dist/scf/scf_bootstrap', b, 0o755)),
]);
