import { execFileSync } from 'node:child_process';
import { closeSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

/** Latencies (ms) and failures of one kind of call, e.g. `applications.submit`. */
export interface Step {
  name: string;
  latencies: number[];
  errors: string[];
}

/** Every step of a run, in the order they were first seen. */
export class Recorder {
  readonly steps = new Map<string, Step>();

  step(name: string): Step {
    let step = this.steps.get(name);
    if (!step) {
      step = { name, latencies: [], errors: [] };
      this.steps.set(name, step);
    }
    return step;
  }

  /**
   * Runs `call`, recording how long it took (from `started`, e.g. the planned instant of an open-loop arrival); a
   * failure is recorded (with its code) and rethrown.
   */
  async time<T>(name: string, call: () => Promise<T>, started = performance.now()): Promise<T> {
    const step = this.step(name);
    try {
      const result = await call();
      step.latencies.push(performance.now() - started);
      return result;
    } catch (error) {
      step.errors.push(describeError(error));
      throw error;
    }
  }

  errorCount(): number {
    let n = 0;
    for (const step of this.steps.values()) n += step.errors.length;
    return n;
  }
}

/** `CODE: message` for a tRPC client error, the message otherwise. */
export function describeError(error: unknown): string {
  const e = error as { message?: string; data?: { domainCode?: string; code?: string } };
  const code = e?.data?.domainCode ?? e?.data?.code;
  return `${code ? `${code}: ` : ''}${e?.message ?? String(error)}${causeOf(error)}`;
}

/** undici's "fetch failed" says why only in its cause chain (connect timeout, headers timeout, refused, reset). */
function causeOf(error: unknown): string {
  const parts: string[] = [];
  for (let c = (error as { cause?: unknown })?.cause; c && parts.length < 3; c = (c as { cause?: unknown }).cause) {
    const e = c as { code?: string; message?: string };
    parts.push(`${e.code ? `${e.code} ` : ''}${e.message ?? String(c)}`);
  }
  return parts.length ? ` (${parts.join(' ← ')})` : '';
}

/** Nearest-rank percentile of `values` (ms). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Runs `work(item)` for every item with at most `concurrency` in flight; failures are left to `work` to record. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/**
 * Wall time and whole-process CPU time (user + system, every thread) of a phase, and how busy the main thread's
 * event loop was (1 = never idle: every request, and every synchronous libSQL call with its fsync, waits for it).
 */
export interface PhaseCost {
  wallMs: number;
  cpuMs: number;
  loopBusy: number;
  /** Cores the whole machine kept busy during the phase (this process and everything else), from /proc/stat. */
  machineCores: number;
}

/** The machine's CPU time so far (clock ticks): busy (everything but idle and iowait) and total. */
export function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { busy: user + nice + system + irq + softirq + steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

/** Cores the machine keeps busy over `ms` while this process waits: the background load the bench will compete with. */
export async function backgroundCores(ms = 2000): Promise<number> {
  const before = machineTicks();
  await new Promise((done) => setTimeout(done, ms));
  const after = machineTicks();
  return ((after.busy - before.busy) / (after.total - before.total)) * cpus().length;
}

export async function measurePhase<T>(run: () => Promise<T>): Promise<{ result: T; cost: PhaseCost }> {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const ticks = machineTicks();
  const started = performance.now();
  const result = await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const loopBusy = performance.eventLoopUtilization(loop).utilization;
  const after = machineTicks();
  const machineCores = after.total > ticks.total ? ((after.busy - ticks.busy) / (after.total - ticks.total)) * cpus().length : Number.NaN;
  return { result, cost: { wallMs, cpuMs: (used.user + used.system) / 1000, loopBusy, machineCores } };
}

/** The disk under `file`: `rounds` times a 4 KiB write followed by fdatasync, as a WAL commit ends (ms each). */
export function fdatasyncLatencies(file: string, rounds = 200): number[] {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(4096, 1);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      writeSync(fd, block, 0, block.length, i * block.length);
      const started = performance.now();
      fdatasyncSync(fd);
      latencies.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
  }
  return latencies;
}

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

/** A plain-text table: first row is the header; numbers right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => width(row[column] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - width(cell));
        return column === 0 ? cell + pad : pad + cell;
      })
      .join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/** The commit measured, and whether the app's own folders had uncommitted changes (the tree is shared). */
export function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'db', 'worker').split('\n').filter(Boolean).length;
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ` + ${dirty} uncommitted file(s) under src/ db/ worker/` : ' (src/ db/ worker/ clean)'}`;
  } catch {
    return 'unknown (no git)';
  }
}
