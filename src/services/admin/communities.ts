import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { noRowExists, rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { communities, regions, seasonCatchments } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { schoolLimits } from '../../domain/school-rules';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

/** A region's communities (社区/村) in order, each with how many season schools (of any season) serve it. */
export async function listCommunities(db: Db, regionId: string) {
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
  if (!region) throw new DomainError('REGION_NOT_FOUND', '找不到该区域');
  const rows = await db
    .select({
      id: communities.id,
      name: communities.name,
      sort: communities.sort,
      served: sql<number>`(SELECT count(*) FROM ${seasonCatchments} WHERE ${seasonCatchments.communityId} = ${communities.id})`,
    })
    .from(communities)
    .where(eq(communities.regionId, regionId))
    .orderBy(asc(communities.sort), asc(communities.name));
  return rows.map((r) => ({ ...r, served: Number(r.served) }));
}

/** A new community of a region, last in its order; a name the region already has answers COMMUNITY_EXISTS. */
export async function createCommunity(deps: Deps, admin: SignedInStaff, input: { regionId: string; name: string }, request: Request) {
  const { db } = deps;
  const name = input.name.trim();
  if (name === '' || name.length > schoolLimits.community) {
    const message = `社区名称须为1到${schoolLimits.community}个字`;
    throw new DomainError('INVALID_INPUT', message, { name: [message] });
  }
  const existing = await listCommunities(db, input.regionId);
  const now = deps.clock.now();
  const id = newId(deps.random);
  const sort = Math.max(-1, ...existing.map((c) => c.sort)) + 1;
  const [inserted] = await db.batch([
    insertWhen(
      db,
      communities,
      { id, regionId: input.regionId, name, sort },
      noRowExists(communities, and(eq(communities.regionId, input.regionId), eq(communities.name, name))),
    ),
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'community_create',
        detail: { regionId: input.regionId, communityId: id, before: null, after: { name } },
        ...request,
        at: now,
      },
      rowExists(communities, eq(communities.id, id)),
    ),
  ]);
  if (inserted.rowsAffected === 0) {
    const message = `本区域已有「${name}」`;
    throw new DomainError('COMMUNITY_EXISTS', message, { name: [message] });
  }
  return { id, name, sort };
}
