import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { zhRegions } from '../i18n/zh-CN-staff-regions';
import { useWrite } from '../lib/write';
import { AdminPage, StaffTable } from './admin-page';
import { emptyRegion, RegionForm, type RegionFormValues } from './region-form';
import { createRegion, getStaffRegions, reorderRegions, type StaffRegion, updateRegion } from './regions-data';

const formValues = (r: StaffRegion): RegionFormValues => ({
  code: r.code,
  name: r.name,
  contactPhone: r.contactPhone ?? '',
  address: r.address ?? '',
  sponsor: r.sponsor ?? '',
  icp: r.icp ?? '',
});

/** `/staff/admin/regions` (admin): the towns of the county in the parents' order; new, edit, move up and down. */
export function RegionsPage() {
  const list = createAsync(() => getStaffRegions());
  const [notice, setNotice] = createSignal<string>();
  const [editing, setEditing] = createSignal<string>();
  const moving = useWrite(reorderRegions);

  const move = async (index: number, by: -1 | 1) => {
    const ids = (list() ?? []).map((r) => r.id);
    const other = index + by;
    if (other < 0 || other >= ids.length) return;
    [ids[index], ids[other]] = [ids[other]!, ids[index]!];
    setNotice(undefined);
    if ((await moving.run(ids))?.ok) setNotice(zhRegions.moved);
  };

  return (
    <AdminPage title={zhRegions.title} notice={notice()}>
      <section class="staff-panel" aria-labelledby="regions-list">
        <h2 id="regions-list" class="staff-section-title">
          {zhRegions.list}
        </h2>
        <p class="staff-muted">{zhRegions.hint}</p>
        <Show when={moving.problem()}>
          {(p) => (
            <p class="staff-field-error" role="alert">
              {p().message}
            </p>
          )}
        </Show>
        <StaffTable
          columns={[
            zhRegions.columns.order,
            zhRegions.columns.code,
            zhRegions.columns.name,
            zhRegions.columns.phone,
            zhRegions.columns.address,
            zhRegions.columns.actions,
          ]}
        >
          <For each={list() ?? []} fallback={<EmptyRow />}>
            {(r, i) => (
              <tr>
                <td class="staff-mono">{i() + 1}</td>
                <td class="staff-mono">{r.code}</td>
                <td>{r.name}</td>
                <td class="staff-nowrap">{r.contactPhone ?? '—'}</td>
                <td>{r.address ?? '—'}</td>
                <td>
                  <div class="staff-row-actions">
                    <button
                      type="button"
                      class="staff-button staff-button-small"
                      aria-label={`${zhRegions.up} ${r.name}`}
                      disabled={i() === 0 || moving.pending()}
                      onClick={() => void move(i(), -1)}
                    >
                      {zhRegions.up}
                    </button>
                    <button
                      type="button"
                      class="staff-button staff-button-small"
                      aria-label={`${zhRegions.down} ${r.name}`}
                      disabled={i() === (list()?.length ?? 0) - 1 || moving.pending()}
                      onClick={() => void move(i(), 1)}
                    >
                      {zhRegions.down}
                    </button>
                    <button
                      type="button"
                      class="staff-button staff-button-small"
                      aria-label={`${zhRegions.edit} ${r.name}`}
                      aria-expanded={editing() === r.id}
                      onClick={() => {
                        setNotice(undefined);
                        setEditing(editing() === r.id ? undefined : r.id);
                      }}
                    >
                      {zhRegions.edit}
                    </button>
                  </div>
                </td>
              </tr>
            )}
          </For>
        </StaffTable>
      </section>
      <Show when={list()?.find((r) => r.id === editing())} keyed>
        {(region) => (
          <EditRegion
            region={region}
            onSaved={(name) => {
              setEditing(undefined);
              setNotice(zhRegions.saved(name));
            }}
            onCancel={() => setEditing(undefined)}
          />
        )}
      </Show>
      <CreateRegion onCreated={(name) => setNotice(zhRegions.created(name))} />
    </AdminPage>
  );
}

function EmptyRow() {
  return (
    <tr>
      <td colSpan={6} class="staff-muted">
        {zhRegions.none}
      </td>
    </tr>
  );
}

/**
 * Edits one region on the version shown. When someone else changed it first, the save is refused with the server's
 * message and 重新载入 reads the list again, which opens the form afresh on the new version.
 */
function EditRegion(props: { region: StaffRegion; onSaved: (name: string) => void; onCancel: () => void }) {
  const saving = useWrite(updateRegion);
  const stale = () => saving.problem()?.domainCode === 'REGION_CHANGED';
  const save = async (values: RegionFormValues) => {
    const { code: _code, ...fields } = values;
    const saved = await saving.run({ regionId: props.region.id, version: props.region.version, ...fields });
    if (saved?.ok) props.onSaved(fields.name.trim());
  };
  return (
    <section class="staff-panel" aria-labelledby="region-edit-title">
      <h2 id="region-edit-title" class="staff-section-title">
        {zhRegions.editing(props.region.name)}
      </h2>
      <RegionForm
        idPrefix="edit-region"
        initial={formValues(props.region)}
        withCode={false}
        pending={saving.pending()}
        problem={saving.problem()}
        submitLabel={zhRegions.save}
        onSubmit={(v) => void save(v)}
        onCancel={props.onCancel}
        extra={
          <Show when={stale()}>
            <button type="button" class="staff-button staff-button-small" onClick={() => void revalidate(getStaffRegions.key)}>
              {zhRegions.reload}
            </button>
          </Show>
        }
      />
    </section>
  );
}

function CreateRegion(props: { onCreated: (name: string) => void }) {
  const creating = useWrite(createRegion);
  const [round, setRound] = createSignal(0);
  const create = async (values: RegionFormValues) => {
    const created = await creating.run({ ...values, code: values.code.trim() });
    if (!created?.ok) return;
    props.onCreated(values.name.trim());
    setRound(round() + 1);
  };
  return (
    <section class="staff-panel" aria-labelledby="region-create-title">
      <h2 id="region-create-title" class="staff-section-title">
        {zhRegions.create}
      </h2>
      <Show when={round() + 1} keyed>
        <RegionForm
          idPrefix="new-region"
          initial={emptyRegion}
          withCode
          pending={creating.pending()}
          problem={creating.problem()}
          submitLabel={zhRegions.create}
          onSubmit={(v) => void create(v)}
        />
      </Show>
    </section>
  );
}
