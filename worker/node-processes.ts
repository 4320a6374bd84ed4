import { availableParallelism } from 'node:os';
import { ConfigError } from './config';

/** The most serving processes a Node host starts: more than the machine's cores only adds switching. */
const mostProcesses = 64;

/**
 * `ENROLL_PROCESSES`: how many processes serve the Node host's HTTP requests on its port (node:cluster), all on the
 * same database. Default: one per core the machine offers (docs/decisions/028-node-host-processes.md); `1` serves
 * from a single process, as before.
 */
export function processCount(env: { ENROLL_PROCESSES?: string }, cores: number = availableParallelism()): number {
  const text = env.ENROLL_PROCESSES?.trim();
  if (!text) return Math.max(1, Math.min(cores, mostProcesses));
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > mostProcesses) {
    throw new ConfigError(`ENROLL_PROCESSES must be a whole number from 1 to ${mostProcesses}, not ${JSON.stringify(text)}`);
  }
  return count;
}
