// Two builds of the gateway side by side, served at the same time: `node bench/ab.mjs --a DIR --b DIR` (see
// bench/README.md, "Comparing two builds"). Each DIR is a checkout with its build in dist/ (e.g. a git worktree
// of the commit before a change). Both gateways run at once, each with its own store and half the connections,
// so both see the same moments of the machine: on a shared VM whose speed drifts from one minute to the next,
// a before/after comparison made this way holds where two runs one after the other do not. Prints each round
// and the medians: answers/s, the gateway's CPU per answer (from /proc), p99, peak RSS, and B against A.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveNodeArgs } from '../scripts/deployed-node-args.mjs';
import { CLK_TCK, cpuTicks, median, rssMb } from './lib/proc.mjs';

const { values: f } = parseArgs({
  options: {
    a: { type: 'string' }, b: { type: 'string' },
    db: { type: 'string', default: 'sqlite' }, mysql: { type: 'string', default: 'mysql://root@127.0.0.1:3306' },
    scen: { type: 'string', default: 'auth,token,404' },
    rounds: { type: 'string', default: '6' }, seconds: { type: 'string', default: '3' },
    conc: { type: 'string', default: '64' },
    'a-args': { type: 'string' }, 'b-args': { type: 'string' },
    'a-env': { type: 'string', default: '{}' }, 'b-env': { type: 'string', default: '{}' },
    'a-db': { type: 'string' }, 'b-db': { type: 'string' },
    keep: { type: 'boolean' },
  },
});
if (!f.a || !f.b) {
  console.error('usage: node bench/ab.mjs --a DIR --b DIR [--db sqlite|mysql] [--scen auth,token,404] [--rounds 6] [--seconds 3] [--conc 64] [--a-args="NODE ARGS"] [--b-args=…] [--a-env=JSON] [--b-env=…] [--a-db=sqlite|mysql] [--b-db=…] [--keep]');
  process.exit(2);
}

const NODE = process.execPath;
/** The children's environment: nothing of the caller's own gateway settings. */
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MINA_AUTH_')));
const DEPLOYED_ARGS = serveNodeArgs().join(' ');

const children = [];
const cleanups = [];
async function finish(code) {
  // SIGTERM first: `serve` closes cleanly (and writes a --cpu-prof profile), then whatever is left is killed.
  const exited = children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((r) => c.once('exit', r)));
  for (const c of children) c.kill('SIGTERM');
  await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 3000))]);
  for (const c of children) c.kill('SIGKILL');
  for (const clean of cleanups) clean();
  if (dropAtEnd.length) await sql(f.mysql, dropAtEnd.map((d) => `DROP DATABASE IF EXISTS ${d};`).join('\n')).catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => finish(130));

const appid = 'wx' + randomBytes(8).toString('hex');
const secret = randomBytes(16).toString('hex');
// 10,000 sessions of 500 users, the same in both stores; auth never opens the sealed session key.
const sessions = Array.from({ length: 10_000 }, (_, i) => {
  const skey = randomBytes(16).toString('hex');
  return { id: randomBytes(16).toString('hex'), skey, openid: `o${i % 500}`, hash: createHash('sha256').update(skey).digest('hex') };
});
const authBodies = sessions.map((s) => JSON.stringify({ interface: { interfaceName: 'qcloud.cam.auth', para: { id: s.id, skey: s.skey } } }));
const seedSql = (now) => [
  `INSERT INTO users (appid,openid,unionid,session_key_sealed,user_info,created_at,updated_at) VALUES ${Array.from({ length: 500 }, (_, i) => `('${appid}','o${i}',NULL,'unused',NULL,${now},${now})`).join(',')};`,
  ...Array.from({ length: 10 }, (_, k) => `INSERT INTO sessions (id,appid,openid,skey_hash,created_at,last_visit_at) VALUES ${sessions.slice(k * 1000, (k + 1) * 1000).map((s) => `('${s.id}','${appid}','${s.openid}','${s.hash}',${now},${now})`).join(',')};`),
].join('\n');

/** Runs statements on a store: a MySQL server or database URL, or a `sqlite:` file. */
async function sql(url, statements) {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    db.exec(statements);
    db.close();
    return;
  }
  const c = await createConnection({ uri: url, multipleStatements: true });
  try { await c.query(statements); } finally { await c.end(); }
}
const dropAtEnd = [];

const freePort = () => new Promise((ok, fail) => {
  const server = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => ok(port));
  });
});

/** Starts `node args` and resolves with the first match of `until` on its stdout. */
function start(args, env, until) {
  const proc = spawn(NODE, args, { env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(proc);
  return new Promise((ok, fail) => {
    let text = '';
    proc.stdout.on('data', (d) => {
      text += d;
      const m = until.exec(text);
      if (m) { proc.stdout.removeAllListeners('data'); proc.stdout.resume(); ok(m); }
    });
    proc.once('exit', (code) => fail(new Error(`${args.join(' ')} exited ${code}: ${text}`)));
  });
}

async function post(url, body, headers = {}) {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return res.json();
}

/** The store of one side: --a-db / --b-db, else --db. */
const dbOf = (name) => f[`${name}-db`] ?? f.db;

/** One gateway: its build, its store (seeded), its caller key, `serve` on a free port with the deployed node options. */
async function gateway(name, dir, nodeArgs, extraEnv, sandbox) {
  const cli = resolve(dir, 'dist/cli.cjs');
  const tmp = mkdtempSync(join(tmpdir(), `mina-ab-${name}-`));
  cleanups.push(() => (f.keep ? console.log(`${name}: kept ${tmp} (store, serve.log)`) : rmSync(tmp, { recursive: true, force: true })));
  let url = `sqlite:${tmp}/store.db`;
  if (dbOf(name) === 'mysql') {
    const database = `mina_ab_${process.pid}_${name}`;
    await sql(f.mysql, `CREATE DATABASE ${database}`);
    dropAtEnd.push(database);
    url = `${f.mysql}/${database}`;
  }
  const env = {
    MINA_AUTH_DATABASE_URL: url, MINA_AUTH_MASTER_KEY: randomBytes(32).toString('base64'), MINA_AUTH_WECHAT_BASE_URL: sandbox,
    MINA_AUTH_LOG_LEVEL: 'info', MINA_AUTH_RATE_EXEMPT: '127.0.0.1,::1', ...extraEnv,
  };
  const cliRun = (args, input) => {
    const r = spawnSync(NODE, [cli, ...args], { env: { ...baseEnv, ...env }, input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${name}: mina-auth ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  cliRun(['migrate']);
  cliRun(['app', 'add', appid, '--secret', '-'], secret);
  const key = cliRun(['key', 'create', '--name', 'ab', '--scope', 'qcloud.mimi.*:*']);
  await sql(url, seedSql(Math.floor(Date.now() / 1000)));
  // The log goes to a file, as in production; the port is found free beforehand, so any log level works.
  const logFile = join(tmp, 'serve.log');
  const fd = openSync(logFile, 'a');
  const port = await freePort();
  const proc = spawn(NODE, [...nodeArgs.split(/\s+/).filter(Boolean), cli, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...baseEnv, ...env }, stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  children.push(proc);
  let up = false;
  for (let i = 0; i < 400 && !up; i++) {
    await new Promise((r) => setTimeout(r, 25));
    up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
  }
  if (!up) throw new Error(`${name}: serve did not start: ${readFileSync(logFile, 'utf8').slice(-500)}`);
  const gw = `http://127.0.0.1:${port}/mina_auth`;
  const checks = [[authBodies[0], {}], [JSON.stringify({ interface: { interfaceName: 'qcloud.mimi.access_token', para: { appid } } }), { authorization: `Bearer ${key}` }]];
  for (const [body, headers] of checks) {
    const answer = await post(gw, body, headers);
    if (answer.returnCode !== 0) throw new Error(`${name}: expected returnCode 0, got ${JSON.stringify(answer)}`);
  }
  return { name, gw, key, pid: proc.pid };
}

let next = 0;
/** autocannon against one gateway; every answer must carry `expect` (else it counts as an error). */
function load(g, scenario, seconds) {
  const opts = {
    auth: { path: '/mina_auth', requests: [{ setupRequest: (r) => ({ ...r, body: authBodies[next++ % authBodies.length] }) }], expect: '"returnCode":0,' },
    token: { path: '/mina_auth', body: JSON.stringify({ interface: { interfaceName: 'qcloud.mimi.access_token', para: { appid } } }), headers: { authorization: `Bearer ${g.key}` }, expect: '"returnCode":0,' },
    404: { path: '/nope', body: '{}', expect: 'not found' },
  }[scenario];
  if (!opts) throw new Error(`unknown scenario ${scenario} (auth, token, 404)`);
  const url = g.gw.replace('/mina_auth', opts.path);
  return new Promise((ok, fail) => autocannon({
    url, method: 'POST', connections: Math.max(1, Math.floor(Number(f.conc) / 2)), duration: seconds,
    headers: { 'content-type': 'application/json', ...opts.headers }, body: opts.body, requests: opts.requests,
    verifyBody: (body) => body.includes(opts.expect),
  }, (err, r) => (err ? fail(err) : ok(r))));
}

async function main() {
  const sandboxAt = await start([resolve(f.a, 'dist/cli.cjs'), 'sandbox', '--port', '0'], {}, /listening on (\S+)/);
  await post(`${sandboxAt[1]}/__sandbox/apps`, JSON.stringify({ appid, secret }));
  const [A, B] = await Promise.all([
    gateway('a', f.a, f['a-args'] ?? DEPLOYED_ARGS, JSON.parse(f['a-env']), sandboxAt[1]),
    gateway('b', f.b, f['b-args'] ?? DEPLOYED_ARGS, JSON.parse(f['b-env']), sandboxAt[1]),
  ]);
  console.log(`A ${f.a} (${f['a-args'] ?? DEPLOYED_ARGS}) · B ${f.b} (${f['b-args'] ?? DEPLOYED_ARGS}) · ${dbOf('a') === dbOf('b') ? f.db : `A on ${dbOf('a')}, B on ${dbOf('b')}`} · ${f.conc} connections in all`);

  const rows = [];
  for (let round = 0; round < Number(f.rounds); round++) {
    for (const scenario of f.scen.split(',')) {
      await Promise.all([load(A, scenario, 1), load(B, scenario, 1)]); // warm-up, together
      const before = [cpuTicks(A.pid), cpuTicks(B.pid)];
      const peak = [0, 0];
      const sampler = setInterval(() => { peak[0] = Math.max(peak[0], rssMb(A.pid)); peak[1] = Math.max(peak[1], rssMb(B.pid)); }, 50);
      const results = await Promise.all([load(A, scenario, Number(f.seconds)), load(B, scenario, Number(f.seconds))]);
      clearInterval(sampler);
      const [a, b] = results.map((r, i) => {
        if (r.errors || r.mismatches || (scenario !== '404' && r.non2xx)) throw new Error(`${scenario}: ${r.errors} errors, ${r.mismatches} unexpected answers from ${'AB'[i]}`);
        const answers = r.requests.total;
        return { perSecond: answers / r.duration, cpuUs: ((cpuTicks([A, B][i].pid) - before[i]) / CLK_TCK) * 1e6 / answers, p99: r.latency.p99, rss: peak[i] };
      });
      rows.push({ scenario, a, b });
      const show = (x) => `${Math.round(x.perSecond)}/s cpu ${x.cpuUs.toFixed(1)} µs p99 ${x.p99} ms rss ${x.rss.toFixed(1)} MB`;
      console.log(`round ${round + 1} ${scenario.padEnd(5)} A ${show(a)} | B ${show(b)} | B/A answers ${(b.perSecond / a.perSecond).toFixed(3)} cpu ${(b.cpuUs / a.cpuUs).toFixed(3)}`);
    }
  }
  console.log('\nmedians (B/A: the median of the rounds\' ratios)');
  for (const scenario of f.scen.split(',')) {
    const rs = rows.filter((r) => r.scenario === scenario);
    const med = (side, key) => median(rs.map((r) => r[side][key]));
    console.log(`${scenario.padEnd(5)} A ${Math.round(med('a', 'perSecond'))}/s cpu ${med('a', 'cpuUs').toFixed(1)} µs p99 ${med('a', 'p99')} ms rss ≤ ${Math.max(...rs.map((r) => r.a.rss)).toFixed(1)} MB`
      + ` | B ${Math.round(med('b', 'perSecond'))}/s cpu ${med('b', 'cpuUs').toFixed(1)} µs p99 ${med('b', 'p99')} ms rss ≤ ${Math.max(...rs.map((r) => r.b.rss)).toFixed(1)} MB`
      + ` | B/A answers ${median(rs.map((r) => r.b.perSecond / r.a.perSecond)).toFixed(3)} cpu ${median(rs.map((r) => r.b.cpuUs / r.a.cpuUs)).toFixed(3)}`);
  }
}

main().then(() => finish(0), (err) => { console.error(err); finish(1); });
