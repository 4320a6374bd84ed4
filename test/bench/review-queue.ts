/**
 * The review queue with 50,000 applications: each filter a reviewer uses, measured in-process against a libSQL
 * file, with a raw-SQL baseline (the bare page query through @libsql/client) measured in the same run.
 * `npx tsx test/bench/review-queue.ts [--applications N]`; also the last part of `npm run bench` (`--queue N`).
 */
import { parseArgs } from 'node:util';
import { and, asc, count as countOf, eq, inArray, like } from 'drizzle-orm';
import { createDb, type Db } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { applications, channels, children, communities, schools, seasons, entries, tracks } from '../../db/schema';
import { seedCatalog } from '../../db/seed';
import { randomId } from '../../src/adapters/random';
import { queueRows, queueWhere, reviewQueue } from '../../src/services/review/queue';
import type { SignedInStaff } from '../../src/services/staff/sessions';
import { tempDir } from '../helpers/temp';

const surnames = [...'李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'];
const given = [...'小子明华强芳敏静丽军伟磊洋勇艳杰娟涛超秀霞平刚桂英'];

async function seedApplications(db: Awaited<ReturnType<typeof createDb>>, count: number) {
  const [season] = await db.select().from(seasons);
  const [entry] = await db.select().from(entries).where(eq(entries.code, 'grade1'));
  const [track] = await db.select().from(tracks).where(eq(tracks.entryId, entry!.id));
  const channelIds = (await db.select({ id: channels.id }).from(channels).where(eq(channels.trackId, track!.id))).map((c) => c.id);
  const primary = (await db.select().from(schools).where(eq(schools.level, 'primary'))).map((s) => s.id);
  const communityNames = (await db.select({ name: communities.name }).from(communities)).map((c) => c.name);
  const statuses = ['submitted', 'submitted', 'submitted', 'preliminarily_approved', 'rejected', 'withdrawn', 'school_approved'];
  const opens = new Date('2024-07-14T16:00:00Z').getTime();
  const rows = 500;
  const client = db.$client;
  for (let start = 0; start < count; start += rows) {
    const n = Math.min(rows, count - start);
    const accounts: unknown[] = [];
    const kids: unknown[] = [];
    const apps: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const k = start + i;
      const accountId = randomId();
      const childId = randomId();
      const at = opens + Math.floor((k / count) * 11 * 86_400_000);
      const name = `${surnames[k % surnames.length]}${given[(k * 7) % given.length]}${given[(k * 13) % given.length]}`;
      const first = primary[k % primary.length]!;
      const second = primary[(k + 1) % primary.length]!;
      accounts.push(accountId, `13${String(100_000_000 + k).slice(-9)}`, at, at);
      kids.push(
        childId,
        accountId,
        name,
        'resident',
        `v1.${randomId()}`,
        randomId() + randomId(),
        `430922********${String(k % 10_000).padStart(4, '0')}`,
        '2018-01-01',
        'male',
        at,
        at,
      );
      apps.push(
        randomId(),
        `TA24-1-${String(k).padStart(6, '0')}`,
        accountId,
        childId,
        season!.id,
        entry!.id,
        1,
        track!.id,
        channelIds[k % channelIds.length],
        statuses[k % statuses.length],
        1,
        0,
        at,
        '{}',
        communityNames[k % communityNames.length],
        first,
        second,
        at,
        at,
        at,
      );
    }
    const marks = (cols: number) => Array.from({ length: n }, () => `(${Array(cols).fill('?').join(',')})`).join(',');
    await client.batch(
      [
        { sql: `INSERT INTO accounts (id, phone, created_at, updated_at) VALUES ${marks(4)}`, args: accounts as never },
        {
          sql: `INSERT INTO children (id, account_id, name, id_type, id_cipher, id_blind, id_masked, birth_date, sex, created_at, updated_at) VALUES ${marks(11)}`,
          args: kids as never,
        },
        {
          sql: `INSERT INTO applications (id, number, account_id, child_id, season_id, entry_id, grade, track_id, channel_id, status, version, withdraw_count, declaration_accepted_at, form, community, first_school_id, second_school_id, submitted_at, created_at, updated_at) VALUES ${marks(20)}`,
          args: apps as never,
        },
      ],
      'write',
    );
  }
  return { primary, channelIds, entryId: entry!.id };
}

/**
 * A name search as the queue made it before decision 025, for comparison in the same run: the page of ids and the
 * total over applications joined to children with `LIKE '%…%'` on the name (a scan), then the page's rows.
 */
async function likeScanSearch(db: Db, member: SignedInStaff, q: string) {
  const where = and(queueWhere(member, {}), like(children.name, `%${q}%`));
  const order = [asc(applications.submittedAt), asc(applications.id)];
  const joined = eq(children.id, applications.childId);
  const [page] = await Promise.all([
    db
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(children, joined)
      .where(where)
      .orderBy(...order)
      .limit(50),
    db.select({ n: countOf() }).from(applications).innerJoin(children, joined).where(where),
  ]);
  if (page.length)
    await queueRows(
      db,
      inArray(
        applications.id,
        page.map((r) => r.id),
      ),
    ).orderBy(...order);
}

async function time(fn: () => Promise<unknown>, rounds: number) {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(rounds * 0.5)]!, p95: samples[Math.min(rounds - 1, Math.floor(rounds * 0.95))]! };
}

export async function runQueueBench(count = 50_000, rounds = 40) {
  const dir = tempDir('bench-queue');
  const db = await createDb(`file:${dir.path}/queue.db`);
  try {
    await migrateDb(db);
    await seedCatalog(db);
    const seeding = performance.now();
    const { primary, channelIds, entryId } = await seedApplications(db, count);
    const seedMs = performance.now() - seeding;
    await db.$client.execute('ANALYZE');
    const county: SignedInStaff = {
      staffId: 's',
      username: 'county',
      displayName: '',
      role: 'county_reviewer',
      schoolId: null,
      schoolName: null,
      sessionId: '',
    };
    const school: SignedInStaff = { ...county, role: 'school_reviewer', schoolId: primary[0]! };
    const page = { sort: 'submittedAt' as const, order: 'asc' as const, page: 1, pageSize: 50 };
    const baseline = await time(
      () => db.$client.execute("SELECT id FROM applications WHERE status <> 'draft' ORDER BY submitted_at LIMIT 50"),
      rounds,
    );
    const cases: [string, () => Promise<unknown>][] = [
      ['first page, no filter', () => reviewQueue(db, county, page)],
      ['page 400 (offset 19,950)', () => reviewQueue(db, county, { ...page, page: 400 })],
      ['status = submitted', () => reviewQueue(db, county, { ...page, status: 'submitted' })],
      ['entry + channel + status', () => reviewQueue(db, county, { ...page, entryId, channelId: channelIds[2], status: 'submitted' })],
      [
        'submitted between two days',
        () =>
          reviewQueue(db, county, {
            ...page,
            submittedFrom: new Date('2024-07-18T16:00:00Z'),
            submittedTo: new Date('2024-07-19T16:00:00Z'),
          }),
      ],
      ['school reviewer scope', () => reviewQueue(db, school, page)],
      ['search by number prefix', () => reviewQueue(db, county, { ...page, q: 'TA24-1-0421' })],
      ['search by name part', () => reviewQueue(db, county, { ...page, q: '明华' })],
      ['sort by number, descending', () => reviewQueue(db, county, { ...page, sort: 'number', order: 'desc' })],
    ];
    const results = [];
    for (const [name, fn] of cases) results.push({ name, ...(await time(fn, rounds)) });
    // Name searches through the index (decision 025), each against the LIKE scan it replaced, timed in the same run.
    const searches: [string, SignedInStaff, string][] = [
      ['name part 明华 (no match)', county, '明华'],
      ['name part 王明 (2 chars)', county, '王明'],
      ['full name 王明超 (3 chars)', county, '王明超'],
      ['surname 张 (1 char)', county, '张'],
      ['张, school reviewer', school, '张'],
    ];
    const names = [];
    for (const [name, member, q] of searches) {
      const [hits] = await db.select({ n: countOf() }).from(applications).where(queueWhere(member, { q }));
      names.push({
        name,
        hits: hits?.n ?? 0,
        indexed: await time(() => reviewQueue(db, member, { ...page, q }), rounds),
        scan: await time(() => likeScanSearch(db, member, q), Math.ceil(rounds / 2)),
      });
    }
    return { count, seedMs, baseline, results, names };
  } finally {
    db.$client.close();
    dir.remove();
  }
}

export function printQueueBench(r: Awaited<ReturnType<typeof runQueueBench>>) {
  console.log(
    `\nReview queue with ${r.count.toLocaleString('en')} applications (seeded in ${(r.seedMs / 1000).toFixed(1)} s; page of 50 with its total)`,
  );
  console.log(
    `baseline: raw SELECT of one page through @libsql/client  p50 ${r.baseline.p50.toFixed(2)} ms  p95 ${r.baseline.p95.toFixed(2)} ms`,
  );
  console.log(['query'.padEnd(30), 'p50 ms', 'p95 ms', 'p50 / baseline'].join('  '));
  for (const q of r.results) {
    console.log(
      [
        q.name.padEnd(30),
        q.p50.toFixed(2).padStart(6),
        q.p95.toFixed(2).padStart(6),
        `${(q.p50 / r.baseline.p50).toFixed(1)}×`.padStart(14),
      ].join('  '),
    );
  }
  console.log('\nname search: through child_name_grams (decision 025) against the LIKE scan it replaced, same run');
  console.log(['query'.padEnd(30), ' hits', 'p50 ms', 'p95 ms', 'p50 / baseline', 'LIKE p50', 'LIKE p95', 'LIKE / index'].join('  '));
  for (const n of r.names) {
    console.log(
      [
        n.name.padEnd(30 - [...n.name].filter((c) => c > '\u2e80').length),
        String(n.hits).padStart(5),
        n.indexed.p50.toFixed(2).padStart(6),
        n.indexed.p95.toFixed(2).padStart(6),
        `${(n.indexed.p50 / r.baseline.p50).toFixed(1)}×`.padStart(14),
        n.scan.p50.toFixed(2).padStart(8),
        n.scan.p95.toFixed(2).padStart(8),
        `${(n.scan.p50 / n.indexed.p50).toFixed(1)}×`.padStart(12),
      ].join('  '),
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { applications: { type: 'string', default: '50000' } } });
  printQueueBench(await runQueueBench(Number(values.applications)));
}
