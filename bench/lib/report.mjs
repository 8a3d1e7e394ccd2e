// docs/benchmarks.md and docs/benchmarks.svg from one results file (bench/run.mjs calls renderDocs).
// Regenerate from a saved run without measuring again: node bench/lib/report.mjs [bench/results/latest.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const pct = (x) => `${Math.round(x * 100)}%`;
export const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
export const r1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10) / 10);

/**
 * A load point's ratio to its floor. To the HTTP floor: the median of the ratios of the rounds the two ran in turn
 * (a point run once, like id_skey, or a results file from before the rounds: answers/s over the floor's). auth's is
 * the higher of that and its answers/s over the DB floor's, i.e. its ratio to min(HTTP floor, DB floor).
 */
export function ratioOf(name, r, dbFloor) {
  const http = r.httpFloorRatio ?? r.perSecond / r.httpFloor.perSecond;
  return name === 'auth' ? Math.max(http, r.perSecond / dbFloor.perSecond) : http;
}
const num = (n) => (n === null || n === undefined ? '–' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** A "nice" axis maximum and step for values up to `max`. */
function axis(max, ticks = 5) {
  const raw = Math.max(max, 1e-9) / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  return { max: step * Math.ceil(max / step), step };
}

/** Two panels, throughput and p99 against concurrency; one line per series. Hand-written SVG, no dependency. */
export function renderSvg(fig) {
  const levels = fig.params.levels;
  const series = [];
  const colors = { sqlite: ['#1f77b4', '#9ec5e8'], mysql: ['#d62728', '#f0a8a8'] };
  for (const [dialect, d] of Object.entries(fig.stores)) {
    const [strong, light] = colors[dialect] ?? ['#2ca02c', '#a8dca8'];
    const label = dialect === 'mysql' ? 'MariaDB' : 'SQLite';
    series.push({ name: `HTTP floor (${label} run)`, color: light, dash: '6 4', points: levels.map((c) => d.scenarios.auth[c].httpFloor) });
    if (dialect === 'mysql') series.push({ name: 'DB floor (mysql2)', color: '#999', dash: '2 3', points: levels.map((c) => d.dbFloor[c]) });
    series.push({ name: `auth, ${label}`, color: strong, dash: '', points: levels.map((c) => d.scenarios.auth[c]) });
  }
  const W = 880, H = 390, panelW = 360, panelH = 240, top = 50, lefts = [80, 520];
  const panels = [
    { title: 'Throughput (answers/s)', value: (p) => p.perSecond, fmt: (v) => (v >= 1000 ? `${r1(v / 1000)}k` : String(v)) },
    { title: 'p99 latency (ms)', value: (p) => p.p99ms, fmt: (v) => String(r1(v)) },
  ];
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">qcloud.cam.auth over ${num(fig.params.sessions)} sessions against its floors (${esc(fig.mode)} run, ${esc(fig.when.slice(0, 10))}, ${fig.cores} cores)</text>`];
  panels.forEach((panel, pi) => {
    const left = lefts[pi];
    const values = series.flatMap((s) => s.points.map(panel.value)).filter((v) => Number.isFinite(v));
    const { max, step } = axis(Math.max(...values) * 1.05);
    const x = (i) => left + (levels.length === 1 ? panelW / 2 : (i * panelW) / (levels.length - 1));
    const y = (v) => top + panelH - (v / max) * panelH;
    out.push(`<text x="${left + panelW / 2}" y="${top - 12}" text-anchor="middle" font-weight="600">${esc(panel.title)}</text>`);
    for (let v = 0; v <= max + step / 2; v += step) {
      out.push(`<line x1="${left}" x2="${left + panelW}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/>`);
      out.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#555">${esc(panel.fmt(v))}</text>`);
    }
    levels.forEach((c, i) => out.push(`<text x="${x(i)}" y="${top + panelH + 18}" text-anchor="middle" fill="#555">${c}</text>`));
    out.push(`<text x="${left + panelW / 2}" y="${top + panelH + 36}" text-anchor="middle" fill="#333">concurrent connections</text>`);
    out.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${top + panelH}" stroke="#999"/><line x1="${left}" x2="${left + panelW}" y1="${top + panelH}" y2="${top + panelH}" stroke="#999"/>`);
    if (pi === 1) {
      // The target line: p99 ≤ 10 ms.
      if (10 <= max) out.push(`<line x1="${left}" x2="${left + panelW}" y1="${y(10)}" y2="${y(10)}" stroke="#2ca02c" stroke-dasharray="1 3"/><text x="${left + panelW - 4}" y="${y(10) - 4}" text-anchor="end" fill="#2ca02c">target 10 ms</text>`);
    }
    for (const s of series) {
      const pts = s.points.map((p, i) => [x(i), y(panel.value(p))]).filter(([, py]) => Number.isFinite(py));
      out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''} points="${pts.map(([a, b]) => `${r1(a)},${r1(b)}`).join(' ')}"/>`);
      for (const [a, b] of pts) out.push(`<circle cx="${r1(a)}" cy="${r1(b)}" r="3" fill="${s.color}"/>`);
    }
  });
  series.forEach((s, i) => {
    const lx = 40 + i * 168, ly = H - 22;
    out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''}/><text x="${lx + 30}" y="${ly}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

export function renderMarkdown(fig) {
  const at = fig.params.at;
  const L = [];
  L.push('# Benchmarks', '');
  L.push('<!-- Generated by `npm run bench` (bench/run.mjs, bench/lib/report.mjs) from bench/results/latest.json: do not edit by hand. -->', '');
  L.push(`Run: ${fig.when} · ${fig.mode} (${fig.params.seconds} s per point) · ${fig.cores} × ${esc(fig.cpu)}, ${fig.memoryGb} GB · Node ${fig.node}${fig.mysqlVersion ? ` · MariaDB ${fig.mysqlVersion}` : ''} · commit ${fig.commit ?? '?'}${fig.dirty ? ` (+${fig.dirty} uncommitted files in src/ or scf/)` : ''} · ${fig.seconds} s in all.`, '');
  L.push('The load generator (autocannon, in its own process), the gateway, the WeChat sandbox and MariaDB share these cores, so absolute figures say little about a real server; every figure is therefore also given as a ratio to a **floor measured in the same run**: a bare `node:http` server answering a fixed JSON body to the same requests (HTTP floor), raw `mysql2` primary-key selects at the same concurrency and pool size (DB floor; better-sqlite3 for SQLite), and `node -e 0` (process floor). See [bench/README.md](../bench/README.md) for the method.', '');
  L.push('![Throughput and p99 of qcloud.cam.auth against concurrency, with the floors](benchmarks.svg)', '');

  L.push('## Targets', '', '| target | verdict | figure |', '|---|---|---|');
  for (const v of fig.verdicts) L.push(`| ${esc(v.target)} | ${v.holds ? '✅ holds' : '❌ misses'} | ${esc(v.figure)} |`);
  L.push('');

  L.push('## Load scenarios', '');
  const rounds = fig.params.rounds ?? 1;
  L.push(`Every point runs **in turn with its HTTP floor** at the same concurrency, ${rounds} slices of each (${r1(fig.params.seconds / rounds)} s), so whatever else the machine does at the time weighs on both; the ratio is the median of the rounds' ratios (\`id_skey\`, a fixed number of logins, is compared with the 404's floor). Answers per second (of the point and of its floor) counts only answers with the expected \`returnCode\`, over all the slices; p50/p99 are exact percentiles of every answer; *server CPU* is the gateway process's user+system CPU per answer (from /proc); *server waits* is the time the gateway's main thread was runnable but waiting for a core, in % of the wall time (from /proc: a MariaDB thread woken by a query runs on the gateway's core when the other one is busy); *other CPU* is what neither the gateway nor the load generator used, in % of one core (MariaDB, the sandbox, and anything else running). Ratio: \`auth\` to min(HTTP floor, DB floor), everything else to the HTTP floor.`, '');
  L.push('| store | scenario | conc. | answers/s | HTTP floor/s | ratio | p50 ms | p99 ms | server CPU µs/answer | server waits % | other CPU % | failed |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const names = { auth: '`qcloud.cam.auth` (10k live sessions)', access_token: '`qcloud.mimi.access_token` (warm)', gateway_404: '404 (gateway, no dispatch)', id_skey_latency0: '`qcloud.cam.id_skey` (fresh codes, sandbox 0 ms)', id_skey_latency50: '`qcloud.cam.id_skey` (fresh codes, sandbox 50 ms)' };
  for (const [dialect, d] of Object.entries(fig.stores)) {
    // SQLite's floor is synchronous: one figure serves every level.
    const ms = (x) => (x < 0.1 ? `${Math.round(x * 1000)} µs` : r1(x));
    for (const c of dialect === 'mysql' ? fig.params.levels : [fig.params.levels[0]]) {
      const f = d.dbFloor[c];
      L.push(`| ${dialect} | DB floor (${dialect === 'mysql' ? `mysql2, pool ${f.connectionLimit}` : 'better-sqlite3, synchronous'}) | ${dialect === 'mysql' ? c : '–'} | ${num(f.perSecond)} | | | ${ms(f.p50ms)} | ${ms(f.p99ms)} | | | | |`);
    }
    for (const [name, byLevel] of Object.entries(d.scenarios)) {
      for (const [c, r] of Object.entries(byLevel)) {
        L.push(`| ${dialect} | ${names[name] ?? name} | ${c} | ${num(r.perSecond)} | ${num(r.httpFloor.perSecond)} | ${ratioOf(name, r, d.dbFloor[c] ?? d.dbFloor[at]).toFixed(2)} | ${r1(r.p50ms)} | ${r1(r.p99ms)} | ${num(r.serverCpuUsPerReq)} | ${r.serverWaitPct ?? ''} | ${r.otherCpuPct ?? ''} | ${r.errors + r.mismatches + r.timeouts} |`);
      }
    }
  }
  const w = fig.floors.work;
  if (w) {
    L.push('', '### What a ratio is worth on this machine', '');
    L.push(`The HTTP floor's server made busy for a fixed time before each answer (pure CPU, nothing allocated), at ${at}, each level in turn with the plain floor: whatever the gateway does on top of \`node:http\` is such a cost, so a ratio to the HTTP floor translates into µs per answer. Server CPU per answer grows by more than the work added: the slower the server, the more often the load generator waits idle and each answer pays for waking it.`, '');
    L.push('| work per answer | answers/s | HTTP floor/s | ratio | server CPU µs/answer | p99 ms |', '|---:|---:|---:|---:|---:|---:|');
    for (const [us, r] of Object.entries(w)) L.push(`| ${us} µs | ${num(r.perSecond)} | ${num(r.floor)} | ${r.ratio.toFixed(2)} | ${num(r.serverCpuUsPerReq)} | ${r1(r.p99ms)} |`);
  }
  L.push('', `\`id_skey\` runs a fixed number of logins (${Object.entries(fig.params.logins).map(([l, n]) => `${num(n)} at ${l} ms`).join(', ')}), each with a code minted just before and used once; at 50 ms the ceiling is concurrency ÷ latency = ${num(Math.round(at / 0.05))}/s.`, '');

  const levels = fig.params.levels;
  L.push('## Memory', '', `| store | RSS idle | RSS peak under the auth load | of it mapped from files | peak at ${levels.join(' / ')} | mean | after id_skey | log lines | at error |`, '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [dialect, d] of Object.entries(fig.stores)) {
    const byLevel = d.authRss.peakMbByConcurrency ? levels.map((c) => d.authRss.peakMbByConcurrency[c]).join(' / ') + ' MB' : '–';
    const file = (mb) => (mb ? `${mb} MB` : '–');
    L.push(`| ${dialect} | ${d.idleRssMb} MB | ${d.authRss.peakMb} MB | ${file(d.authRss.peakFileMb)} | ${byLevel} | ${d.authRss.meanMb} MB | ${d.endRssMb} MB | ${num(d.logLines)} | ${d.logErrors} |`);
  }
  const nodeArgs = fig.build?.gatewayNodeArgs?.length ? `, run with \`node ${fig.build.gatewayNodeArgs.join(' ')}\` as the deploy files start it` : '';
  L.push('', `The gateway${nodeArgs}. The HTTP floor server itself held ${fig.floors.httpRssMb} MB. RSS is VmRSS, as the target counts it; *mapped from files* is its RssFile part: the pages of node's own code (and its libraries', better-sqlite3's addon) the process has touched, shared with every other node process on the machine and reclaimable under memory pressure. Loading better-sqlite3 touches ~4 MB more of node's code besides its own 1.8 MB, so the SQLite process starts ~6 MB above the MariaDB one.`, '');

  if (fig.scfInstance) {
    const i = fig.scfInstance;
    L.push('### One SCF event-function instance', '');
    L.push(`SCF hands an event-function instance one request at a time. A fresh process requires \`dist/scf/index.js\` (node ${i.nodeArgs.join(' ') || 'without options'}, as serverless.yml's \`NODE_OPTIONS\`) and calls \`main_handler\` with one Function URL auth event after another, over the seeded sessions on MariaDB, for ${i.seconds} s: **${num(i.perSecond)} auth/s**, RSS peak **${i.peakRssMb} MB**, ${i.endRssMb} MB at the end (${num(i.calls)} events, all answered 0).`, '');
  }

  const withBreakdown = Object.entries(fig.stores).filter(([, d]) => d.breakdown);
  if (withBreakdown.length) {
    L.push('## Where the time of one auth goes (in-process, no HTTP)', '');
    L.push(`bench/lib/breakdown.ts runs each layer of \`qcloud.cam.auth\` against the seeded store from ${fig.params.at} concurrent loops, in turn, ${fig.params.breakdown.rounds} rounds of ${fig.params.breakdown.seconds} s, and keeps each layer's best round: CPU µs per call of the whole process (for MySQL the server's share of the work is not included).`, '');
    L.push('| layer | ' + withBreakdown.map(([d]) => `${d} CPU µs/call | ${d} calls/s`).join(' | ') + ' |', '|---|' + withBreakdown.map(() => '---:|---:|').join(''));
    const layers = [['driver', 'the same SQL straight through the driver'], ['kysely', 'the query built and run by kysely'], ['kyselyPrecompiled', 'the SQL compiled once, run through kysely'], ['storeRead', 'the SQL compiled once, run through store.read for one id'], ['session', 'findLiveSession (+ skey hash; the ids of one event-loop turn in one query)'], ['dispatch', 'dispatch() of the request body'], ['handleHttp', 'handleHttp() with its log line'], ['appRow', 'one primary-key read via kysely (findApp)']];
    for (const [key, label] of layers) L.push(`| ${label} | ` + withBreakdown.map(([, d]) => (d.breakdown[key] ? `${d.breakdown[key].cpuUsPerCall} | ${num(d.breakdown[key].perSecond)}` : '– | –')).join(' | ') + ' |');
    L.push('');
  }
  if (fig.coldStart) {
    const p = fig.floors.process.medianMs;
    L.push('## Cold start of the SCF event function', '');
    L.push(`A fresh \`node ${(Object.values(Object.values(fig.coldStart)[0])[0].nodeArgs ?? []).join(' ')}\` process (serverless.yml's \`NODE_OPTIONS\`) requires \`dist/scf/index.js\` (which runs bundle.js with the code cache the build made) and answers one literal Function URL event through \`main_handler\`; wall time from spawn to exit, median of ${fig.params.coldRuns} rounds, each round running every event once and \`node -e 0\` once, in turn (so a burst of other work weighs on all alike). Process floor (\`node -e 0\`, from the same rounds): **${p} ms** (p90 ${fig.floors.process.p90Ms} ms). \`1003\` never touches the store (the pool connects lazily); \`healthz\` opens the first MariaDB connection and reads \`apps\`.`, '');
    L.push('| bundle | event | wall ms | above the floor | require ms | first call ms | code cache |', '|---|---|---:|---:|---:|---:|---|');
    const label = { shipped: 'dist/scf/index.js' };
    for (const [variant, events] of Object.entries(fig.coldStart)) for (const [name, c] of Object.entries(events)) L.push(`| ${label[variant] ?? variant} | ${name} | ${c.medianMs} | ${r1(c.medianMs - p)} | ${c.requireMs} | ${c.firstCallMs} | ${c.codeCache ?? '–'} |`);
    L.push('');
  }
  if (fig.bundle) {
    const b = fig.bundle;
    L.push('## Bundle', '', 'As shipped by scripts/build.mjs: minified, with the COS SDK in a file of its own that the first `qcloud.cos.sign` loads.', '');
    L.push('| file | bytes | gzip |', '|---|---:|---:|', `| dist/scf/index.js + bundle.js | ${mb(b.bytes)} | ${mb(b.gzipBytes)} |`, `| dist/scf/cos-sdk.js | ${b.cosSdkBytes === null ? '–' : mb(b.cosSdkBytes)} | |`, `| dist/scf/bundle.js.cache (V8 code cache, not JavaScript) | ${b.codeCacheBytes == null ? '–' : mb(b.codeCacheBytes)} | |`, '');
    if (b.topPackages) L.push('Largest contributors to bundle.js: ' + b.topPackages.map((t) => `${esc(t.name)} ${(t.bytes / 1e3).toFixed(0)} kB`).join(', ') + '.', '');
  }
  if (fig.dispatch) {
    L.push('## Dispatch overhead (in-process, no I/O)', '');
    L.push('`dispatch()` from src/dispatch/dispatch.ts under tsx, with the store and the WeChat client replaced by proxies that throw if touched: parse, caller check, validate, route, and `JSON.stringify` of the envelope. `handleHttp` adds the request id, the path match and the request log line (formatted, written nowhere).', '');
    L.push('| request | answer | dispatch p50 µs | p99 µs | handleHttp p50 µs | p99 µs |', '|---|---|---:|---:|---:|---:|');
    for (const [name, d] of Object.entries(fig.dispatch)) L.push(`| ${name.replace(/_\d+$/, '')} | ${name.match(/\d+$/)?.[0] ?? ''} | ${d.dispatch.p50us} | ${d.dispatch.p99us} | ${d.handleHttp.p50us} | ${d.handleHttp.p99us} |`);
    L.push('');
  }
  L.push('## Reading these figures', '');
  const floorAt = Object.values(fig.stores).map((d) => d.scenarios.auth?.[at]?.httpFloor?.perSecond).find(Boolean);
  L.push(`- The absolute targets (p99 in ms, dispatch in µs, cold start in ms) follow the speed of the machine at the time of the run, which on a shared VM can move by a factor of four from one hour to the next; the floors say which speed a run had (here the HTTP floor at ${at}: ${num(floorAt ?? NaN)}/s, \`node -e 0\`: ${fig.floors.process?.medianMs ?? '?'} ms). Compare them with the other runs in bench/results before reading an absolute miss (bench/README.md, "Reading the figures").`);
  L.push('- On two shared cores the load generator takes roughly half a core to a core; the HTTP floor is therefore a floor for *this* machine, and the gateway\'s ratio to it is what carries over.');
  L.push('- The auth sessions are seeded directly into the store (users sealed under the master key, `skey_hash` = SHA-256 of a known skey), so creating 10,000 of them takes a second rather than 10,000 logins. Every session is marked visited just before the auth load, so the sliding-expiry write (at most once a minute per session; about 170 writes/s for 10,000 sessions in steady use) stays out of these figures.');
  L.push(`- Load average ${fig.loadavgStart ?? '?'} at the start of the run and ${fig.loadavgEnd ?? '?'} at its end; each point of the results file records the machine's CPU use (\`machineCpuPct\`, 100 = one core) and what neither the server nor the load generator used (\`otherCpuPct\`: MariaDB, the sandbox, anything else running). Run-to-run noise is ±10–20 % on a quiet machine and far more on a shared one: compare ratios from the same run, and runs from the same machine.`);
  return L.join('\n') + '\n';
}

export function renderDocs(fig) {
  return { markdown: renderMarkdown(fig), svg: renderSvg(fig) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fig = JSON.parse(readFileSync(process.argv[2] ?? 'bench/results/latest.json', 'utf8'));
  const { markdown, svg } = renderDocs(fig);
  writeFileSync('docs/benchmarks.md', markdown);
  writeFileSync('docs/benchmarks.svg', svg);
  console.log('wrote docs/benchmarks.md and docs/benchmarks.svg');
}
