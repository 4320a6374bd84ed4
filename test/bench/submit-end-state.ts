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
 * Every submission the platform acknowledged (`applicationId`, the version it was submitted at) checked in the
 * database: `submitted` at the next version, with exactly one history row, its in-app message and its SMS outbox row
 * (sent) under its notice key, and its system check done. Over the whole database: one history row, one message and
 * one outbox row per submitted application, nothing more. Of the requests that failed (`failed`), how many went
 * through all the same and how many left their draft untouched (neither is lost: the parent saw an error).
 */
export async function submittedEndState(
  client: Client,
  acknowledged: readonly { applicationId: string; version: number }[],
  failed: readonly { applicationId: string; version: number }[],
): Promise<EndStateRow[]> {
  const fill = async (table: string, rows: readonly { applicationId: string; version: number }[]) => {
    await client.execute(`CREATE TEMP TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, version INTEGER NOT NULL)`);
    await client.execute(`DELETE FROM ${table}`);
    for (let at = 0; at < rows.length; at += 5000) {
      await client.execute({
        sql: `INSERT INTO ${table} SELECT json_extract(value, '$.applicationId'), json_extract(value, '$.version') + 1 FROM json_each(?)`,
        args: [JSON.stringify(rows.slice(at, at + 5000))],
      });
    }
  };
  await fill('bench_acknowledged', acknowledged);
  await fill('bench_failed', failed);
  const count = async (sql: string) => Number((await client.execute(sql)).rows[0]![0]);
  const key = `'application:' || b.id || ':v' || b.version`;
  const n = acknowledged.length;
  const submitted = await count(`SELECT count(*) FROM applications WHERE status = 'submitted'`);
  const wentThrough = await count(`SELECT count(*) FROM bench_failed b JOIN applications a ON a.id = b.id AND a.status = 'submitted'`);
  const rows: [string, string, number][] = [
    [
      'acknowledged: submitted, at the next version',
      `SELECT count(*) FROM bench_acknowledged b JOIN applications a ON a.id = b.id AND a.status = 'submitted' AND a.version = b.version`,
      n,
    ],
    [
      'acknowledged: exactly one history row → submitted',
      `SELECT count(*) FROM bench_acknowledged b WHERE (SELECT count(*) FROM application_history h WHERE h.application_id = b.id AND h.to_status = 'submitted') = 1`,
      n,
    ],
    ['acknowledged: its in-app message', `SELECT count(*) FROM bench_acknowledged b JOIN messages m ON m.notice_key = ${key}`, n],
    [
      'acknowledged: its SMS outbox row, sent',
      `SELECT count(*) FROM bench_acknowledged b JOIN outbox o ON o.idempotency_key = ${key} AND o.status = 'sent'`,
      n,
    ],
    [
      'acknowledged: its system check done',
      `SELECT count(*) FROM bench_acknowledged b JOIN applications a ON a.id = b.id AND a.verification IS NOT NULL`,
      n,
    ],
    ['failed requests that went through all the same', `SELECT ${wentThrough}`, wentThrough],
    [
      'failed requests whose draft is untouched',
      `SELECT count(*) FROM bench_failed b JOIN applications a ON a.id = b.id AND a.status = 'draft' AND a.version = b.version - 1`,
      failed.length - wentThrough,
    ],
    ['whole database: applications submitted', `SELECT ${submitted}`, n + wentThrough],
    ['whole database: history rows → submitted', `SELECT count(*) FROM application_history WHERE to_status = 'submitted'`, submitted],
    ['whole database: in-app messages', 'SELECT count(*) FROM messages', submitted],
    ["whole database: outbox rows 'application:…'", `SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'application:%'`, submitted],
    ['whole database: outbox rows not sent', `SELECT count(*) FROM outbox WHERE status <> 'sent'`, 0],
    ['whole database: system checks still queued', 'SELECT count(*) FROM verification_jobs', 0],
  ];
  const result: EndStateRow[] = [];
  for (const [name, sql, expected] of rows) result.push({ name, count: await count(sql), expected });
  return result;
}
