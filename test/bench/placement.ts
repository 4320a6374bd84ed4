import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { byCodeUnits } from '../../src/domain/placement/code-unit-order';
import { sha256Hex } from '../../src/domain/placement/hex';
import type { PlacementApplicant, PlacementInput } from '../../src/domain/placement/input';
import { lotteryNumbers } from '../../src/domain/placement/lottery';
import { place } from '../../src/domain/placement/place';
import { inputsFile, resultsFile } from '../../src/domain/placement/published-files';
import { verifyPublished } from '../../src/domain/placement/verify';

/**
 * Places 100,000 applications × 2 choices × 60 schools and times it against a baseline measured in the same run:
 * sorting the same 100,000 lottery numbers. Run: `npm run bench:placement [-- --applicants N --runs R]` (also part of `npm run bench`).
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const applicantCount = option('applicants', 100_000);
const runs = option('runs', 5);
const schoolCount = 60;

/** A fixed pseudo-random sequence (xorshift32), so every run places the same county. */
function sequence(seed: number) {
  let x = seed;
  return (below: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % below;
  };
}

/** Popular schools draw more first choices; seats total 95 % of the applicants, so popular schools fill and some applicants go unplaced. */
function county(): PlacementInput {
  const next = sequence(20240715);
  const popularity = Array.from({ length: schoolCount }, (_, s) => 1 + ((s * 7) % 10));
  const weightTotal = popularity.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = next(weightTotal);
    for (let s = 0; s < schoolCount; s++) {
      r -= popularity[s]!;
      if (r < 0) return s;
    }
    return schoolCount - 1;
  };
  const seatsEach = Math.floor((applicantCount * 0.95) / schoolCount);
  const schools = Array.from({ length: schoolCount }, (_, s) => ({ code: `S${String(s).padStart(2, '0')}`, seats: seatsEach }));
  const applicants: PlacementApplicant[] = Array.from({ length: applicantCount }, (_, i) => {
    const first = pick();
    let second = pick();
    if (second === first) second = (first + 1 + next(schoolCount - 1)) % schoolCount;
    return {
      number: `TH24-1-${String(i).padStart(6, '0')}`,
      choices: [
        { school: schools[first]!.code, tier: 1 + next(6) },
        { school: schools[second]!.code, tier: 1 + next(6) },
      ],
    };
  });
  return { schools, applicants };
}

function median(xs: number[]) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

function timed<T>(call: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = call();
  return { ms: performance.now() - started, value };
}

async function timedAsync<T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await call();
  return { ms: performance.now() - started, value };
}

const input = county();
const seed = await sha256Hex('bench seed');
const numbers = input.applicants.map((a) => a.number);
const samples: Record<string, number[]> = { lottery: [], baseline: [], da: [], ia: [] };
let lottery = new Map<string, string>();
let unplaced = { da: 0, ia: 0 };

for (let run = 0; run <= runs; run++) {
  const drawn = timed(() => lotteryNumbers(seed, numbers));
  lottery = drawn.value;
  const values = [...lottery.values()];
  const baseline = timed(() => values.sort(byCodeUnits));
  const da = timed(() => place(input, lottery, 'da'));
  const ia = timed(() => place(input, lottery, 'ia'));
  unplaced = { da: da.value.unplaced, ia: ia.value.unplaced };
  if (run === 0) continue;
  samples.lottery!.push(drawn.ms);
  samples.baseline!.push(baseline.ms);
  samples.da!.push(da.ms);
  samples.ia!.push(ia.ms);
}

const inputsText = inputsFile(input);
const inputsSha256 = await sha256Hex(inputsText);
const resultsText = resultsFile(place(input, lottery, 'da'), seed, inputsSha256);
const verification = await timedAsync(() => verifyPublished({ inputsText, seed, mechanism: 'da', resultsText }));

const baseline = median(samples.baseline!);
const line = (name: string, ms: number) =>
  `  ${name.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  (${(ms / baseline).toFixed(1)}× baseline)`;
console.info(
  `placement: ${applicantCount.toLocaleString('en')} applications × 2 choices × ${schoolCount} schools, median of ${runs} runs after one warm-up`,
);
console.info(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.info(line('baseline: sort the 100,000 lottery numbers', baseline));
console.info(line('lottery numbers (HMAC-SHA-256)', median(samples.lottery!)));
console.info(line(`deferred acceptance (${unplaced.da} unplaced)`, median(samples.da!)));
console.info(line(`志愿优先 / immediate acceptance (${unplaced.ia} unplaced)`, median(samples.ia!)));
console.info(
  line(
    `verify end to end (${(inputsText.length / 1e6).toFixed(1)} MB in, ${(resultsText.length / 1e6).toFixed(1)} MB out)`,
    verification.ms,
  ),
);
if (!verification.value.identical) {
  console.error('verification of the bench county failed');
  process.exitCode = 1;
}
const placing = median(samples.lottery!) + median(samples.da!);
if (applicantCount === 100_000 && placing > 1000) {
  console.error(`✗ lottery numbers and deferred acceptance took ${placing.toFixed(0)} ms, over the 1 s goal`);
  process.exitCode = 1;
}
