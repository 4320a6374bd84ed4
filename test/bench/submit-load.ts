/**
 * The submit bench's load generator (`submit.ts` forks it; a process of its own, so that its CPU is not the
 * server's). Given drafts and an arrival pattern over IPC, it sends `applications.submit` over real HTTP exactly as
 * the parents' page and `createEnrollmentClient` send it (httpBatchLink: `POST /trpc/applications.submit?batch=1`,
 * body `{"0": input}`, the parent's session as `Authorization: Bearer`), one request per parent on a connection of
 * its own (node:http, which costs the generator less CPU than fetch), and answers with
 * each request's latency or error and the host's CPU (its process group, from /proc) over the scenario.
 * - closed loop: `concurrency` in flight, each parent sending as soon as the previous answer arrived;
 * - open loop: parent k sends at `offsetsMs[k]` whatever the answers; latency counts from that planned instant, so a
 *   late load generator does not hide the server's queue (the largest lateness is reported).
 */
import { request } from 'node:http';
import { cpuMsOf, processesOf } from './group-cpu';
import { describeError, measurePhase, pool } from './measure';

export interface LoadDraft {
  token: string;
  applicationId: string;
  version: number;
}

export interface LoadSpec {
  url: string;
  drafts: LoadDraft[];
  arrivals: { kind: 'closed'; concurrency: number } | { kind: 'open'; offsetsMs: number[] };
  /** The host's process group, whose CPU is read from /proc. */
  hostGroup: number;
}

export interface LoadResult {
  /** Per draft: planned (open loop) or actual (closed loop) start, ms from the scenario's start. */
  startMs: number[];
  /** Per draft: ms until the answer, or -1 if it failed. */
  latencyMs: number[];
  errors: string[];
  wallMs: number;
  /** The host's CPU (absolute, ms) when the scenario started and when its last answer arrived. */
  hostCpuStartMs: number;
  hostCpuEndMs: number;
  /** The most Node processes seen in the host's group. */
  hostProcesses: number;
  /** This process's CPU over the scenario. */
  loadCpuMs: number;
  /** Cores the whole machine kept busy over the scenario (/proc/stat). */
  machineCores: number;
  /** Open loop: how late the generator sent its most delayed request. */
  maxLagMs: number;
}

/** As undici's fetch and autocannon: a connection not accepted within 10 s fails; an answer may take up to 300 s. */
const connectTimeoutMs = 10_000;
const answerTimeoutMs = 300_000;

/** One parent's request on a connection of its own (a parent submits once, from their own phone). */
function post(url: URL, body: string, token: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
    });
    req.once('socket', (socket) => {
      const timer = setTimeout(() => req.destroy(new Error(`connect timeout (${connectTimeoutMs / 1000} s)`)), connectTimeoutMs);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    req.setTimeout(answerTimeoutMs, () => req.destroy(new Error(`no answer within ${answerTimeoutMs / 1000} s`)));
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.once('error', reject);
    });
    req.end(body);
  });
}

async function submit(url: string, draft: LoadDraft): Promise<void> {
  const { status, text } = await post(
    new URL(`${url}/trpc/applications.submit?batch=1`),
    JSON.stringify({ 0: { applicationId: draft.applicationId, version: draft.version } }),
    draft.token,
  );
  let answer: [{ result?: { data?: { status?: string } }; error?: { data?: { domainCode?: string; code?: string }; message?: string } }];
  try {
    answer = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${status}: ${text.slice(0, 120)}`);
  }
  const [one] = answer;
  if (one?.error) throw new Error(`HTTP ${status} ${one.error.data?.domainCode ?? one.error.data?.code ?? ''}: ${one.error.message ?? ''}`);
  if (one?.result?.data?.status !== 'submitted') throw new Error(`HTTP ${status}: answered ${text.slice(0, 120)}`);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const n = spec.drafts.length;
  const startMs = new Array<number>(n).fill(0);
  const latencyMs = new Array<number>(n).fill(-1);
  const errors: string[] = [];
  let maxLagMs = 0;
  const hostCpu = () => cpuMsOf(processesOf(spec.hostGroup, ''));
  const hostCpuStartMs = hostCpu();
  let hostProcesses = 0;
  let t0 = 0;
  const one = async (k: number, plannedAt: number) => {
    try {
      await submit(spec.url, spec.drafts[k]!);
      latencyMs[k] = performance.now() - plannedAt;
    } catch (error) {
      errors.push(describeError(error));
    }
  };
  const { cost } = await measurePhase(async () => {
    t0 = performance.now();
    if (spec.arrivals.kind === 'closed') {
      await pool(spec.drafts, spec.arrivals.concurrency, async (_, k) => {
        const at = performance.now();
        startMs[k] = at - t0;
        await one(k, at);
      });
    } else {
      const offsets = spec.arrivals.offsetsMs;
      const inFlight: Promise<void>[] = [];
      let k = 0;
      while (k < n) {
        const wait = offsets[k]! - (performance.now() - t0);
        if (wait > 1) await sleep(wait);
        const now = performance.now() - t0;
        for (; k < n && offsets[k]! <= now; k++) {
          startMs[k] = offsets[k]!;
          maxLagMs = Math.max(maxLagMs, now - offsets[k]!);
          inFlight.push(one(k, t0 + offsets[k]!));
        }
        if (k % 500 === 0) hostProcesses = Math.max(hostProcesses, processesOf(spec.hostGroup, 'node').length);
      }
      await Promise.all(inFlight);
    }
  });
  hostProcesses = Math.max(hostProcesses, processesOf(spec.hostGroup, 'node').length);
  return {
    startMs,
    latencyMs,
    errors,
    wallMs: cost.wallMs,
    hostCpuStartMs,
    hostCpuEndMs: hostCpu(),
    hostProcesses,
    loadCpuMs: cost.cpuMs,
    machineCores: cost.machineCores,
    maxLagMs,
  };
}

if (process.send) {
  process.once('message', async (spec: LoadSpec) => {
    const result = await runLoad(spec);
    process.send!(result, () => process.exit(0));
  });
}
