import { and, asc, eq, ne, notInArray, sql } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import type { Db } from '../../../db/client';
import { noRowExists, rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { auditLog, regions } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import {
  cleanRegionFields,
  decideRegionCreate,
  decideRegionOrder,
  decideRegionUpdate,
  type RegionRefusal,
  regionChangedMessage,
  regionFieldsOf,
  regionOrderChangedMessage,
} from '../../domain/region-rules';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };
type FieldsInput = { name: string; contactPhone?: string | null; address?: string | null; sponsor?: string | null; icp?: string | null };

function refuse(refusal: RegionRefusal): never {
  throw new DomainError(refusal.code, refusal.message, refusal.field ? { [refusal.field]: [refusal.message] } : undefined);
}

const author = (admin: SignedInStaff, request: Request) => ({ staffId: admin.staffId, username: admin.username, ...request });

/** Every region in the parents' order, with what administrators edit and the version an edit is made on. */
export async function listRegionsForStaff(db: Db) {
  const rows = await db.select().from(regions).orderBy(asc(regions.sort), asc(regions.code));
  return rows.map((r) => ({ id: r.id, code: r.code, sort: r.sort, version: r.version, ...regionFieldsOf(r) }));
}

/** A new region, last in the order; refused when its code or name is taken (REGION_EXISTS). */
export async function createRegion(deps: Deps, admin: SignedInStaff, input: FieldsInput & { code: string }, request: Request) {
  const { db } = deps;
  const existing = await db.select({ code: regions.code, name: regions.name, sort: regions.sort }).from(regions);
  const fields = cleanRegionFields(input);
  const decision = decideRegionCreate({ code: input.code, fields }, existing);
  if (!decision.ok) refuse(decision);
  const now = deps.clock.now();
  const id = newId(deps.random);
  const sort = Math.max(-1, ...existing.map((r) => r.sort)) + 1;
  const row = { id, code: input.code, ...fields, sort, version: 0, updatedAt: now };
  // The database settles a race of two creations: the row is written only while no region has its code or name.
  const [inserted] = await db.batch([
    insertWhen(db, regions, row, noRowExists(regions, sql`(${regions.code} = ${input.code} OR ${regions.name} = ${fields.name})`)),
    auditStatement(
      db,
      {
        ...author(admin, request),
        action: 'region_create',
        detail: { regionId: id, before: null, after: { code: input.code, ...fields } },
        at: now,
      },
      rowExists(regions, eq(regions.id, id)),
    ),
  ]);
  if (inserted.rowsAffected === 0) throw new DomainError('REGION_EXISTS', '区域代码或名称已被使用，请刷新后再试');
  return { id, version: 0 };
}

/**
 * An edit made on the version the administrator saw, through the guarded commit: written only while the region still
 * has that version and no other region took the new name, with its audit entry (before and after) only where it won.
 * Of two edits made on the same version exactly one is written; the other answers REGION_CHANGED.
 */
export async function updateRegion(
  deps: Deps,
  admin: SignedInStaff,
  input: FieldsInput & { regionId: string; version: number },
  request: Request,
) {
  const { db } = deps;
  const all = await db.select().from(regions);
  const current = all.find((r) => r.id === input.regionId);
  if (!current) throw new DomainError('REGION_NOT_FOUND', '找不到该区域');
  const decision = decideRegionUpdate(current, { version: input.version, fields: cleanRegionFields(input) }, all);
  if (!decision.ok) refuse(decision);
  const now = deps.clock.now();
  const done = await commitChange(db, deps.random, {
    table: regions,
    key: { column: regions.id, value: current.id },
    guard: decision.guard,
    also: [noRowExists(regions, ne(regions.id, current.id), eq(regions.name, decision.after.name))],
    set: { ...decision.after, version: current.version + 1, updatedAt: now },
    nonce: regions.changeNonce,
    returning: { version: regions.version },
    followUps: (won) => [
      auditStatement(
        db,
        {
          ...author(admin, request),
          action: 'region_update',
          detail: { regionId: current.id, code: current.code, changed: decision.changed, before: decision.before, after: decision.after },
          at: now,
        },
        won,
      ),
    ],
  });
  if (!done.won) {
    const [latest] = await db.select({ version: regions.version }).from(regions).where(eq(regions.id, current.id));
    if (latest?.version !== current.version) throw new DomainError('REGION_CHANGED', regionChangedMessage);
    const taken = `已有名为「${decision.after.name}」的区域`;
    throw new DomainError('REGION_EXISTS', taken, { name: [taken] });
  }
  return { id: current.id, version: done.row.version };
}

/**
 * The parents' order of the regions: `ids` must name every region exactly once. One batch: the audit entry (the order
 * before and after) is written only while the regions are still exactly those, and the new places only where it was.
 */
export async function reorderRegions(deps: Deps, admin: SignedInStaff, input: { ids: string[] }, request: Request) {
  const { db } = deps;
  const before = (await db.select({ id: regions.id }).from(regions).orderBy(asc(regions.sort), asc(regions.code))).map((r) => r.id);
  const decision = decideRegionOrder(before, input.ids);
  if (!decision.ok) refuse(decision);
  const now = deps.clock.now();
  const auditId = newId(deps.random);
  const sameRegions = and(
    sql`(SELECT count(*) FROM ${regions}) = ${input.ids.length}`,
    noRowExists(regions, notInArray(regions.id, input.ids)),
  )!;
  const entryWritten = rowExists(auditLog, eq(auditLog.id, auditId));
  const [entry] = await db.batch([
    auditStatement(
      db,
      { ...author(admin, request), id: auditId, action: 'region_reorder', detail: { before, after: input.ids }, at: now },
      sameRegions,
    ),
    ...input.ids.map((id, sort) =>
      db
        .update(regions)
        .set({ sort, updatedAt: now })
        .where(and(eq(regions.id, id), entryWritten)),
    ),
  ]);
  if (entry.rowsAffected === 0) throw new DomainError('REGION_CHANGED', regionOrderChangedMessage);
  return { ids: input.ids };
}
