import { testTokens } from '../helpers/tokens';
import type { Client, InStatement } from '@libsql/client';
import { createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { seedCatalog } from '../../db/seed';
import { webCryptoRandom } from '../../src/adapters/random';
import { createVault } from '../../src/adapters/vault';
import { checkIdNumber } from '../../src/domain/identity';
import { newId } from '../../src/domain/ids';
import { maskIdNumber } from '../../src/domain/masking';
import { newSession } from '../../src/services/sessions';
import { residentIds } from '../helpers/identity';
import { type PreparedDraft, prepareDrafts } from '../helpers/worker-drafts';

/** Rows per INSERT statement: each statement reads its new rows from one JSON parameter. */
const rowsPerStatement = 2000;

/** Columns a copy takes from its own row; every other column is the template's. */
type Overrides = Record<string, string | number | null>;

/**
 * INSERT … SELECT statements that copy the template rows of `table` (those whose `keyColumn` is `keyValue`) once per
 * entry of `copies`, with the columns the entry names replaced, and `fresh` columns given a new random id each.
 */
async function copyStatements(
  client: Client,
  table: string,
  key: { column: string; value: string },
  copies: Overrides[],
  fresh: string[] = [],
): Promise<InStatement[]> {
  const columns = (await client.execute(`PRAGMA table_info("${table}")`)).rows.map((r) => String(r.name));
  const named = new Set(Object.keys(copies[0] ?? {}));
  const select = columns.map((c) =>
    named.has(c) ? `json_extract(j.value, '$.${c}')` : fresh.includes(c) ? 'lower(hex(randomblob(10)))' : `t."${c}"`,
  );
  const statements: InStatement[] = [];
  for (let at = 0; at < copies.length; at += rowsPerStatement) {
    statements.push({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
            SELECT ${select.join(', ')} FROM json_each(?) AS j CROSS JOIN "${table}" AS t WHERE t."${key.column}" = ?`,
      args: [JSON.stringify(copies.slice(at, at + rowsPerStatement)), key.value],
    });
  }
  return statements;
}

/** Six base-32 characters for `n` (application numbers must be unique; the template's is random). */
function numberTail(n: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let tail = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 32)) tail = alphabet[n % 32] + tail;
  return tail;
}

/**
 * A fresh libSQL file (migrated, the demo catalog seeded) with `count` signed-in parents, each with a complete grade-1
 * draft ready for `applications.submit`: the first made through the platform's own services (`prepareDrafts`), the
 * others copies of its rows — account, session, child (its own ID number, sealed and blind-indexed with `dataKey`),
 * application and five document rows — written a few thousand at a time in INSERT … SELECT statements, so that tens
 * of thousands are ready in seconds and only the submission is measured.
 */
export async function prepareSubmitDrafts(file: string, dataKey: string, now: Date, count: number): Promise<PreparedDraft[]> {
  const db = await createDb(`file:${file}`);
  try {
    await migrateDb(db);
    await seedCatalog(db);
    const [template] = await prepareDrafts(db, dataKey, now, 1);
    if (!template) throw new Error('no template draft');
    const client = db.$client;
    const row = async (sql: string, args: string[]) => (await client.execute({ sql, args })).rows[0]!;
    const application = await row('SELECT id, account_id, child_id, number FROM applications WHERE id = ?', [template.applicationId]);
    const accountId = String(application.account_id);
    const childId = String(application.child_id);
    const prefix = String(application.number).slice(0, -6);

    const vault = await createVault(dataKey);
    const ids = residentIds(count, '20180101');
    const copies = await Promise.all(
      Array.from({ length: count - 1 }, async (_, k) => {
        const i = k + 1;
        const id = checkIdNumber('resident', ids[i]!, '2024-07-15');
        if (!id.ok) throw new Error(`child ${i}: ${id.message}`);
        const session = await newSession(testTokens, now);
        return {
          token: session.token,
          account: { id: newId(webCryptoRandom), phone: `137${String(10_000_000 + i).slice(-8)}` },
          tokenHash: session.tokenHash,
          child: {
            id: newId(webCryptoRandom),
            id_cipher: await vault.encrypt(id.normalized),
            id_blind: await vault.blindIndex(id.normalized),
            id_masked: maskIdNumber(id.normalized),
            birth_date: id.birthDate,
            sex: id.sex,
          },
          applicationId: newId(webCryptoRandom),
          number: `${prefix}${numberTail(i)}`,
        };
      }),
    );
    const statements = [
      ...(await copyStatements(
        client,
        'accounts',
        { column: 'id', value: accountId },
        copies.map((c) => c.account),
      )),
      ...(await copyStatements(
        client,
        'sessions',
        { column: 'account_id', value: accountId },
        copies.map((c) => ({ account_id: c.account.id, token_hash: c.tokenHash })),
        ['id'],
      )),
      ...(await copyStatements(
        client,
        'children',
        { column: 'id', value: childId },
        copies.map((c) => ({ ...c.child, account_id: c.account.id })),
      )),
      ...(await copyStatements(
        client,
        'applications',
        { column: 'id', value: template.applicationId },
        copies.map((c) => ({ id: c.applicationId, number: c.number, account_id: c.account.id, child_id: c.child.id })),
        ['change_nonce'],
      )),
      ...(await copyStatements(
        client,
        'documents',
        { column: 'application_id', value: template.applicationId },
        copies.map((c) => ({ application_id: c.applicationId, account_id: c.account.id })),
        ['id', 'storage_key'],
      )),
    ];
    await client.batch(statements, 'write');
    const drafts = await client.execute('SELECT count(*) AS n FROM applications WHERE status = ?', ['draft']);
    if (Number(drafts.rows[0]!.n) !== count) throw new Error(`prepared ${drafts.rows[0]!.n} drafts, wanted ${count}`);
    return [
      template,
      ...copies.map((c) => ({ phone: c.account.phone, token: c.token, applicationId: c.applicationId, version: template.version })),
    ];
  } finally {
    db.$client.close();
  }
}
