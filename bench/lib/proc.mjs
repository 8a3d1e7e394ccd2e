// What /proc says of a process, for the benchmarks (bench/run.mjs, bench/ab.mjs): its CPU, its scheduling and its memory.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU ticks (user + system) of a process. */
export function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch { return NaN; }
}

/**
 * Resident memory of a process in MB to one decimal: all of it (VmRSS), and the part mapped from files (RssFile:
 * the code of node and its libraries, shared with other processes and reclaimable; the rest is the V8 heap and
 * malloc).
 */
export function residentMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    const mb = (x) => Math.round(x / 1024 * 10) / 10;
    return { rss: mb(kb('VmRSS')), file: mb(kb('RssFile')) };
  } catch { return { rss: NaN, file: NaN }; }
}

/** Resident memory of a process (VmRSS), in MB to one decimal. */
export const rssMb = (pid) => residentMb(pid).rss;

/**
 * The scheduler's account of a process's main thread (`/proc/<pid>/task/<pid>/`): ns runnable but waiting for a
 * core, and how often it was switched out without having asked (preempted). NaN for both without such a process.
 */
export function mainThreadSched(pid) {
  try {
    const wait = Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]);
    const preempted = Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8'))?.[1]);
    return { wait, preempted };
  } catch { return { wait: NaN, preempted: NaN }; }
}

/** Busy and total ticks of the whole machine (all cores), from /proc/stat. */
export function machineTicks() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - f[3] - f[4], total };
  } catch { return { busy: NaN, total: NaN }; }
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
