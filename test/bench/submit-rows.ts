import { fixed, percentile } from './measure';
import type { BaselineResult } from './submit-baseline';
import type { LoadResult } from './submit-load';

export const ms = (v: number) => fixed(v, 0);
export const sec = (v: number) => fixed(v / 1000, 2);
export const ratio = (v: number) => `${fixed(v, 2)}×`;

/** One run of the platform or the baseline in a scenario, as `submit.ts` prints it. */
export interface Row {
  name: string;
  submits: number;
  errors: string[];
  latencies: number[];
  wallMs: number;
  /** The server's CPU (host process group, or the baseline process) over the run, ms. */
  cpuMs: number;
  /** Host only: its CPU from the start of the run until the SMS and system checks had drained. */
  cpuUntilDrainedMs?: number;
  /** Cores the rest of the machine kept busy over the run. */
  othersCores: number;
  loadCpuMs?: number;
  maxLagMs?: number;
}

export const rate = (r: Row) => r.submits / (r.wallMs / 1000);
export const cpuEach = (r: Row) => r.cpuMs / r.submits;

export function fromBaseline(name: string, b: BaselineResult): Row {
  return {
    name,
    submits: b.submits,
    errors: b.errors,
    latencies: b.latencies,
    wallMs: b.wallMs,
    cpuMs: b.cpuMs,
    othersCores: Math.max(0, b.machineCores - b.cpuMs / b.wallMs),
  };
}

export function fromLoad(name: string, l: LoadResult): Row {
  const cpuMs = l.hostCpuEndMs - l.hostCpuStartMs;
  return {
    name,
    submits: l.latencyMs.filter((v) => v >= 0).length,
    errors: l.errors,
    latencies: l.latencyMs.filter((v) => v >= 0),
    wallMs: l.wallMs,
    cpuMs,
    othersCores: Math.max(0, l.machineCores - (cpuMs + l.loadCpuMs) / l.wallMs),
    loadCpuMs: l.loadCpuMs,
    maxLagMs: l.maxLagMs,
  };
}

export const latencyCells = (r: Row) => [
  ms(percentile(r.latencies, 50)),
  ms(percentile(r.latencies, 99)),
  ms(r.latencies.length ? Math.max(...r.latencies) : Number.NaN),
];

/**
 * The burst over time, in tenths of its length until the last answer: per interval, the parents who arrived, the
 * answers that came, the latency of those who arrived then, and how many of them failed.
 */
export function burstTimeline(result: LoadResult, burstSeconds: number) {
  const doneAt = result.startMs.map((s, k) => (result.latencyMs[k]! >= 0 ? s + result.latencyMs[k]! : Number.NaN));
  const lastDone = Math.max(0, ...doneAt.filter((d) => !Number.isNaN(d)));
  const bucketMs = Math.max(1, Math.round(burstSeconds / 10)) * 1000;
  const timeline = Array.from({ length: Math.ceil(Math.max(lastDone + 1, burstSeconds * 1000) / bucketMs) }, (_, i) => {
    const from = i * bucketMs;
    const to = from + bucketMs;
    const arrived = result.startMs.flatMap((s, k) => (s >= from && s < to ? [result.latencyMs[k]!] : []));
    const answered = doneAt.filter((d) => d >= from && d < to).length;
    const latencies = arrived.filter((l) => l >= 0);
    return [
      `${from / 1000}–${to / 1000} s`,
      String(arrived.length),
      String(answered),
      ms(percentile(latencies, 50)),
      ms(percentile(latencies, 99)),
      String(arrived.length - latencies.length),
    ];
  });
  return { lastDone, timeline };
}
