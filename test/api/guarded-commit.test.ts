import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commitChange } from '../../db/change';
import type { Db } from '../../db/client';
import { rowExists } from '../../db/exists';
import { preparedInsertWhen } from '../../db/insert-when';
import { integrationKeys, outbox, smsCodes } from '../../db/schema';
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

describe('the guarded commit, prepared', () => {
  const later = new Date(now.getTime() + 600_000);
  /** A change with a guard of every kind; `built` adds an extra condition that always holds, so drizzle builds it. */
  const expire = (db: Db, id: string, built: boolean) =>
    commitChange(db, webCryptoRandom, {
      table: smsCodes,
      key: { column: smsCodes.id, value: id },
      guard: {
        consumedBy: null,
        attempts: { below: 5 },
        purpose: { in: ['sign_in', 'change_phone'] },
        expiresAt: new Date(now.getTime() + 300_000),
      },
      also: built ? [sql`1`] : undefined,
      set: { attempts: 3, expiresAt: later },
      nonce: smsCodes.consumedBy,
      returning: { attempts: smsCodes.attempts, expiresAt: smsCodes.expiresAt },
      followUps: (_won, won) => [
        preparedInsertWhen(
          outbox,
          { id: `row:${id}`, idempotencyKey: `expired:${id}`, phone: '1', body: id, nextAttemptAt: later, createdAt: now },
          won,
        ),
      ],
    });
  const stateOf = async (id: string) => {
    const [code] = await database.db
      .select({ attempts: smsCodes.attempts, expiresAt: smsCodes.expiresAt })
      .from(smsCodes)
      .where(eq(smsCodes.id, id));
    const rows = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `expired:${id}`));
    return { code, rows: rows.map(({ id: _id, body: _body, idempotencyKey: _key, ...row }) => row) };
  };

  it('writes what drizzle building the same change writes: guards of every kind, values through their columns’ encoders, defaults', async () => {
    await aCode('prepared-a');
    await aCode('built-a');
    const prepared = await expire(database.db, 'prepared-a', false);
    const built = await expire(database.db, 'built-a', true);
    expect(prepared).toEqual({ won: true, row: { attempts: 3, expiresAt: later }, results: [expect.anything()] });
    expect(built).toEqual({ won: true, row: { attempts: 3, expiresAt: later }, results: [expect.anything()] });
    const written = await stateOf('prepared-a');
    expect(written).toEqual(await stateOf('built-a'));
    expect(written.rows).toEqual([
      {
        phone: '1',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: later,
        claimedBy: null,
        claimExpiresAt: null,
        lastError: null,
        createdAt: now,
        sentAt: null,
      },
    ]);
  });

  it('writes null, JSON and instants as the built change does', async () => {
    const keyNamed = (name: string) => ({
      id: name,
      name,
      scopes: ['catalog.read' as const],
      secretHash: 'h',
      expiresAt: later,
      createdBy: 'admin',
      createdAt: now,
      updatedAt: now,
    });
    const revoke = (id: string, built: boolean) =>
      commitChange(database.db, webCryptoRandom, {
        table: integrationKeys,
        key: { column: integrationKeys.id, value: id },
        guard: { version: 0, revokedAt: null },
        also: built ? [sql`1`] : undefined,
        set: { expiresAt: null, revokedAt: later, scopes: [], version: 1, updatedAt: later },
        nonce: integrationKeys.changeNonce,
      });
    const stateOf = async (id: string) => {
      const [{ id: _id, name: _name, changeNonce, ...key }] = (await database.db
        .select()
        .from(integrationKeys)
        .where(eq(integrationKeys.id, id))) as [typeof integrationKeys.$inferSelect];
      return { ...key, changeNonce: changeNonce?.length };
    };
    await database.db.insert(integrationKeys).values([keyNamed('key-prepared'), keyNamed('key-built')]);
    expect((await revoke('key-prepared', false)).won).toBe(true);
    expect((await revoke('key-built', true)).won).toBe(true);
    const revoked = await stateOf('key-prepared');
    expect(revoked).toEqual(await stateOf('key-built'));
    expect(revoked).toMatchObject({ expiresAt: null, revokedAt: later, scopes: [], version: 1, updatedAt: later });
  });

  it('loses, writing nothing, where a guard no longer holds, as the built change does', async () => {
    for (const id of ['prepared-b', 'built-b']) {
      await aCode(id);
      await database.db.update(smsCodes).set({ attempts: 5 }).where(eq(smsCodes.id, id));
      expect((await expire(database.db, id, id.startsWith('built'))).won).toBe(false);
      expect(await stateOf(id)).toEqual({ code: { attempts: 5, expiresAt: new Date(now.getTime() + 300_000) }, rows: [] });
    }
  });

  it('is built once per shape: a second change of the same shape only binds its values', async () => {
    await aCode('prepared-c');
    await aCode('prepared-d');
    await expire(database.db, 'prepared-c', false);
    const update = vi.spyOn(database.db, 'update');
    const insert = vi.spyOn(database.db, 'insert');
    expect((await expire(database.db, 'prepared-d', false)).won).toBe(true);
    expect(update).not.toHaveBeenCalled();
    expect(insert).not.toHaveBeenCalled();
    update.mockRestore();
    insert.mockRestore();
    expect((await stateOf('prepared-d')).rows).toHaveLength(1);
  });

  it('keeps or updates the row already there on a conflict, as it is told', async () => {
    await aCode('conflict');
    const row = (body: string) => ({
      id: `conflict:${body}`,
      idempotencyKey: 'conflict',
      phone: '1',
      body,
      nextAttemptAt: now,
      createdAt: now,
    });
    const bodies = async () =>
      (await database.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.idempotencyKey, 'conflict'))).map((r) => r.body);
    const write = (body: string, update?: string[]) =>
      commitChange(database.db, webCryptoRandom, {
        table: smsCodes,
        key: { column: smsCodes.id, value: 'conflict' },
        guard: {},
        set: { attempts: 1 },
        nonce: smsCodes.consumedBy,
        followUps: (_won, won) => [preparedInsertWhen(outbox, row(body), won, { target: outbox.idempotencyKey, update })],
      });
    await write('first');
    await write('second');
    expect(await bodies()).toEqual(['first']);
    await write('third', ['body']);
    expect(await bodies()).toEqual(['third']);
  });

  it('writes many rows in one statement, only where the change won, and refuses rows that give different columns', async () => {
    await aCode('many');
    const rows = (tag: string) =>
      ['a', 'b', 'c'].map((x) => ({
        id: `${tag}:${x}`,
        idempotencyKey: `${tag}:${x}`,
        phone: '1',
        body: x,
        nextAttemptAt: now,
        createdAt: now,
      }));
    const write = (tag: string) =>
      commitChange(database.db, webCryptoRandom, {
        table: smsCodes,
        key: { column: smsCodes.id, value: 'many' },
        guard: { attempts: 0 },
        set: { attempts: 1 },
        nonce: smsCodes.consumedBy,
        followUps: (_won, won) => [preparedInsertWhen(outbox, rows(tag), won)],
      });
    const batch = vi.spyOn(database.db.$client, 'batch');
    expect((await write('many-won')).won).toBe(true);
    expect(batch.mock.calls[0]![0]).toHaveLength(2);
    batch.mockRestore();
    expect((await write('many-lost')).won).toBe(false);
    const written = await database.db.select({ key: outbox.idempotencyKey }).from(outbox).where(like(outbox.idempotencyKey, 'many-%'));
    expect(written.map((r) => r.key).sort()).toEqual(['many-won:a', 'many-won:b', 'many-won:c']);
    const won = { id: 'x', sql: sql<boolean>`1`, values: {} };
    expect(() => preparedInsertWhen(outbox, [rows('odd')[0]!, { ...rows('odd')[1]!, lastError: 'e' }], won)).toThrow(
      /same columns: lastError/,
    );
  });
});
