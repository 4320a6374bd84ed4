import type { Client } from '@libsql/client';

/** What is still to do after the answers: SMS not yet sent (pending, being sent or dead) and queued system checks. */
export async function unsettled(client: Client): Promise<{ outbox: number; checks: number }> {
  const { rows } = await client.execute(
    `SELECT (SELECT count(*) FROM outbox WHERE status <> 'sent') AS outbox, (SELECT count(*) FROM verification_jobs) AS checks`,
  );
  return { outbox: Number(rows[0]!.outbox), checks: Number(rows[0]!.checks) };
}

/**
 * Waits until every SMS is sent and every system check has run (the after-response work, then the host's sweeper
 * every minute for what that left). Answers how long it took (ms), or what was left when `timeoutMs` ran out.
 */
export async function waitDrained(client: Client, timeoutMs: number): Promise<{ ms: number; left?: { outbox: number; checks: number } }> {
  const started = performance.now();
  for (;;) {
    const left = await unsettled(client);
    const ms = performance.now() - started;
    if (left.outbox + left.checks === 0) return { ms };
    if (ms > timeoutMs) return { ms, left };
    await new Promise((done) => setTimeout(done, 250));
  }
}

export interface EndStateRow {
  name: string;
  count: number;
  expected: number;
}

/**
 * Every application the bench submitted (`applicationId`, the version it was submitted at) checked in the database:
 * `submitted` exactly once at the next version, with one history row, one in-app message and one SMS outbox row
 * (sent) under its notice key, and its system check done; and, over the whole database, no notice beyond these.
 */
export async function submittedEndState(
  client: Client,
  submitted: readonly { applicationId: string; version: number }[],
): Promise<EndStateRow[]> {
  await client.execute('CREATE TEMP TABLE IF NOT EXISTS bench_submitted (id TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  await client.execute('DELETE FROM bench_submitted');
  for (let at = 0; at < submitted.length; at += 5000) {
    await client.execute({
      sql: `INSERT INTO bench_submitted SELECT json_extract(value, '$.applicationId'), json_extract(value, '$.version') + 1 FROM json_each(?)`,
      args: [JSON.stringify(submitted.slice(at, at + 5000))],
    });
  }
  const count = async (sql: string) => Number((await client.execute(sql)).rows[0]![0]);
  const key = `'application:' || b.id || ':v' || b.version`;
  const n = submitted.length;
  const rows: [string, string, number][] = [
    [
      'submitted, at the next version',
      `SELECT count(*) FROM bench_submitted b JOIN applications a ON a.id = b.id AND a.status = 'submitted' AND a.version = b.version`,
      n,
    ],
    [
      'with exactly one history row → submitted',
      `SELECT count(*) FROM bench_submitted b WHERE (SELECT count(*) FROM application_history h WHERE h.application_id = b.id AND h.to_status = 'submitted') = 1`,
      n,
    ],
    ['history rows → submitted (whole database)', `SELECT count(*) FROM application_history WHERE to_status = 'submitted'`, n],
    ['with its in-app message', `SELECT count(*) FROM bench_submitted b JOIN messages m ON m.notice_key = ${key}`, n],
    ['in-app messages (whole database)', 'SELECT count(*) FROM messages', n],
    [
      'with its SMS outbox row, sent',
      `SELECT count(*) FROM bench_submitted b JOIN outbox o ON o.idempotency_key = ${key} AND o.status = 'sent'`,
      n,
    ],
    ["outbox rows 'application:…' (whole database)", `SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'application:%'`, n],
    ['outbox rows not sent', `SELECT count(*) FROM outbox WHERE status <> 'sent'`, 0],
    [
      'with its system check done',
      `SELECT count(*) FROM bench_submitted b JOIN applications a ON a.id = b.id AND a.verification IS NOT NULL`,
      n,
    ],
    ['system checks still queued', 'SELECT count(*) FROM verification_jobs', 0],
    [
      'applications still draft that the bench submitted',
      `SELECT count(*) FROM bench_submitted b JOIN applications a ON a.id = b.id AND a.status = 'draft'`,
      0,
    ],
  ];
  const result: EndStateRow[] = [];
  for (const [name, sql, expected] of rows) result.push({ name, count: await count(sql), expected });
  return result;
}
