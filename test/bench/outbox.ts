/**
 * `npm run bench:outbox [-- --families 10000 --latency 50]`: 录取结果 for every family of a draw, notified through the
 * outbox against an HTTP SMS provider that takes `--latency` ms per message (in a process of its own). Timed from the
 * administrator's 公布结果 to the last SMS recorded `sent`, against a baseline measured in the same run: the same number
 * of messages sent straight to the same provider through the same HTTP adapter, as many at once as the platform sends,
 * with no database at all. Checks that the provider delivered each family's notice exactly once. Not part of `npm test`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { count, like, sql } from 'drizzle-orm';
import { applications, outbox } from '../../db/schema';
import { httpSms } from '../../src/adapters/sms-http';
import { commitmentOf } from '../../src/domain/placement/lottery';
import { bulkSendConcurrency } from '../../src/services/outbox';
import { approvedFamiliesInBulk } from '../helpers/applications-db';
import { startTestHost } from '../helpers/host';
import { catalogFor } from '../helpers/journey';
import { signInStaff } from '../helpers/staff';
import { fixed, table } from './measure';

const { values } = parseArgs({
  options: { families: { type: 'string', default: '10000' }, latency: { type: 'string', default: '50' } },
});
const families = Number(values.families);
const latencyMs = Number(values.latency);
const smsKey = 'outbox-bench-key';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const provider: ChildProcess = fork(new URL('./sms-provider-process.ts', import.meta.url).pathname, [], {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, SMS_HTTP_KEY: smsKey, SMS_LATENCY_MS: String(latencyMs) },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const providerUrl = await new Promise<string>((resolve) => provider.once('message', (m: { url: string }) => resolve(m.url)));
const providerReport = () =>
  new Promise<{ requests: { key: string | null; outcome: string }[]; deliveries: { idempotencyKey: string }[] }>((resolve) => {
    provider.once('message', resolve);
    provider.send({ report: true });
  });

/** The baseline: `n` messages straight to the provider, `concurrency` at once, no database. */
async function rawSend(n: number, round: number): Promise<number> {
  const sms = httpSms({ url: providerUrl, key: smsKey });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: bulkSendConcurrency }, async () => {
      while (next < n) {
        const i = next++;
        await sms.send({ phone: `135${String(i).padStart(8, '0')}`, body: '【教育局】基线短信', idempotencyKey: `raw:${round}:${i}` });
      }
    }),
  );
  return performance.now() - started;
}

const t = await startTestHost({
  now: '2024-07-20T10:00:00+08:00',
  env: { SMS_PROVIDER: 'http', SMS_HTTP_URL: providerUrl, SMS_HTTP_KEY: smsKey },
});
let failed = false;
try {
  const c = await catalogFor(t);
  const { db } = t.host.deps;
  let admin = await signInStaff(t, 'admin');
  const secrets = ['outbox-bench-notary', 'outbox-bench-parents'];
  for (const [i, secret] of secrets.entries())
    await admin.admin.placement.recordCommitment.mutate({
      seasonId: c.region.season.id,
      name: `监督人${i + 1}`,
      role: '公证员',
      commitment: await commitmentOf(secret),
    });
  t.clock.set('2024-08-20T09:00:00+08:00');
  admin = await signInStaff(t, 'admin');
  await approvedFamiliesInBulk(db, {
    count: families,
    now: t.clock.now(),
    community: c.community,
    first: c.primary[0]!.id,
    second: c.primary[1]!.id,
  });
  const { observers } = await admin.admin.placement.observers.query({ seasonId: c.region.season.id });
  for (const [i, o] of observers.entries()) await admin.admin.placement.reveal.mutate({ observerId: o.id, contribution: secrets[i]! });
  const drawn = await admin.admin.placement.draw.mutate({ seasonId: c.region.season.id, entryId: c.entry('grade1').id, grade: 1 });
  const before = await rawSend(families, 1);

  const started = performance.now();
  const published = await admin.admin.placement.publishResults.mutate({ drawId: drawn.id, publicityDays: 7, confirmDays: 10 });
  const answeredMs = performance.now() - started;
  const key = `application:%:placement:${drawn.id}`;
  const sentCount = async () =>
    (
      await db
        .select({ n: count() })
        .from(outbox)
        .where(sql`${like(outbox.idempotencyKey, key)} AND ${outbox.status} = 'sent'`)
    )[0]!.n;
  let sent = await sentCount();
  while (sent < families && performance.now() - started < 600_000) {
    await sleep(200);
    sent = await sentCount();
  }
  const deliveredMs = performance.now() - started;
  const after = await rawSend(families, 2);

  const report = await providerReport();
  const familyKeys = report.deliveries.filter((d) => d.idempotencyKey.startsWith('application:'));
  const distinct = new Set(familyKeys.map((d) => d.idempotencyKey)).size;
  const calls = report.requests.filter((r) => r.key?.startsWith('application:')).length;
  const approved = (await db.select({ n: count() }).from(applications))[0]!.n;
  const baseline = (before + after) / 2;

  console.log(
    `\n录取结果 notices: ${families} families (${approved} applications), provider ${latencyMs} ms per message, ${bulkSendConcurrency} at once\n`,
  );
  console.log(
    table([
      ['run', 'families', 'wall (s)', 'messages/s', 'vs baseline'],
      ['baseline before (no database)', String(families), fixed(before / 1000, 1), fixed(families / (before / 1000), 0), '1.00×'],
      [
        'platform: 公布结果 → last SMS sent',
        String(published.notified),
        fixed(deliveredMs / 1000, 1),
        fixed(families / (deliveredMs / 1000), 0),
        `${fixed(baseline / deliveredMs, 2)}× rate`,
      ],
      ['baseline after (no database)', String(families), fixed(after / 1000, 1), fixed(families / (after / 1000), 0), '1.00×'],
    ]),
  );
  console.log(`\n公布结果 answered in ${fixed(answeredMs, 0)} ms; outbox rows sent ${sent}/${families}`);
  console.log(`provider: ${calls} calls for the families' notices, ${familyKeys.length} deliveries, ${distinct} distinct keys`);
  const problems = [
    sent !== families && `only ${sent} of ${families} SMS were sent`,
    distinct !== families && `the provider delivered ${distinct} distinct family notices, not ${families}`,
    familyKeys.length !== distinct && `${familyKeys.length - distinct} notices were delivered twice`,
    deliveredMs > 60_000 && `delivery took ${fixed(deliveredMs / 1000, 1)} s, over the 60 s goal`,
  ].filter(Boolean);
  for (const p of problems) console.error(`✗ ${p}`);
  failed = problems.length > 0;
} finally {
  await t.close();
  provider.send({ stop: true });
}
process.exit(failed ? 1 : 0);
