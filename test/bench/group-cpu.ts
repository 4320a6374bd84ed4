import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

interface Stat {
  pid: number;
  comm: string;
  pgrp: number;
  /** utime + stime, in clock ticks: every thread of the process. */
  ticks: number;
}

function statOf(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    // After "pid (comm) ": state ppid pgrp … utime is field 14 and stime field 15 of the whole line.
    const fields = text.slice(close + 2).split(' ');
    return {
      pid: Number(pid),
      comm: text.slice(text.indexOf('(') + 1, close),
      pgrp: Number(fields[2]),
      ticks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return undefined; // ended meanwhile
  }
}

/** The processes of process group `pgrp` whose name starts with `name` (e.g. the workerd that `wrangler dev` runs). */
export function processesOf(pgrp: number, name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(statOf)
    .filter((s): s is Stat => s !== undefined && s.pgrp === pgrp && s.comm.startsWith(name))
    .map((s) => s.pid);
}

/** CPU milliseconds (user + system, all threads) the processes `pids` have used so far. */
export function cpuMsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) ticks += statOf(String(pid))?.ticks ?? 0;
  return (ticks * 1000) / ticksPerSecond;
}

const hasSchedstat = existsSync('/proc/self/schedstat');

/**
 * CPU milliseconds the live threads of `pids` have run so far, from the scheduler's nanosecond count
 * (`/proc/<pid>/task/<tid>/schedstat`), where `cpuMsOf` resolves 10 ms ticks: fine enough for one request. Threads that
 * ended are not counted, so it suits long-lived threads (workerd's). `cpuMsOf` on a kernel without schedstat.
 */
export function runtimeMsOf(pids: readonly number[]): number {
  if (!hasSchedstat) return cpuMsOf(pids);
  let ns = 0;
  for (const pid of pids) {
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      // ended meanwhile
    }
    for (const tid of threads) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // ended meanwhile
      }
    }
  }
  return ns / 1e6;
}
