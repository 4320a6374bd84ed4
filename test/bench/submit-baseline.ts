/**
 * The submit bench's raw baseline (`submit.ts` forks it): `runBaseline` in a process of its own, so that it runs
 * beside the host as the load generator does and its CPU is its own. Takes `BaselineOptions` over IPC, answers with
 * the report (latencies and errors of every submission, the process's CPU, the end-state counts).
 */
import { type BaselineOptions, runBaseline } from './baseline';

export interface BaselineResult {
  synchronous: string;
  journalMode: string;
  submits: number;
  latencies: number[];
  errors: string[];
  wallMs: number;
  cpuMs: number;
  machineCores: number;
  endState: Record<string, number>;
}

if (process.send) {
  process.once('message', async (options: BaselineOptions) => {
    const report = await runBaseline(options);
    const step = report.recorder.step('raw submit batch');
    const result: BaselineResult = {
      synchronous: report.synchronous,
      journalMode: report.journalMode,
      submits: report.submits,
      latencies: step.latencies,
      errors: step.errors,
      wallMs: report.wallMs,
      cpuMs: report.cpuMs,
      machineCores: report.machineCores,
      endState: report.endState,
    };
    process.send!(result, () => process.exit(0));
  });
}
