/**
 * `npm run bench`: every benchmark, each in a process of its own, one after the other — the midnight rush, the review
 * queue and the Worker (`run.ts`), placement (`placement.ts`), the 录取结果 notices (`outbox.ts`), `catalog.region`
 * under load (`reads.ts`), workerd's CPU per request (`worker-cpu.ts`) and several Node hosts against one sqld
 * (`scale.ts`), the cost of one submission on the Node host (`submit-path.ts`), and `applications.submit` at the opening
 * with host, load generator and raw baseline in processes of their own (`submit.ts`). Options go to the bench that owns
 * them (see each file); `--skip rush,placement,outbox,reads,worker-cpu,scale,submit-path,submit`
 * leaves some out. Exits 1 if any bench failed.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    parents: { type: 'string' },
    concurrency: { type: 'string' },
    sample: { type: 'string' },
    queue: { type: 'string' },
    worker: { type: 'string' },
    applicants: { type: 'string' },
    runs: { type: 'string' },
    families: { type: 'string' },
    latency: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    requests: { type: 'string' },
    spaced: { type: 'string' },
    submits: { type: 'string' },
    submissions: { type: 'string' },
    hosts: { type: 'string' },
    closed: { type: 'string' },
    'in-flight': { type: 'string' },
    open: { type: 'string' },
    burst: { type: 'string' },
    'skip-burst': { type: 'boolean' },
    processes: { type: 'string' },
    skip: { type: 'string', default: '' },
  },
});
const pass = (...names: (keyof typeof values)[]) =>
  names.flatMap((name) => (values[name] === undefined ? [] : [`--${name}`, String(values[name])]));
const benches = [
  { name: 'rush', file: 'run.ts', args: pass('parents', 'concurrency', 'sample', 'queue', 'worker') },
  { name: 'placement', file: 'placement.ts', args: pass('applicants', 'runs') },
  { name: 'outbox', file: 'outbox.ts', args: pass('families', 'latency') },
  { name: 'reads', file: 'reads.ts', args: pass('duration', 'connections') },
  { name: 'worker-cpu', file: 'worker-cpu.ts', args: pass('requests', 'spaced', 'submits') },
  { name: 'scale', file: 'scale.ts', args: pass('submissions', 'hosts') },
  { name: 'submit-path', file: 'submit-path.ts', args: pass('submissions', 'concurrency') },
  {
    name: 'submit',
    file: 'submit.ts',
    args: [...pass('closed', 'in-flight', 'open', 'burst', 'processes'), ...(values['skip-burst'] ? ['--skip-burst'] : [])],
  },
];
const skipped = new Set(String(values.skip).split(',').filter(Boolean));
const failed: string[] = [];
for (const bench of benches.filter((b) => !skipped.has(b.name))) {
  console.info(`\n━━━ ${bench.name} (test/bench/${bench.file} ${bench.args.join(' ')}) ━━━`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', new URL(`./${bench.file}`, import.meta.url).pathname, ...bench.args], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed.push(bench.name);
}
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
