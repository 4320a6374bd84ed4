import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, runFuzz } from '../fuzz/runner';
import { startTestHost, type TestHost } from '../helpers/host';
import { buildWorld, type World } from '../helpers/world';

/**
 * Property-based fuzzing (fast-check) of every procedure over HTTP as every actor: 0 HTTP 5xx, every error in the
 * usual shape with a Chinese message. `npm run fuzz -- --calls 100000` runs the same property longer.
 * FUZZ_SEED replays a run; FUZZ_CALLS changes its length.
 */
let t: TestHost;
let w: World;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t?.close());

describe('fuzzing every procedure', () => {
  it('never answers 500, and every error has the usual shape in Chinese', async () => {
    const summary = await runFuzz({
      url: t.url,
      world: w,
      calls: Number(process.env.FUZZ_CALLS ?? 2_500),
      seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
      concurrency: 4,
    });
    console.info(formatSummary(summary));
    expect(summary.failures, formatSummary(summary)).toEqual([]);
    expect(Object.keys(summary.byProcedure).length).toBeGreaterThanOrEqual(40);
    // Nothing failed quietly either: the app logged no error.
    expect(t.errors).toEqual([]);
  }, 120_000);
});
