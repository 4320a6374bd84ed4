import { fieldLabels, formFields } from '../../domain/application-form';
import { channelLabel } from '../../domain/catalog';
import type { LoadedApplication } from './load';

/**
 * Where an application sits in the catalog, as parents and staff read it: entry, track, the channel with its group,
 * and the form's fields that follow from them.
 */
export function catalogPlace({
  application,
  entry,
  track,
  channel,
}: Pick<LoadedApplication, 'application' | 'entry' | 'track' | 'channel'>) {
  return {
    entry: { id: entry.id, code: entry.code, name: entry.name },
    track: track ? { id: track.id, name: track.name, level: track.level } : null,
    channel: channel
      ? {
          id: channel.id,
          code: channel.code,
          name: channel.name,
          label: channelLabel({ entry: entry.name, track: track?.name, channel: channel.name }),
          eligibility: channel.eligibility,
          documents: channel.documents,
        }
      : null,
    fields: channel
      ? formFields({ entry: entry.code, channel: channel.code }, application.form).map((f) => ({ field: f, label: fieldLabels[f] }))
      : [],
  };
}
