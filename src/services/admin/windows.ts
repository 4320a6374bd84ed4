import { and, asc, eq, inArray } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import type { Db } from '../../../db/client';
import { accounts, applications, entries, regions, seasons, windows } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { orRefuse } from '../../domain/application';
import { editableStatuses } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { windowState } from '../../domain/window';
import { decideWindowChange, extensionNotice } from '../../domain/window-change';
import { noticeStatements } from '../notice-statements';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

/** Every entry's window, region by region, with its version (what a change must name). */
export async function listWindows(db: Db, now: Date) {
  const rows = await db
    .select({ window: windows, entryName: entries.name, entryCode: entries.code, regionName: regions.name, seasonName: seasons.name })
    .from(windows)
    .innerJoin(entries, eq(entries.id, windows.entryId))
    .innerJoin(seasons, eq(seasons.id, entries.seasonId))
    .innerJoin(regions, eq(regions.id, seasons.regionId))
    .orderBy(asc(regions.name), asc(entries.sort));
  return rows.map((r) => ({
    id: r.window.id,
    version: r.window.version,
    region: r.regionName,
    season: r.seasonName,
    entry: r.entryName,
    entryCode: r.entryCode,
    opensAt: r.window.opensAt.toISOString(),
    closesAt: r.window.closesAt.toISOString(),
    correctionDays: r.window.correctionDays,
    reviewEndsAt: r.window.reviewEndsAt?.toISOString() ?? null,
    schoolReviewEndsAt: r.window.schoolReviewEndsAt?.toISOString() ?? null,
    state: windowState(r.window, now),
  }));
}

/**
 * Moves an entry's window (`decideWindowChange` says how far). Extended while open, every family with an unfinished
 * application in the entry (draft, withdrawn, rejected) gets a message and an SMS, written in the same batch as the
 * change and its audit entry (before and after), and only if the change is the one that won: of two administrators
 * changing the same version, the second is told to reload.
 */
export async function changeWindow(
  deps: Deps,
  admin: SignedInStaff,
  input: {
    windowId: string;
    version: number;
    opensAt: Date;
    closesAt: Date;
    correctionDays?: number;
    reviewEndsAt?: Date | null;
    schoolReviewEndsAt?: Date | null;
  },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [found] = await db
    .select({ window: windows, entryName: entries.name })
    .from(windows)
    .innerJoin(entries, eq(entries.id, windows.entryId))
    .where(eq(windows.id, input.windowId));
  if (!found) throw new DomainError('WINDOW_NOT_FOUND', '找不到该报名时间');
  const stale = () => new DomainError('WINDOW_CHANGED', '报名时间已被他人修改，请刷新后再试');
  if (found.window.version !== input.version) throw stale();
  const current = found.window;
  const proposed = {
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    correctionDays: input.correctionDays ?? current.correctionDays,
    reviewEndsAt: input.reviewEndsAt === undefined ? current.reviewEndsAt : input.reviewEndsAt,
    schoolReviewEndsAt: input.schoolReviewEndsAt === undefined ? current.schoolReviewEndsAt : input.schoolReviewEndsAt,
  };
  const change = orRefuse(decideWindowChange({ current, proposed, now }));
  const families = change.extended
    ? await db
        .selectDistinct({ accountId: accounts.id, phone: accounts.phone })
        .from(applications)
        .innerJoin(accounts, eq(accounts.id, applications.accountId))
        .where(and(eq(applications.entryId, found.window.entryId), inArray(applications.status, [...editableStatuses])))
    : [];
  const version = input.version + 1;
  const notice = extensionNotice(found.entryName, change.set);
  const done = await commitChange(db, deps.random, {
    table: windows,
    key: { column: windows.id, value: input.windowId },
    guard: { version: input.version },
    set: { ...change.set, version, updatedAt: now },
    nonce: windows.changeNonce,
    followUps: (won) => [
      auditStatement(
        db,
        {
          staffId: admin.staffId,
          username: admin.username,
          action: 'window_change',
          detail: {
            windowId: input.windowId,
            entry: found.entryName,
            before: change.before,
            after: change.after,
            notified: families.length,
          },
          ...request,
          at: now,
        },
        won,
      ),
      ...families.flatMap((f) =>
        noticeStatements(db, {
          accountId: f.accountId,
          phone: f.phone,
          key: `window:${input.windowId}:v${version}:${f.accountId}`,
          notice,
          now,
          won,
        }),
      ),
    ],
  });
  if (!done.won) throw stale();
  return { id: input.windowId, version, notified: families.length };
}
