import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { signInParent } from '../helpers/parents';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let county: EnrollmentClient;
let admin: EnrollmentClient;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  [county, admin] = await Promise.all([signInStaff(t, 'county'), signInStaff(t, 'admin')]);
});
afterAll(() => t?.close());

/** Every row of every table, as text, with the tables whose rows contain `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = await t.host.deps.db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = await t.host.deps.db.all(sql.raw(`SELECT * FROM "${name}"`));
    if (JSON.stringify(rows).includes(needle)) found.push(name);
  }
  return found.sort();
}

describe("ID numbers typed into a reviewer's free text", () => {
  it('are masked in the application, its history, the message, the SMS and the audit log after a rejection', async () => {
    const parent = await signInParent(t, '13955550001');
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180301', '611');
    await parent.applications.submit.mutate({ applicationId, version });

    const typed = '父亲身份证 430922 19790101 771X 与户口簿不符；母亲４３０６８１１９８００２０２１２４２须补交';
    await county.review.reject.mutate({ applicationId, reason: typed });
    await expect.poll(async () => (await tablesContaining('户口簿不符')).includes('outbox')).toBe(true);

    // Positive control: the reason reached all five places, so its absence below is the masking, not a missing row.
    expect(await tablesContaining('须补交')).toEqual(
      expect.arrayContaining(['application_history', 'applications', 'audit_log', 'messages', 'outbox']),
    );
    expect(await tablesContaining('430922********771X')).toEqual(
      expect.arrayContaining(['application_history', 'applications', 'audit_log', 'messages', 'outbox']),
    );
    for (const needle of ['19790101', '4309221979', '430922 19790101', '１９８００２０２', '19800202', '4306811980']) {
      expect(await tablesContaining(needle), needle).toEqual([]);
    }
    const progress = await parent.applications.progress.query({ applicationId });
    expect(progress.rejectReason).toBe('父亲身份证 430922********771X 与户口簿不符；母亲430681********1242须补交');
  });

  it('are masked in a staff name, a search kept in the audit log and a mistyped sign-in name', async () => {
    await admin.admin.createStaff.mutate({
      username: 'reviewer-two',
      displayName: '王老师 430922197901017718',
      role: 'county_reviewer',
      password: 'a-long-enough-password-2024',
    });
    await county.review.export.mutate({ q: '430922197901017718' });
    await t.client.review.signIn.mutate({ username: '430922197901017718', password: 'wrong' }).catch(() => null);
    expect(await tablesContaining('430922********7718')).toEqual(expect.arrayContaining(['audit_log', 'staff']));
    expect(await tablesContaining('19790101')).toEqual([]);
  });
});
