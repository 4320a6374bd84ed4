import { channelLabel } from '../../../src/domain/catalog';
import { createAsync, query, revalidate } from '@solidjs/router';
import { isTRPCClientError } from '@trpc/client';
import { api, type RouterInputs, type RouterOutputs } from '../lib/trpc';

// The staff pages' reads. The staff session is an HttpOnly cookie (`enroll_staff`) the page never sees.

export const codeOf = (error: unknown) => (isTRPCClientError(error) ? (error.data as { code?: string } | undefined)?.code : undefined);

/** The signed-in staff member, or null when nobody is (or the session has expired). */
export const getStaffMe = query(async () => {
  try {
    return await api.review.me.query();
  } catch (error) {
    if (codeOf(error) === 'UNAUTHORIZED') return null;
    throw error;
  }
}, 'staff.me');

/** The signed-in member, for pages inside the desk (the desk renders them only once it is known). */
export function useStaffMe() {
  const me = createAsync(() => getStaffMe());
  return () => me() ?? undefined;
}

export const getStats = query(() => api.review.stats.query(), 'staff.stats');
export const getQueue = query((input: QueueInput) => api.review.queue.query(input), 'staff.queue');
export const getDetail = query((applicationId: string) => api.review.get.query({ applicationId }), 'staff.detail');
export const getAudit = query((input: AuditInput) => api.review.audit.query(input), 'staff.audit');
export const getStaffList = query(() => api.admin.staff.query(), 'staff.accounts');
export const getSeasonPages = query(() => api.admin.pages.query(), 'staff.pages');
export const getAppeals = query((status: 'open' | 'settled') => api.review.bindingAppeals.query({ status }), 'staff.appeals');

/** Entries with their channels, and every school, for the filters and the names in the counts. */
export interface StaffCatalog {
  entries: { id: string; name: string; channels: { id: string; name: string; trackName: string }[] }[];
  schools: { id: string; name: string; level: string }[];
}
export const getStaffCatalog = query(async (): Promise<StaffCatalog> => {
  const regions = await api.catalog.regions.query();
  const entries: StaffCatalog['entries'] = [];
  const schools: StaffCatalog['schools'] = [];
  await Promise.all(
    regions.map(async ({ id }) => {
      const [region, regionSchools] = await Promise.all([
        api.catalog.region.query({ regionId: id }),
        api.catalog.schools.query({ regionId: id }),
      ]);
      schools.push(...regionSchools.map((s) => ({ id: s.id, name: s.name, level: s.level })));
      for (const entry of region.entries) {
        const channels = await api.catalog.channels.query({ entryId: entry.id });
        entries.push({
          id: entry.id,
          name: entry.name,
          channels: channels.tracks.flatMap((t) =>
            t.channels.map((c) => ({
              id: c.id,
              name: channelLabel({ entry: entry.name, track: t.name, channel: c.name }),
              trackName: t.name,
            })),
          ),
        });
      }
    }),
  );
  return { entries, schools };
}, 'staff.catalog');

/** After a decision: the queue, the counts and the application itself are read afresh. */
export const refreshReview = () => revalidate([getQueue.key, getStats.key, getDetail.key]);

export type StaffMe = NonNullable<Awaited<ReturnType<typeof getStaffMe>>>;
export type QueueInput = Extract<RouterInputs['review']['queue'], object>;
export type QueueRow = RouterOutputs['review']['queue']['rows'][number];
export type Detail = RouterOutputs['review']['get'];
export type AuditInput = Extract<RouterInputs['review']['audit'], object>;
export type AuditRow = RouterOutputs['review']['audit'][number];
export type StaffAccount = RouterOutputs['admin']['staff'][number];

/** Open alarms (administrators only), e.g. the hourly SMS budget used up. */
export const getAlerts = query(() => api.admin.alerts.query(), 'staff.alerts');
export const getDeadLetters = query(() => api.admin.deadLetters.query(), 'staff.deadLetters');
