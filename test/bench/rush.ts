import { readdirSync, statSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import type { ManualClock } from '../../src/adapters/clock';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { parseConfig } from '../../worker/config';
import { startNodeHost } from '../../worker/node-host';
import type { TestHost } from '../helpers/host';
import { residentIds } from '../helpers/identity';
import { catalogFor, hukouDocuments, hukouForm } from '../helpers/journey';
import { plannedRandom } from '../helpers/random';
import { fetchFrom } from '../helpers/from-address';
import { codeFromInbox, parentsInDatabase } from '../helpers/parents';
import { sampleJpeg } from '../helpers/sample-files';
import { measurePhase, type PhaseCost, pool, Recorder } from './measure';
import { countStatements, type SqlCounts } from './sql-counter';
import { privacyNotice } from '../../src/domain/privacy-notice';

/** The moment the 2024 window opens: the clock starts here and runs forward in real time. */
export const windowOpens = '2024-07-15T00:00:00+08:00';

export interface RushOptions {
  parents: number;
  concurrency: number;
  /** Parents who sign in through the real procedures (SMS code via the dev inbox); the rest come from the factory. */
  signInSample: number;
  dir: string;
  /**
   * Runs between the journey and the submit phase, given the stored form of a ready application: the raw baseline's
   * first round, so that the baseline brackets the submit phase on a machine whose load may change.
   */
  beforeSubmit?: (sampleForm: string) => Promise<void>;
}

export interface PhaseReport extends PhaseCost {
  name: string;
  /** How many units the phase completed (flows, or submissions). */
  units: number;
  sql: SqlCounts;
}

export interface RushReport {
  recorder: Recorder;
  factory: { parents: number; ms: number };
  journey: PhaseReport;
  submit: PhaseReport;
  settings: { journalMode: string; synchronous: string; busyTimeout: string; foreignKeys: string };
  endState: Record<string, number>;
  appErrors: string[];
  /** The `form` column of one complete application, as stored (the baseline writes rows of the same size). */
  sampleForm: string;
}

/** A clock that runs forward in real time from `start` and can be moved like the tests' manual clock. */
function runningClock(start: string): ManualClock {
  let offset = new Date(start).getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    set: (instant) => {
      offset = new Date(instant).getTime() - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** Counts the files under a folder (the document store). */
function filesUnder(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    n += statSync(path).isDirectory() ? filesUnder(path) : 1;
  }
  return n;
}

interface Parent {
  index: number;
  phone: string;
  client?: EnrollmentClient;
  fetch?: typeof fetch;
  token?: string;
  applicationId?: string;
  version?: number;
  failed?: boolean;
}

/**
 * The midnight rush against the real Node host over HTTP, on a fresh libSQL file (WAL, synchronous=FULL as the host
 * sets it) with the clock at the window's opening. Phase 1 (the journey): every parent signs in, binds a child,
 * starts an application, picks the hukou channel, saves the form in two saves, uploads the five documents, picks two
 * schools and previews — `concurrency` parents at a time, each on their own. Phase 2: every parent submits, again
 * `concurrency` at a time.
 */
export async function runRush(options: RushOptions): Promise<RushReport> {
  const appErrors: string[] = [];
  const log = {
    info: () => {},
    warn: (...args: unknown[]) => {
      appErrors.push(`warn: ${args.map(String).join(' ')}`);
    },
    error: (...args: unknown[]) => {
      appErrors.push(`error: ${args.map(String).join(' ')}`);
    },
  };
  const clock = runningClock(windowOpens);
  const dbFile = join(options.dir, 'platform.db');
  const filesDir = join(options.dir, 'files');
  const config = parseConfig({ PORT: '0', DATABASE_URL: `file:${dbFile}`, ENROLL_DEV: '1', FILES_DIR: filesDir });
  const random = plannedRandom();
  const host = await startNodeHost(config, { clock, log, random });
  // Families come from many addresses (the host limits each one): parent i calls from 127.1.x.y, on keep-alive connections.
  const agents: Agent[] = [];
  const fetchOf = (index: number) => {
    const localAddress = `127.1.${index >> 8}.${index & 255}`;
    const agent = new Agent({ keepAlive: true, localAddress });
    agents.push(agent);
    return fetchFrom(localAddress, agent);
  };
  const t: TestHost = {
    url: host.url,
    client: createEnrollmentClient({ url: host.url }),
    clock,
    random,
    host,
    dbFile,
    filesDir,
    errors: [],
    logLines: [],
    close: () => host.close(),
  };
  try {
    const raw = host.deps.db.$client;
    const pragma = async (name: string) => String(Object.values((await raw.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0]);
    const settings = {
      journalMode: await pragma('journal_mode'),
      synchronous: await pragma('synchronous'),
      busyTimeout: await pragma('busy_timeout'),
      foreignKeys: await pragma('foreign_keys'),
    };

    const c = await catalogFor(t);
    const grade1 = c.entry('grade1').id;
    const hukou = c.channel('hukou').id;
    const [first, second] = c.primary;
    if (!first || !second) throw new Error('the seeded community has fewer than two primary schools');
    const childIds = residentIds(options.parents);
    const form = hukouForm(c.community);
    const formParts = [
      {
        community: form.community,
        address: form.address,
        hukouShowsRelation: form.hukouShowsRelation,
        fatherName: form.fatherName,
        fatherIdNumber: form.fatherIdNumber,
      },
      {
        motherName: form.motherName,
        motherIdNumber: form.motherIdNumber,
        hukouRegisteredOn: form.hukouRegisteredOn,
        hukouAddress: form.hukouAddress,
      },
    ];

    const sample = Math.min(options.signInSample, options.parents);
    const parents: Parent[] = Array.from({ length: options.parents }, (_, index) => ({
      index,
      phone: `138${String(index).padStart(8, '0')}`,
    }));
    const factoryStarted = performance.now();
    const made = options.parents > sample ? await parentsInDatabase(t, options.parents - sample) : [];
    const factoryMs = performance.now() - factoryStarted;
    made.forEach((p, i) => {
      const parent = parents[sample + i]!;
      parent.phone = p.phone;
      parent.token = p.token;
      parent.fetch = fetchOf(parent.index);
      parent.client = createEnrollmentClient({ url: host.url, token: p.token, fetch: parent.fetch });
    });

    const r = new Recorder();
    const counter = countStatements(raw);

    const upload = async (parent: Parent, kind: string) => {
      const body = new FormData();
      body.append('applicationId', parent.applicationId!);
      body.append('kind', kind);
      body.append('file', new Blob([sampleJpeg as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), `${kind}.jpg`);
      const res = await parent.fetch!(`${host.url}/api/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${parent.token}` },
        body,
      });
      const answer = (await res.json()) as { applicationVersion?: number; error?: { domainCode?: string; message?: string } };
      if (res.status !== 201) throw new Error(`${res.status} ${answer.error?.domainCode ?? ''}: ${answer.error?.message ?? ''}`);
      return answer;
    };

    const signIn = async (parent: Parent) => {
      await r.time('auth.requestCode', () => t.client.auth.requestCode.mutate({ phone: parent.phone }));
      const code = await r.time('code in dev inbox (polled)', () => codeFromInbox(t, parent.phone));
      const { token } = await r.time('auth.signIn', () =>
        t.client.auth.signIn.mutate({ phone: parent.phone, code, session: 'token', acceptedNotice: privacyNotice.version }),
      );
      if (!token) throw new Error('signIn answered without a token');
      parent.token = token;
      parent.fetch = fetchOf(parent.index);
      parent.client = createEnrollmentClient({ url: host.url, token, fetch: parent.fetch });
    };

    const journey = await measurePhase(() =>
      pool(parents, options.concurrency, async (parent) => {
        try {
          if (!parent.client) await signIn(parent);
          const p = parent.client!;
          const child = await r.time('children.add', () =>
            p.children.add.mutate({ name: '李小明', idType: 'resident', idNumber: childIds[parent.index]! }),
          );
          const { applicationId } = await r.time('applications.start', () =>
            p.applications.start.mutate({ childId: child.id, entryId: grade1, acceptDeclaration: true }),
          );
          parent.applicationId = applicationId;
          await r.time('applications.chooseChannel', () => p.applications.chooseChannel.mutate({ applicationId, channelId: hukou }));
          for (const fields of formParts) await r.time('applications.save', () => p.applications.save.mutate({ applicationId, fields }));
          for (const kind of hukouDocuments) await r.time('POST /api/files (JPEG)', () => upload(parent, kind));
          await r.time('applications.chooseSchools', () =>
            p.applications.chooseSchools.mutate({ applicationId, firstSchoolId: first.id, secondSchoolId: second.id, sibling: null }),
          );
          const preview = await r.time('applications.get', () => p.applications.get.query({ applicationId }));
          parent.version = preview.version;
        } catch {
          parent.failed = true;
        }
      }),
    );
    const journeySql = counter.take();
    const ready = parents.filter((p) => !p.failed);
    const [formRow] = (await raw.execute(`SELECT form FROM applications WHERE channel_id IS NOT NULL ORDER BY id LIMIT 1`)).rows;
    const sampleForm = String(formRow?.[0] ?? '{}');
    await options.beforeSubmit?.(sampleForm);
    counter.take();

    const submit = await measurePhase(() =>
      pool(ready, options.concurrency, async (parent) => {
        try {
          const done = await r.time('applications.submit', () =>
            parent.client!.applications.submit.mutate({ applicationId: parent.applicationId!, version: parent.version! }),
          );
          if (done.status !== 'submitted') throw new Error(`submit answered ${done.status}`);
        } catch {
          parent.failed = true;
        }
      }),
    );
    const submitSql = counter.take();

    // Each submission's SMS and system checks run right after its answer; let them finish before counting.
    const count = async (sql: string) => Number((await raw.execute(sql)).rows[0]![0]);
    const unsettled = `SELECT (SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'application:%' AND status <> 'sent')
      + (SELECT count(*) FROM verification_jobs)`;
    for (let i = 0; i < 200 && (await count(unsettled)) > 0; i++) await new Promise((done) => setTimeout(done, 50));
    const endState = {
      accounts: await count('SELECT count(*) FROM accounts'),
      applications: await count('SELECT count(*) FROM applications'),
      'applications submitted': await count(`SELECT count(*) FROM applications WHERE status = 'submitted'`),
      'history rows → submitted': await count(`SELECT count(*) FROM application_history WHERE to_status = 'submitted'`),
      'applications with one such row': await count(
        `SELECT count(*) FROM (SELECT application_id FROM application_history WHERE to_status = 'submitted' GROUP BY application_id HAVING count(*) = 1)`,
      ),
      'outbox rows (submission SMS)': await count(`SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'application:%'`),
      '… of them sent': await count(`SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'application:%' AND status = 'sent'`),
      'in-app messages (submission)': await count(`SELECT count(*) FROM messages WHERE notice_key LIKE 'application:%'`),
      'system checks still queued': await count('SELECT count(*) FROM verification_jobs'),
      'document rows': await count('SELECT count(*) FROM documents'),
      'document files on disk': filesUnder(filesDir),
    };

    return {
      recorder: r,
      factory: { parents: made.length, ms: factoryMs },
      journey: { name: 'journey (sign-in → preview)', units: ready.length, sql: journeySql, ...journey.cost },
      submit: { name: 'submit', units: ready.filter((p) => !p.failed).length, sql: submitSql, ...submit.cost },
      settings,
      endState,
      appErrors,
      sampleForm,
    };
  } finally {
    for (const agent of agents) agent.destroy();
    await host.close();
  }
}
