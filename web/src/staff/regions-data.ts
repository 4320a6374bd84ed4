import { query, revalidate } from '@solidjs/router';
import { api, type RouterInputs, type RouterOutputs } from '../lib/trpc';
import { write } from '../lib/write';

export type StaffRegion = RouterOutputs['admin']['regions']['list'][number];

/** Every region in the parents' order, with the version an edit is made on. */
export const getStaffRegions = query(() => api.admin.regions.list.query(), 'staff.regions');

/** Creates a region, then reads the list again. */
export const createRegion = write('staff.regions.create', async (input: RouterInputs['admin']['regions']['create']) => {
  const created = await api.admin.regions.create.mutate(input);
  await revalidate(getStaffRegions.key);
  return created;
});

/** Saves an edit made on the version shown, then reads the list again. */
export const updateRegion = write('staff.regions.update', async (input: RouterInputs['admin']['regions']['update']) => {
  const saved = await api.admin.regions.update.mutate(input);
  await revalidate(getStaffRegions.key);
  return saved;
});

/** Saves the full new order, then reads the list again (also after a refusal: the order shown was stale). */
export const reorderRegions = write('staff.regions.reorder', async (ids: string[]) => {
  try {
    return await api.admin.regions.reorder.mutate({ ids });
  } finally {
    await revalidate(getStaffRegions.key);
  }
});
