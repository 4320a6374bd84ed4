import { query, revalidate } from '@solidjs/router';
import { api, type RouterInputs, type RouterOutputs } from '../lib/trpc';
import { write } from '../lib/write';

export type SeasonChannels = RouterOutputs['admin']['channels']['list'];
export type Track = SeasonChannels['entries'][number]['tracks'][number];
export type ListedChannel = Track['channels'][number];
export type ChannelSettings = Pick<ListedChannel, 'name' | 'definition' | 'eligibility' | 'documents' | 'enabled'>;

export const getSeasonChannels = query((seasonId: string) => api.admin.channels.list.query({ seasonId }), 'staff.seasonChannels');

const reread = () => revalidate(getSeasonChannels.key);

/** What an update sends for a listed channel, with `settings` on top. */
export const updateOf = (channel: ListedChannel, settings: Partial<ChannelSettings> = {}): RouterInputs['admin']['channels']['update'] => ({
  channelId: channel.id,
  version: channel.version,
  name: channel.name,
  definition: channel.definition,
  eligibility: channel.eligibility,
  documents: channel.documents,
  enabled: channel.enabled,
  ...settings,
});

export const updateChannel = write('staff.updateChannel', async (input: RouterInputs['admin']['channels']['update']) => {
  const done = await api.admin.channels.update.mutate(input);
  await reread();
  return done;
});
export const createChannel = write('staff.createChannel', async (input: RouterInputs['admin']['channels']['create']) => {
  const done = await api.admin.channels.create.mutate(input);
  await reread();
  return done;
});
export const reorderChannels = write('staff.reorderChannels', async (input: RouterInputs['admin']['channels']['reorder']) => {
  const done = await api.admin.channels.reorder.mutate(input);
  await reread();
  return done;
});
export const removeChannel = write('staff.removeChannel', async (input: RouterInputs['admin']['channels']['remove']) => {
  const done = await api.admin.channels.remove.mutate(input);
  await reread();
  return done;
});
export const rereadChannels = reread;
