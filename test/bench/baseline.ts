import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClient, type InStatement } from '@libsql/client';
import { statusNotice } from '../../src/domain/notices';
import { randomId } from '../../src/adapters/random';
import { measurePhase, type PhaseCost, pool, Recorder } from './measure';
import { windowOpens } from './rush';

const migrations = fileURLToPath(new URL('../../db/migrations', import.meta.url));

export interface BaselineOptions {
  file: string;
  rows: number;
  concurrency: number;
  synchronous: 'FULL' | 'NORMAL';
  /** The stored `form` of a real submitted application, so that the rows are as large as the platform's. */
  form: string;
  /**
   * Open loop instead of `concurrency` in flight: submission k starts at `openAt[k]` ms after the phase starts,
   * whatever the others do, and its latency counts from that planned instant.
   */
  openAt?: readonly number[];
  /** Also queue the submission's system check (`verification_jobs`) in its batch, as the platform's submit does. */
  verificationJob?: boolean;
}

export interface BaselineReport extends PhaseCost {
  synchronous: string;
  journalMode: string;
  submits: number;
  recorder: Recorder;
  endState: Record<string, number>;
}

/** The project's migrations as plain SQL statements, in order. */
function schemaStatements(): string[] {
  return readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) => readFileSync(`${migrations}/${f}`, 'utf8').split('--> statement-breakpoint'))
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The floor under a submission: the rows one submission writes — the conditional applications UPDATE, the history
 * row, the in-app message and the SMS outbox row, each insert keyed to the update by its nonce exactly as the app
 * does — as one batch of plain SQL through `@libsql/client` alone, on a fresh file with the host's pragmas
 * (WAL, `synchronous` as given), `concurrency` at a time on one client like the host's. No HTTP, no session
 * lookup, no reads, no completeness check, no SMS send afterwards.
 */
export async function runBaseline(options: BaselineOptions): Promise<BaselineReport> {
  const client = createClient({ url: `file:${options.file}` });
  try {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute(`PRAGMA synchronous = ${options.synchronous}`);
    await client.execute('PRAGMA busy_timeout = 5000');
    await client.execute('PRAGMA foreign_keys = ON');
    await client.migrate(schemaStatements());

    const start = new Date(windowOpens).getTime();
    const regionId = randomId();
    const seasonId = randomId();
    const entryId = randomId();
    const families = Array.from({ length: options.rows }, (_, i) => ({
      accountId: randomId(),
      childId: randomId(),
      applicationId: randomId(),
      phone: `139${String(i).padStart(8, '0')}`,
      number: `TH24-1-${String(i).padStart(6, '0')}`,
    }));
    const setup: InStatement[] = [
      { sql: 'INSERT INTO regions (id, code, name) VALUES (?, ?, ?)', args: [regionId, 'taojiang', '桃江县'] },
      {
        sql: 'INSERT INTO seasons (id, region_id, code, name, year) VALUES (?, ?, ?, ?, ?)',
        args: [seasonId, regionId, '2024', '2024年秋季', 2024],
      },
      {
        sql: 'INSERT INTO entries (id, season_id, code, name, description, grade_min, grade_max, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        args: [entryId, seasonId, 'grade1', '小学一年级新生', '', 1, 1, 1],
      },
    ];
    for (const [i, f] of families.entries()) {
      setup.push(
        { sql: 'INSERT INTO accounts (id, phone, created_at, updated_at) VALUES (?, ?, ?, ?)', args: [f.accountId, f.phone, start, start] },
        {
          sql: 'INSERT INTO children (id, account_id, name, id_type, id_cipher, id_blind, id_masked, birth_date, sex, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          args: [
            f.childId,
            f.accountId,
            '李小明',
            'resident',
            'x'.repeat(80),
            `blind-${i}`,
            '430920********0011',
            '2018-01-01',
            'male',
            start,
            start,
          ],
        },
        {
          sql: `INSERT INTO applications (id, number, account_id, child_id, season_id, entry_id, grade, status, version, declaration_accepted_at, form, community, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, 'draft', 10, ?, ?, ?, ?, ?)`,
          args: [f.applicationId, f.number, f.accountId, f.childId, seasonId, entryId, start, options.form, '资江社区', start, start],
        },
      );
    }
    await client.batch(setup, 'write');

    const pragma = async (name: string) => String(Object.values((await client.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0]);
    const journalMode = await pragma('journal_mode');
    const synchronous = await pragma('synchronous');

    const r = new Recorder();
    const submitOne = async (f: (typeof families)[number], plannedAt?: number) => {
      const now = start + Math.round(performance.now());
      const nonce = randomId();
      const version = 11;
      const key = `application:${f.applicationId}:v${version}`;
      const notice = statusNotice('submitted', { number: f.number, childName: '李小明' });
      const won = 'EXISTS (SELECT 1 FROM applications WHERE id = ? AND change_nonce = ?)';
      try {
        await r.time(
          'raw submit batch',
          async () => {
            const [updated] = await client.batch(
              [
                {
                  sql: `UPDATE applications SET submitted_at = ?, reject_reason = NULL, status = 'submitted', version = ?, change_nonce = ?, updated_at = ?
                    WHERE id = ? AND version = ?`,
                  args: [now, version, nonce, now, f.applicationId, version - 1],
                },
                {
                  sql: `INSERT INTO application_history (id, application_id, version, from_status, to_status, actor, actor_id, reason, at)
                    SELECT ?, ?, ?, 'draft', 'submitted', 'parent', ?, NULL, ? WHERE ${won}`,
                  args: [randomId(), f.applicationId, version, f.accountId, now, f.applicationId, nonce],
                },
                {
                  sql: `INSERT INTO messages (id, account_id, notice_key, title, body, created_at, read_at)
                    SELECT ?, ?, ?, ?, ?, ?, NULL WHERE ${won} ON CONFLICT (notice_key) DO NOTHING`,
                  args: [randomId(), f.accountId, key, notice.title, notice.body, now, f.applicationId, nonce],
                },
                {
                  sql: `INSERT INTO outbox (id, idempotency_key, phone, body, status, attempts, next_attempt_at, claimed_by, claim_expires_at, last_error, created_at, sent_at)
                    SELECT ?, ?, ?, ?, 'pending', 0, ?, NULL, NULL, NULL, ?, NULL WHERE ${won} ON CONFLICT (idempotency_key) DO NOTHING`,
                  args: [randomId(), key, f.phone, notice.body, now, now, f.applicationId, nonce],
                },
                ...(options.verificationJob
                  ? [
                      {
                        sql: `INSERT INTO verification_jobs (application_id, due_at, attempts) VALUES (?, ?, 0)
                          ON CONFLICT (application_id) DO UPDATE SET due_at = excluded.due_at, attempts = 0, claimed_by = NULL, claim_expires_at = NULL, last_error = NULL`,
                        args: [f.applicationId, now],
                      },
                    ]
                  : []),
              ],
              'deferred',
            );
            if (updated?.rowsAffected !== 1) throw new Error(`the update matched ${updated?.rowsAffected} rows`);
          },
          plannedAt,
        );
      } catch {
        // recorded
      }
    };
    const openAt = options.openAt;
    const phase = await measurePhase(async () => {
      if (!openAt) return pool(families, options.concurrency, (f) => submitOne(f));
      const t0 = performance.now();
      await Promise.all(
        families.map(async (f, k) => {
          const wait = openAt[k]! - (performance.now() - t0);
          if (wait > 0) await new Promise((done) => setTimeout(done, wait));
          await submitOne(f, t0 + openAt[k]!);
        }),
      );
    });

    const count = async (sql: string) => Number((await client.execute(sql)).rows[0]![0]);
    const endState = {
      'applications submitted': await count(`SELECT count(*) FROM applications WHERE status = 'submitted'`),
      'history rows → submitted': await count(`SELECT count(*) FROM application_history WHERE to_status = 'submitted'`),
      'outbox rows': await count('SELECT count(*) FROM outbox'),
      messages: await count('SELECT count(*) FROM messages'),
      ...(options.verificationJob ? { 'verification jobs': await count('SELECT count(*) FROM verification_jobs') } : {}),
    };
    return { synchronous, journalMode, submits: r.step('raw submit batch').latencies.length, recorder: r, endState, ...phase.cost };
  } finally {
    client.close();
  }
}
