// The renderer processes of the Chromium a benchmark started (Linux /proc), for the page's memory
// and its workers' CPU time. Only this browser's: on a shared machine another browser's page (a
// test run next door) would otherwise be reported as this one's.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Pids of this process's descendant renderers (the page and its workers); empty off Linux. */
export function ownRendererPids(): string[] {
  if (!existsSync('/proc')) return [];
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const rows = ps.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 3)
    .map(([pid, ppid, ...args]) => ({ pid: pid!, ppid: ppid!, args: args.join(' ') }));
  // This process's descendants: the browser, its zygotes and their renderers.
  const own = new Set([String(process.pid)]);
  for (let grown = true; grown;) {
    grown = false;
    for (const r of rows) {
      if (!own.has(r.ppid) || own.has(r.pid)) continue;
      own.add(r.pid);
      grown = true;
    }
  }
  return rows
    .filter(
      ({ pid, args }) => own.has(pid) && args.includes('--type=renderer') && !args.includes('--extension-process'),
    )
    .map((r) => r.pid);
}

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * CPU seconds (user + system) of each Web Worker thread of these renderers, by thread id: the
 * time the workers computed, which on a loaded machine their wall time does not tell.
 */
export function workerCpuSeconds(pids: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of pids) {
    const tids = existsSync(`/proc/${pid}/task`) ? readdirSync(`/proc/${pid}/task`) : [];
    for (const tid of tids) {
      try {
        if (!readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').includes('Worker')) continue;
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        // Fields after the parenthesized name: state is field 3, utime 14, stime 15.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(`${pid}/${tid}`, (Number(fields[11]) + Number(fields[12])) / TICKS);
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return out;
}
