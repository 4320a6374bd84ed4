import { Index } from 'solid-js';
import { zhChannels } from '../i18n/zh-CN-staff-channels';
import type { ChannelSettings } from './channels-data';
import { StaffField } from './staff-field';

type Document = ChannelSettings['documents'][number];
const t = zhChannels.document;

/** A channel's documents as the administrator edits them: each with its key, name, note, group, condition, sides; add, remove, reorder. */
export function DocumentEditor(props: { documents: Document[]; onChange: (documents: Document[]) => void; error?: string }) {
  const set = (i: number, patch: Partial<Document>) => props.onChange(props.documents.map((d, at) => (at === i ? { ...d, ...patch } : d)));
  const move = (i: number, by: -1 | 1) => {
    const list = [...props.documents];
    const [moved] = list.splice(i, 1);
    list.splice(i + by, 0, moved!);
    props.onChange(list);
  };
  return (
    <fieldset class="channels-documents">
      <legend>{zhChannels.documents}</legend>
      <p class="staff-muted">{zhChannels.documentsHint}</p>
      <Index each={props.documents}>
        {(document, i) => {
          const id = (field: string) => `channel-doc-${i}-${field}`;
          return (
            <fieldset class="channels-document">
              <legend>{t.label(i)}</legend>
              <div class="channels-document-fields">
                <StaffField id={id('kind')} label={t.kind}>
                  <input
                    id={id('kind')}
                    class="staff-input"
                    value={document().kind}
                    onInput={(e) => set(i, { kind: e.currentTarget.value })}
                  />
                </StaffField>
                <StaffField id={id('name')} label={t.name}>
                  <input
                    id={id('name')}
                    class="staff-input"
                    value={document().name}
                    onInput={(e) => set(i, { name: e.currentTarget.value })}
                  />
                </StaffField>
                <StaffField id={id('note')} label={t.note}>
                  <input
                    id={id('note')}
                    class="staff-input"
                    value={document().note ?? ''}
                    onInput={(e) => set(i, { note: e.currentTarget.value || undefined })}
                  />
                </StaffField>
                <StaffField id={id('group')} label={t.alternativeGroup}>
                  <input
                    id={id('group')}
                    class="staff-input"
                    value={document().alternativeGroup ?? ''}
                    onInput={(e) => set(i, { alternativeGroup: e.currentTarget.value || undefined })}
                  />
                </StaffField>
              </div>
              <label class="staff-check">
                <input
                  type="checkbox"
                  checked={document().condition === 'hukou_lacks_relation'}
                  onChange={(e) => set(i, { condition: e.currentTarget.checked ? 'hukou_lacks_relation' : undefined })}
                />
                {t.condition}
              </label>
              <label class="staff-check">
                <input
                  type="checkbox"
                  checked={document().twoSided === true}
                  onChange={(e) => set(i, { twoSided: e.currentTarget.checked || undefined })}
                />
                {t.twoSided}
              </label>
              <span class="channels-document-actions">
                <button type="button" class="staff-button staff-button-small" disabled={i === 0} onClick={() => move(i, -1)}>
                  {zhChannels.up}
                </button>
                <button
                  type="button"
                  class="staff-button staff-button-small"
                  disabled={i === props.documents.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {zhChannels.down}
                </button>
                <button
                  type="button"
                  class="staff-button staff-button-small"
                  onClick={() => props.onChange(props.documents.filter((_, at) => at !== i))}
                >
                  {t.remove}
                </button>
              </span>
            </fieldset>
          );
        }}
      </Index>
      <p class="staff-field-error" role={props.error ? 'alert' : undefined} hidden={!props.error}>
        {props.error}
      </p>
      <button type="button" class="staff-button" onClick={() => props.onChange([...props.documents, { kind: '', name: '' }])}>
        {t.add}
      </button>
    </fieldset>
  );
}
