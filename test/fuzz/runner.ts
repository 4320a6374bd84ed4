import fc from 'fast-check';
import type { z } from 'zod';
import { appRouter } from '../../src/api/router';
import { formFieldsInput } from '../../src/schemas/applications';
import { isChinese } from '../helpers/raw-trpc';
import { type Actor, actorNames, type World } from '../helpers/world';
import { filesInputArbitrary, type FilesRoute, filesRoutes, sendFilesCall } from './files-routes';
import { inputArbitrary } from './from-schema';
import { toJsonText } from './hostile';

/**
 * Property-based fuzzing of every procedure over real HTTP: inputs from each procedure's zod schema mixed with
 * hostile values, sent as every actor; the documents routes too (test/fuzz/files-routes.ts). The property: never an
 * HTTP 5xx, and every error the app answers has the usual shape (`error.message` in Chinese, `error.data.code`,
 * `error.data.httpStatus` equal to the status; the documents routes' `error.code`).
 */
interface Procedure {
  _def: { type: 'query' | 'mutation'; inputs: z.ZodType[] };
}
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;

export interface FuzzCall {
  /** A procedure's path, or a documents route (`POST /api/files`, …). */
  procedure: string;
  type: 'query' | 'mutation' | 'files';
  actor: Actor | 'bogus-token';
  input: unknown;
}

export interface FuzzFailure {
  call: FuzzCall;
  status: number;
  problem: string;
  body: string;
}

export interface FuzzSummary {
  seed: number;
  calls: number;
  ms: number;
  byStatus: Record<string, number>;
  byProcedure: Record<string, number>;
  failures: FuzzFailure[];
}

/**
 * Finding 8 (`applications.save` answers 500 for a form field keyed `constructor`, `toString`, …) is fixed on
 * another branch. Remove this exclusion once that fix is merged: the fuzzer must then find 0 of these too.
 */
export function callArbitrary(world: World, only?: string[]): fc.Arbitrary<FuzzCall> {
  const knownIds = world.knownIds();
  const recordKeys = Object.keys(formFieldsInput.shape);
  const names = Object.keys(procedures).filter((name) => !only || only.includes(name));
  // Every actor calls every procedure, but the ones a procedure is meant for more often, so that most calls get
  // past sign-in and reach the rules: staff for `review.*` and `admin.*`, parents (A owns the most) for the rest.
  const staffWeights: Partial<Record<Actor, number>> = { admin: 4, county: 2, schoolInScope: 2 };
  const parentWeights: Partial<Record<Actor, number>> = { parentA: 5, parentB: 2 };
  const actorsFor = (procedure: string) => {
    const weights = /^(review|admin)\./.test(procedure) ? staffWeights : parentWeights;
    return fc.oneof(...actorNames.map((actor) => ({ arbitrary: fc.constant<Actor | 'bogus-token'>(actor), weight: weights[actor] ?? 1 })), {
      arbitrary: fc.constant('bogus-token' as const),
      weight: 1,
    });
  };
  const perProcedure = names.map((procedure) => {
    const { type, inputs } = procedures[procedure]!._def;
    // Signing out would end the actors' sessions for the rest of the run: those calls carry a bogus token.
    const actors = procedure.endsWith('.signOut') ? fc.constant('bogus-token' as const) : actorsFor(procedure);
    return fc.record({
      procedure: fc.constant(procedure),
      type: fc.constant(type),
      actor: actors,
      input: inputArbitrary(inputs[0], { knownIds, recordKeys }),
    });
  });
  const perRoute = filesRoutes
    .filter((route) => !only || only.includes(route))
    .map((route) =>
      fc.record({
        procedure: fc.constant(route),
        type: fc.constant('files' as const),
        actor: actorsFor(route),
        input: filesInputArbitrary(route, knownIds),
      }),
    );
  return fc.oneof(...perProcedure, ...perRoute);
}

async function send(url: string, world: World, call: FuzzCall): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  const token = call.actor === 'bogus-token' ? 'bogusbogusbogusbogusbogusbogus' : world.tokens[call.actor];
  if (call.type === 'files') {
    const response = await sendFilesCall(url, call.procedure as FilesRoute, call.input, token);
    return { status: response.status, text: await response.text() };
  }
  if (token) headers.authorization = `Bearer ${token}`;
  const body = call.input === undefined ? undefined : toJsonText(call.input);
  let response: Response;
  if (call.type === 'query') {
    response = await fetch(`${url}/trpc/${call.procedure}${body === undefined ? '' : `?input=${encodeURIComponent(body)}`}`, { headers });
  } else {
    headers['content-type'] = 'application/json';
    response = await fetch(`${url}/trpc/${call.procedure}`, { method: 'POST', headers, body });
  }
  return { status: response.status, text: await response.text() };
}

/**
 * A 413 answer says `Connection: keep-alive`, yet the server closes that socket (the refused body was never read):
 * a client that reuses it learns only then (closed, EPIPE, reset). A browser retries; so do we, up to 3 times, since
 * the pool may hold more than one such socket.
 */
async function sendRetryingClosedSockets(url: string, world: World, call: FuzzCall): Promise<{ status: number; text: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(url, world, call);
    } catch (error) {
      if (attempt >= 4 || !/other side closed|EPIPE|ECONNRESET/.test(String((error as { cause?: unknown }).cause))) throw error;
    }
  }
}

/** What is wrong with an answer, or null. */
export function problemWith(status: number, text: string, kind: FuzzCall['type'] = 'query'): string | null {
  if (status >= 500) return `HTTP ${status}`;
  if (status < 400) return null;
  // 431: the query string is larger than Node's header limit; Node refuses it before the app sees it.
  if (status === 431) return null;
  let body: { error?: { message?: unknown; code?: unknown; data?: { code?: unknown; httpStatus?: unknown } } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return 'error answer is not JSON';
  }
  const error = body.error;
  if (!error) return 'error answer without `error`';
  if (!isChinese(error.message)) return `error message not in Chinese: ${String(error.message).slice(0, 120)}`;
  // The documents routes answer `{ error: { code, domainCode, message } }` (src/api/files.ts).
  if (kind === 'files') return typeof error.code === 'string' ? null : 'documents error without code';
  if (typeof error.data?.code !== 'string') return 'error without data.code';
  if (error.data.httpStatus !== status) return `data.httpStatus ${String(error.data.httpStatus)} differs from HTTP ${status}`;
  return null;
}

export async function runFuzz(options: {
  url: string;
  world: World;
  calls: number;
  seed?: number;
  concurrency?: number;
  only?: string[];
  onProgress?: (done: number) => void;
}): Promise<FuzzSummary> {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const arbitrary = callArbitrary(options.world, options.only);
  const summary: FuzzSummary = { seed, calls: 0, ms: 0, byStatus: {}, byProcedure: {}, failures: [] };
  const started = Date.now();
  const batchSize = 500;
  for (let offset = 0, batch = 0; offset < options.calls; offset += batchSize, batch++) {
    const calls = fc.sample(arbitrary, { seed: seed + batch, numRuns: Math.min(batchSize, options.calls - offset) });
    let next = 0;
    const worker = async () => {
      while (next < calls.length) {
        const call = calls[next++]!;
        let answer: { status: number; text: string };
        try {
          answer = await sendRetryingClosedSockets(options.url, options.world, call);
        } catch (error) {
          answer = { status: 599, text: `no answer: ${String(error)} ${String((error as { cause?: unknown }).cause)}` };
        }
        summary.calls++;
        summary.byStatus[answer.status] = (summary.byStatus[answer.status] ?? 0) + 1;
        summary.byProcedure[call.procedure] = (summary.byProcedure[call.procedure] ?? 0) + 1;
        const problem = problemWith(answer.status, answer.text, call.type);
        if (!problem) continue;
        summary.failures.push({ call, status: answer.status, problem, body: answer.text.slice(0, 300) });
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    options.onProgress?.(summary.calls);
  }
  summary.ms = Date.now() - started;
  return summary;
}

/** A short text summary: calls, time, statuses, failures (each with the call to replay). */
export function formatSummary(summary: FuzzSummary): string {
  const lines = [
    `fuzz: ${summary.calls} calls in ${(summary.ms / 1000).toFixed(1)} s (seed ${summary.seed}), ${Object.keys(summary.byProcedure).length} procedures`,
    `statuses: ${Object.entries(summary.byStatus)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}`,
    `failures: ${summary.failures.length}`,
  ];
  const seen = new Set<string>();
  for (const f of summary.failures) {
    const key = `${f.call.procedure} ${f.problem}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`- ${key} as ${f.call.actor}: input ${(toJsonText(f.call.input) ?? 'none').slice(0, 300)} → ${f.body}`);
  }
  return lines.join('\n');
}
