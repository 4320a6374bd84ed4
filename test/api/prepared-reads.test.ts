import { DrizzleQueryError, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, type Db } from '../../db/client';
import { preparedStatement, sendBatch } from '../../db/prepared';
import { smsCodes } from '../../db/schema';
import { freshDatabase } from '../helpers/db';
import { tempDir } from '../helpers/temp';

const now = new Date('2024-07-20T10:00:00+08:00');
let first: Awaited<ReturnType<typeof freshDatabase>>;
let second: Awaited<ReturnType<typeof freshDatabase>>;

const codeRead = preparedStatement(['id'], (db, p) =>
  db.select({ id: smsCodes.id, phone: smsCodes.phone, expiresAt: smsCodes.expiresAt }).from(smsCodes).where(eq(smsCodes.id, p.id)),
);
const codesOfPhone = preparedStatement(['phone'], (db, p) =>
  db.select({ id: smsCodes.id }).from(smsCodes).where(eq(smsCodes.phone, p.phone)).orderBy(smsCodes.id),
);

async function aCode(db: Db, id: string, phone: string) {
  await db
    .insert(smsCodes)
    .values({ id, phone, purpose: 'sign_in', codeHash: 'h', createdAt: now, expiresAt: new Date(now.getTime() + 300_000) });
}

beforeAll(async () => {
  first = await freshDatabase('prepared-first');
  second = await freshDatabase('prepared-second');
  await aCode(first.db, 'code-a', '13800000001');
  await aCode(second.db, 'code-b', '13800000002');
  await aCode(second.db, 'code-c', '13800000002');
});
afterAll(() => {
  first.close();
  second.close();
});

describe('a prepared read', () => {
  it('answers as the same query built on each call does, on whichever database it is run', async () => {
    const built = (db: Db, id: string) =>
      db.select({ id: smsCodes.id, phone: smsCodes.phone, expiresAt: smsCodes.expiresAt }).from(smsCodes).where(eq(smsCodes.id, id));
    expect(await codeRead.run(first.db, { id: 'code-a' })).toEqual(await built(first.db, 'code-a'));
    const [fromSecond] = await codeRead.run(second.db, { id: 'code-b' });
    expect(fromSecond).toEqual({ id: 'code-b', phone: '13800000002', expiresAt: new Date(now.getTime() + 300_000) });
    expect(await codeRead.run(first.db, { id: 'code-b' })).toEqual([]);
  });

  it('reads a batch in one round trip, each answer in its place', async () => {
    const batch = vi.spyOn(second.db.$client, 'batch');
    const execute = vi.spyOn(second.db.$client, 'execute');
    const [[b], codes, none] = await sendBatch(second.db, [
      codeRead.with({ id: 'code-b' }),
      codesOfPhone.with({ phone: '13800000002' }),
      codeRead.with({ id: 'code-a' }),
    ]);
    expect(batch).toHaveBeenCalledTimes(1);
    expect(execute).not.toHaveBeenCalled();
    expect(b?.id).toBe('code-b');
    expect(codes).toEqual([{ id: 'code-b' }, { id: 'code-c' }]);
    expect(none).toEqual([]);
    vi.restoreAllMocks();
  });

  it('fails as drizzle reports a failed query, with the database’s error as its cause', async () => {
    const dir = tempDir('prepared-empty');
    const empty = await createDb(`file:${dir.path}/empty.db`);
    try {
      const failure = await codeRead.run(empty, { id: 'code-a' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DrizzleQueryError);
      expect(String((failure as DrizzleQueryError).cause)).toMatch(/no such table: sms_codes/);
    } finally {
      empty.$client.close();
      dir.remove();
    }
  });
});
