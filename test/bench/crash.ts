/**
 * `npm run crash [-- --kills 25 --parents 30 --seed 1]`: crash durability of the Node host (docs/reliability.md).
 *
 * The host runs as a child process of its own (`node --import tsx test/bench/crash-host.ts`) on its own libSQL file
 * and documents folder, sending SMS to a fake HTTP provider in another process that outlives every crash and
 * records each idempotency key. Parents submit, withdraw and resubmit (uploading their documents on the way); a
 * county reviewer approves and rejects; meanwhile the host is killed with SIGKILL at random moments and restarted.
 * At the end the host is restarted once more with its clock two hours later (every lease and back-off over), the
 * outbox drains, and the bench checks:
 *   - every acknowledged write is present (each acknowledged transition is in the application's history, each
 *     acknowledged upload has its row and its bytes);
 *   - nothing is doubled: an application's transitions of a kind number at least the acknowledged ones and at most
 *     those plus the calls that were cut off by a kill (whose fate the client never learnt); one application per child;
 *   - every outbox row is `sent`, and the provider delivered each idempotency key exactly once, and nothing else;
 *   - the document store and the rows agree: every row has its file (bytes without a row are counted: the process
 *     can die between writing the bytes and the row).
 * Exits 1 when any check fails. Not part of `npm test`.
 */
import { testTokens } from '../helpers/tokens';
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { accounts, outbox, sessions, uploadIntents } from '../../db/schema';
import { seedCatalog } from '../../db/seed';
import { demoStaff, seedDemoStaff } from '../../db/seed/demo-staff';
import { randomId } from '../../src/adapters/random';
import { newSession } from '../../src/services/sessions';
import { residentIds } from '../helpers/identity';
import { hukouDocuments, hukouForm } from '../helpers/journey';
import { freePort } from '../helpers/ports';
import { samplePng } from '../helpers/sample-files';
import { tempDir } from '../helpers/temp';
import { checkCrashRun, type ProviderReport, type Transition, type TransitionCounts } from './crash-checks';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '25' },
    parents: { type: 'string', default: '30' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    'keep-dir': { type: 'boolean', default: false },
  },
});
const kills = Number(values.kills);
const parentCount = Number(values.parents);
let seed = Number(values.seed);
/** mulberry32: the bench's own randomness, replayable by --seed (timing still varies run to run). */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = tempDir('crash');
const dbUrl = `file:${join(dir.path, 'crash.db')}`;
const filesDir = join(dir.path, 'files');
const smsKey = 'crash-bench-key';
const dataKey = 'crash-bench-data-key-0123456789abcdef';
const clockBase = Date.parse('2024-07-20T10:00:00+08:00');
const benchStart = Date.now();

// ——— the SMS provider and the host, as processes ———

const provider: ChildProcess = fork(new URL('./sms-provider-process.ts', import.meta.url).pathname, [], {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, SMS_HTTP_KEY: smsKey },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const providerUrl = await new Promise<string>((resolve) => provider.once('message', (m: { url: string }) => resolve(m.url)));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;

let host: ChildProcess | null = null;
let hostUp = false;
const restartMs: number[] = [];

async function startHost(clockShiftMs = 0): Promise<void> {
  const started = Date.now();
  const now = new Date(clockBase + (Date.now() - benchStart) + clockShiftMs).toISOString();
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./crash-host.ts', import.meta.url).pathname], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      FILES_DIR: filesDir,
      DATA_KEY: dataKey,
      ENROLL_NOW: now,
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: providerUrl,
      SMS_HTTP_KEY: smsKey,
      RECORDS_PROVIDER: 'local',
      ENROLL_DEV: '',
      CRASH_SWEEP_MS: '500',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  host = child;
  let log = '';
  child.stderr!.on('data', (d: Buffer) => {
    log += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before listening: ${log.slice(-2000)}`)));
  });
  hostUp = true;
  restartMs.push(Date.now() - started);
}

async function killHost(signal: NodeJS.Signals): Promise<void> {
  const child = host!;
  hostUp = false;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

async function untilUp(): Promise<void> {
  while (!hostUp) await sleep(20);
}

// ——— calls ———

// biome-ignore lint/suspicious/noExplicitAny: raw JSON answers of many procedures, read field by field as the bench needs them
type Result = { kind: 'ok'; data: any } | { kind: 'refused'; status: number; code: string; domainCode: string | null } | { kind: 'lost' };
const counts = { calls: 0, lost: 0, inFlight: 0, serverErrors: 0 };
/** A call that never reached a listening host (refused connection) versus one cut off while the host had it. */
const lose = (error: unknown) => {
  counts.lost++;
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code !== 'ECONNREFUSED') counts.inFlight++;
};
/** Refusals by procedure and domain code: expected ones (a withdrawal the reviewer overtook) and any surprise. */
const refusals = new Map<string, number>();
const refused = (path: string, domainCode: string | null) =>
  refusals.set(`${path} ${domainCode}`, (refusals.get(`${path} ${domainCode}`) ?? 0) + 1);

async function rpc(path: string, type: 'query' | 'mutation', input: unknown, token: string): Promise<Result> {
  await untilUp();
  counts.calls++;
  try {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const response =
      type === 'query'
        ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}`, { headers })
        : await fetch(`${url}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
    const body = (await response.json()) as { result?: { data: unknown }; error?: { data: { code: string; domainCode: string | null } } };
    if (response.status >= 500) counts.serverErrors++;
    if (body.result) return { kind: 'ok', data: body.result.data };
    refused(path, body.error?.data.domainCode ?? null);
    return {
      kind: 'refused',
      status: response.status,
      code: body.error?.data.code ?? '?',
      domainCode: body.error?.data.domainCode ?? null,
    };
  } catch (error) {
    lose(error);
    await sleep(20);
    return { kind: 'lost' };
  }
}

async function upload(token: string, applicationId: string, kind: string): Promise<Result> {
  await untilUp();
  counts.calls++;
  const form = new FormData();
  form.set('file', new Blob([samplePng], { type: 'image/png' }), `${kind}.png`);
  form.set('applicationId', applicationId);
  form.set('kind', kind);
  try {
    const response = await fetch(`${url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const body = (await response.json()) as { id?: string; error?: { code: string; domainCode: string } };
    if (response.status >= 500) counts.serverErrors++;
    if (response.status === 201) return { kind: 'ok', data: body };
    return { kind: 'refused', status: response.status, code: body.error?.code ?? '?', domainCode: body.error?.domainCode ?? null };
  } catch (error) {
    lose(error);
    await sleep(20);
    return { kind: 'lost' };
  }
}

// ——— what the clients were told ———

const acknowledged: TransitionCounts = new Map();
const cutOff: TransitionCounts = new Map();
const tally = (map: TransitionCounts, applicationId: string, to: Transition) => {
  const entry = map.get(applicationId) ?? { submitted: 0, withdrawn: 0, preliminarily_approved: 0, rejected: 0 };
  entry[to]++;
  map.set(applicationId, entry);
};
const acknowledgedUploads = new Set<string>();
const ops = { submitted: 0, withdrawn: 0, preliminarily_approved: 0, rejected: 0, uploads: 0 };

function record(result: Result, applicationId: string, to: Transition) {
  if (result.kind === 'ok') {
    tally(acknowledged, applicationId, to);
    ops[to]++;
  }
  if (result.kind === 'lost') tally(cutOff, applicationId, to);
}

// ——— setup: database, parents, staff ———

{
  const db = await createDb(dbUrl);
  await migrateDb(db);
  await seedCatalog(db);
  await seedDemoStaff(db, new Date());
  db.$client.close();
}
await startHost();

const parents: { token: string; phone: string; childId?: string }[] = [];
{
  const db = await createDb(dbUrl);
  const now = new Date(clockBase);
  for (let i = 0; i < parentCount; i++) {
    const session = await newSession(testTokens, now);
    const accountId = randomId();
    const phone = `1330000${String(i).padStart(4, '0')}`;
    await db.batch([
      db.insert(accounts).values({ id: accountId, phone, createdAt: now, updatedAt: now }),
      db
        .insert(sessions)
        .values({ id: randomId(), tokenHash: session.tokenHash, accountId, createdAt: now, lastSeenAt: now, expiresAt: session.expiresAt }),
    ]);
    parents.push({ token: session.token, phone });
  }
  db.$client.close();
}
const county = demoStaff.find((s) => s.username === 'county')!;
const staffToken = (
  (await rpc('review.signIn', 'mutation', { username: county.username, password: county.password, session: 'token' }, '')) as {
    data: { token: string };
  }
).data.token;
const [region] = ((await rpc('catalog.regions', 'query', undefined, '')) as { data: { id: string }[] }).data;
const regionDetail = (
  (await rpc('catalog.region', 'query', { regionId: region!.id }, '')) as { data: { entries: { id: string; code: string }[] } }
).data;
const grade1 = regionDetail.entries.find((e) => e.code === 'grade1')!.id;
const channelsOf = (
  (await rpc('catalog.channels', 'query', { entryId: grade1 }, '')) as { data: { tracks: { channels: { id: string; code: string }[] }[] } }
).data;
const hukou = channelsOf.tracks[0]!.channels.find((c) => c.code === 'hukou')!.id;
const [community] = ((await rpc('catalog.communities', 'query', { regionId: region!.id }, '')) as { data: { name: string }[] }).data;
const primary = (
  (await rpc('catalog.schools', 'query', { regionId: region!.id, level: 'primary', community: community!.name }, '')) as {
    data: { id: string }[];
  }
).data;
const ids = residentIds(parentCount, '20180404');
for (const [i, parent] of parents.entries()) {
  const child = await rpc('children.add', 'mutation', { name: '王小明', idType: 'resident', idNumber: ids[i] }, parent.token);
  if (child.kind !== 'ok') throw new Error(`setup: children.add ${JSON.stringify(child)}`);
  parent.childId = child.data.id;
}

// ——— the load: parents and a reviewer, while the host dies ———

let stopping = false;

async function parentLoop(parent: (typeof parents)[number]) {
  let applicationId: string | null = null;
  let formSaved = false;
  while (!stopping) {
    if (!applicationId) {
      const started = await rpc(
        'applications.start',
        'mutation',
        { childId: parent.childId, entryId: grade1, acceptDeclaration: true },
        parent.token,
      );
      if (started.kind === 'ok') applicationId = started.data.applicationId;
      else if (started.kind === 'refused') {
        // The start committed but its answer was lost to a kill: the application is there.
        const list = await rpc('applications.list', 'query', undefined, parent.token);
        if (list.kind === 'ok' && list.data[0]) applicationId = list.data[0].id;
      }
      continue;
    }
    const got = await rpc('applications.get', 'query', { applicationId }, parent.token);
    if (got.kind !== 'ok') continue;
    const app = got.data;
    if (app.status === 'draft' || app.status === 'withdrawn') {
      if (
        !app.channel &&
        (await rpc('applications.chooseChannel', 'mutation', { applicationId, channelId: hukou }, parent.token)).kind !== 'ok'
      )
        continue;
      if (!formSaved) {
        if ((await rpc('applications.save', 'mutation', { applicationId, fields: hukouForm(community!.name) }, parent.token)).kind !== 'ok')
          continue;
        formSaved = true;
      }
      if (
        !app.schools.first &&
        (
          await rpc(
            'applications.chooseSchools',
            'mutation',
            { applicationId, firstSchoolId: primary[0]!.id, secondSchoolId: primary[1]!.id, sibling: null },
            parent.token,
          )
        ).kind !== 'ok'
      )
        continue;
      const have = new Set((app.documents as { kind: string }[]).map((d) => d.kind));
      let uploadsDone = true;
      for (const kind of hukouDocuments.filter((k) => !have.has(k))) {
        const result = await upload(parent.token, applicationId, kind);
        if (result.kind === 'ok') {
          acknowledgedUploads.add(result.data.id);
          ops.uploads++;
        } else uploadsDone = false;
        if (result.kind === 'lost') break;
      }
      if (!uploadsDone) continue;
      const fresh = await rpc('applications.get', 'query', { applicationId }, parent.token);
      if (fresh.kind !== 'ok') continue;
      record(
        await rpc('applications.submit', 'mutation', { applicationId, version: fresh.data.version }, parent.token),
        applicationId,
        'submitted',
      );
    } else if (app.status === 'submitted' && app.canWithdraw && random() < 0.4) {
      await sleep(random() * 200);
      record(await rpc('applications.withdraw', 'mutation', { applicationId }, parent.token), applicationId, 'withdrawn');
    } else if (app.status === 'submitted') {
      await sleep(100 + random() * 300);
    } else {
      return; // decided by the reviewer: this family is done
    }
  }
}

async function reviewerLoop() {
  while (!stopping) {
    const queue = await rpc('review.queue', 'query', { status: 'submitted', pageSize: 10 }, staffToken);
    if (queue.kind === 'ok') {
      for (const row of queue.data.rows as { id: string; version: number }[]) {
        if (stopping) break;
        if (random() < 0.75)
          record(
            await rpc('review.approve', 'mutation', { applicationId: row.id, version: row.version }, staffToken),
            row.id,
            'preliminarily_approved',
          );
        else
          record(
            await rpc(
              'review.reject',
              'mutation',
              { applicationId: row.id, version: row.version, reason: '材料不清晰，请重新上传' },
              staffToken,
            ),
            row.id,
            'rejected',
          );
      }
    }
    await sleep(150 + random() * 250);
  }
}

const load = Promise.all([...parents.map(parentLoop), reviewerLoop()]);
const killedAt: number[] = [];
for (let k = 0; k < kills; k++) {
  // Up for 1–4 s of traffic, then killed at a random moment of it.
  await sleep(1000 + random() * 3000);
  killedAt.push(counts.calls);
  await killHost('SIGKILL');
  await startHost();
}
stopping = true;
await load;

// Drain: a last restart with the clock two hours on, so every lease, back-off and upload grace period has run out:
// the sweeper sends what is due and deletes the bytes of uploads killed before their row.
await killHost('SIGTERM');
await startHost(2 * 3600_000);
const db = await createDb(dbUrl);
const drainStarted = Date.now();
let open = 1;
while (open > 0 && Date.now() - drainStarted < 120_000) {
  await sleep(250);
  const [due] = await db.select({ n: sql<number>`count(*)` }).from(outbox).where(sql`${outbox.status} IN ('pending', 'sending')`);
  const [intents] = await db.select({ n: sql<number>`count(*)` }).from(uploadIntents);
  open = due!.n + intents!.n;
}
const drainMs = Date.now() - drainStarted;
await killHost('SIGTERM');

// ——— checks ———

const report = await new Promise<ProviderReport>((resolve) => {
  provider.once('message', resolve as (m: unknown) => void);
  provider.send({ report: true });
});
provider.send({ stop: true });
const { problems, figures: f } = await checkCrashRun(db, filesDir, { acknowledged, cutOff, acknowledgedUploads }, report);
db.$client.close();
if (counts.serverErrors) problems.push(`${counts.serverErrors} answers were HTTP 5xx`);
if (restartMs.length < kills + 1) problems.push('the host did not restart after every kill');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const cutOffTotal = [...cutOff.values()].reduce((n, e) => n + e.submitted + e.withdrawn + e.preliminarily_approved + e.rejected, 0);
console.info(
  [
    `crash durability: ${kills} × kill -9 in ${((Date.now() - benchStart) / 1000).toFixed(1)} s, ${parentCount} parents + 1 reviewer (seed ${values.seed})`,
    `  calls ${counts.calls}; without an answer ${counts.lost} (in flight when the host died ${counts.inFlight}, connection refused ${counts.lost - counts.inFlight}; calls wait while the host restarts); HTTP 5xx ${counts.serverErrors}`,
    `  acknowledged: ${ops.submitted} submissions, ${ops.withdrawn} withdrawals, ${ops.preliminarily_approved} approvals, ${ops.rejected} rejections, ${ops.uploads} uploads`,
    `  transitions cut off (fate unknown to the client): ${cutOffTotal}`,
    `  end state: ${f.statusCounts.map((s) => `${s.status} ${s.n}`).join(', ')}; history rows ${f.historyRows}`,
    `  documents: ${f.documentRows} rows, ${f.files} files, ${f.bytesWithoutRow} bytes without a row, ${f.temporaryFiles} temporary files left`,
    `  outbox: ${f.outboxRows} rows, all sent: ${f.allSent}; provider calls ${f.providerCalls}, deliveries ${f.deliveries}, keys called more than once ${f.keysCalledMoreThanOnce}; drained in ${(drainMs / 1000).toFixed(1)} s`,
    `  host restart to listening: median ${median(restartMs)} ms, max ${Math.max(...restartMs)} ms`,
    `  refusals: ${[...refusals].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`,
    `  problems: ${problems.length}`,
    ...problems.slice(0, 30).map((p) => `   - ${p}`),
  ].join('\n'),
);

if (!values['keep-dir']) dir.remove();
else console.info(`  data kept in ${dir.path}`);
process.exit(problems.length ? 1 : 0);
