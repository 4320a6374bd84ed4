import { parseArgs } from 'node:util';
import { startTestHost } from '../helpers/host';
import { buildWorld } from '../helpers/world';
import { formatSummary, runFuzz } from './runner';

/**
 * `npm run fuzz -- --calls 100000 [--seed N] [--concurrency 8] [--only applications.save,children.add]`: the fuzzing
 * property of test/api/fuzz.test.ts, longer, against a fresh Node host of its own. Exits 1 when anything failed.
 */
const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    only: { type: 'string' },
  },
});

const t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
try {
  const world = await buildWorld(t);
  const calls = Number(values.calls);
  const summary = await runFuzz({
    url: t.url,
    world,
    calls,
    seed: values.seed ? Number(values.seed) : undefined,
    concurrency: Number(values.concurrency),
    only: values.only?.split(','),
    onProgress: (done) => {
      if (done % 10_000 === 0 || done === calls) process.stderr.write(`  ${done}/${calls}\n`);
    },
  });
  console.info(formatSummary(summary));
  console.info(`errors logged by the app: ${t.errors.length}`);
  process.exitCode = summary.failures.length ? 1 : 0;
} finally {
  await t.close();
}
