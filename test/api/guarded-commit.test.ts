import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitChange } from '../../db/change';
import type { Db } from '../../db/client';
import { rowExists } from '../../db/exists';
import { outbox, smsCodes } from '../../db/schema';
import { webCryptoRandom } from '../../src/adapters/random';
import { smsNotice } from '../../src/services/outbox';
import { freshDatabase } from '../helpers/db';

const now = new Date('2024-07-20T10:00:00+08:00');
let database: Awaited<ReturnType<typeof freshDatabase>>;
let clients: Db[];

async function aCode(id: string) {
  await database.db.insert(smsCodes).values({
    id,
    phone: '13800000000',
    purpose: 'sign_in',
    codeHash: 'h',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 300_000),
  });
}

/** Uses the code `id` through the guarded commit, with one SMS row written only where the use was this one's. */
const useCode = (db: Db, id: string, key: string) =>
  commitChange(db, webCryptoRandom, {
    table: smsCodes,
    key: { column: smsCodes.id, value: id },
    guard: { consumedBy: null, attempts: { below: 5 } },
    set: { attempts: 1 },
    nonce: smsCodes.consumedBy,
    returning: { attempts: smsCodes.attempts },
    followUps: (won) => [smsNotice(db, { idempotencyKey: key, phone: '13800000000', body: key, now, onlyIf: won })],
  });

beforeAll(async () => {
  database = await freshDatabase('guarded-commit');
  clients = [database.db, await database.open(), await database.open(), await database.open()];
});
afterAll(() => database.close());

describe('the guarded commit', () => {
  it('lets exactly one of twenty changes racing from four clients win, and writes only the winner’s follow-up rows', async () => {
    await aCode('race-code');
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => useCode(clients[i % 4]!, 'race-code', `race:${i}`)));
    const winners = outcomes.flatMap((o, i) => (o.won ? [i] : []));
    expect(winners).toHaveLength(1);
    const written = await database.db.select({ key: outbox.idempotencyKey }).from(outbox).where(like(outbox.idempotencyKey, 'race:%'));
    expect(written).toEqual([{ key: `race:${winners[0]}` }]);
    const [code] = await database.db.select().from(smsCodes).where(eq(smsCodes.id, 'race-code'));
    expect(code?.consumedBy).toMatch(/^[a-z2-7]{20}$/);
  });

  it('reports the row’s returned columns when it wins, and lost (writing nothing) once the guard no longer holds', async () => {
    await aCode('once');
    const first = await useCode(database.db, 'once', 'once:1');
    expect(first).toMatchObject({ won: true, row: { attempts: 1 } });
    expect(await useCode(database.db, 'once', 'once:2')).toMatchObject({ won: false });
    expect(await database.db.select({ key: outbox.idempotencyKey }).from(outbox).where(like(outbox.idempotencyKey, 'once:%'))).toEqual([
      { key: 'once:1' },
    ]);
  });

  it('carries the nonce inside a JSON column for a table without a nonce column of its own', async () => {
    await database.db
      .insert(outbox)
      .values({ id: 'json-row', idempotencyKey: 'json-row', phone: '1', body: '{}', nextAttemptAt: now, createdAt: now });
    const done = await commitChange(database.db, webCryptoRandom, {
      table: outbox,
      key: { column: outbox.id, value: 'json-row' },
      guard: { status: 'pending' },
      set: { status: 'dead' },
      nonce: { json: outbox.body, path: '$.nonce' },
      followUps: (won) => [smsNotice(database.db, { idempotencyKey: 'json-follow', phone: '1', body: 'x', now, onlyIf: won })],
    });
    expect(done.won).toBe(true);
    expect(
      await database.db
        .select({ id: outbox.id })
        .from(outbox)
        .where(rowExists(outbox, eq(outbox.idempotencyKey, 'json-follow')))
        .limit(1),
    ).toHaveLength(1);
  });
});
