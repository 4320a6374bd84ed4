import { createAsync, query, revalidate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { Level } from '../../../src/domain/catalog';
import { type PlaceColumn, placesCell, type RowError } from '../../../src/domain/school-import';
import { zhSchools as t } from '../i18n/zh-CN-staff-schools';
import { api, type RouterInputs, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { getAdminSeasons } from './seasons-data';
import { AdminPage, StaffTable } from './admin-page';
import { downloadTemplate, importSchoolFiles } from './school-import';
import { StaffField } from './staff-field';

type Listed = RouterOutputs['admin']['schools']['list'];
type School = Listed['schools'][number];

const getSchools = query((seasonId: string) => api.admin.schools.list.query({ seasonId }), 'staff.seasonSchools');
const refresh = () => revalidate([getSchools.key, getAdminSeasons.key]);

const updateSchool = write('staff.updateSchool', async (input: RouterInputs['admin']['schools']['update']) => {
  const done = await api.admin.schools.update.mutate(input);
  await refresh();
  return done;
});
const createSchool = write('staff.createSchool', async (input: RouterInputs['admin']['schools']['create']) => {
  const done = await api.admin.schools.create.mutate(input);
  await refresh();
  return done;
});
const removeSchool = write('staff.removeSchool', async (input: RouterInputs['admin']['schools']['remove']) => {
  const done = await api.admin.schools.remove.mutate(input);
  await refresh();
  return done;
});
const createCommunity = write('staff.createCommunity', async (input: RouterInputs['admin']['communities']['create']) => {
  const done = await api.admin.communities.create.mutate(input);
  await refresh();
  return done;
});
const importFiles = write('staff.importSchools', async (listed: Listed, files: File[]) => {
  const done = await importSchoolFiles(listed.season, listed.columns as PlaceColumn[], files);
  if (done.ok) await refresh();
  return done;
});

/** `360` or `8×45` as it is shown in a places cell. */
const placesText = (p: { places: number; classes: number | null; classSize: number | null }) =>
  p.classes != null && p.classSize != null ? `${p.classes}×${p.classSize}` : String(p.places);

/**
 * `/staff/admin/schools` (admin): a season's schools — places per entry and grade, address, phone, catchment — edited one
 * at a time or imported from a spreadsheet (all or nothing, every bad row listed), and the region's communities.
 */
export function SchoolsPage() {
  const seasons = createAsync(() => getAdminSeasons());
  const [search, setSearch] = useSearchParams<{ season?: string }>();
  const season = () => seasons()?.find((s) => s.id === search.season) ?? seasons()?.[0];
  const listed = createAsync(async () => {
    const s = season();
    return s ? getSchools(s.id) : undefined;
  });
  const [notice, setNotice] = createSignal<string>();
  const [editing, setEditing] = createSignal<string>();
  const [adding, setAdding] = createSignal(false);
  const done = (message: string) => {
    setEditing(undefined);
    setAdding(false);
    setNotice(message);
  };
  return (
    <AdminPage title={t.title} hint={t.hint} notice={notice()}>
      <Show when={seasons()?.length === 0}>
        <p>{t.none}</p>
      </Show>
      <StaffField id="schools-season" label={t.season}>
        <select
          id="schools-season"
          class="staff-select"
          value={season()?.id}
          onChange={(e) => {
            setNotice(undefined);
            setSearch({ season: e.currentTarget.value });
          }}
        >
          <For each={seasons()}>{(s) => <option value={s.id}>{`${s.region} · ${s.name}`}</option>}</For>
        </select>
      </StaffField>
      <Show when={listed()}>
        {(l) => (
          <>
            <StaffTable columns={Object.values(t.columns)}>
              <For each={l().schools}>
                {(school) => (
                  <>
                    <SchoolRow
                      school={school}
                      listed={l()}
                      onEdit={() => setEditing(editing() === school.id ? undefined : school.id)}
                      onDone={done}
                    />
                    <Show when={editing() === school.id}>
                      <tr>
                        <td colSpan={8}>
                          <SchoolForm listed={l()} school={school} onDone={done} onCancel={() => setEditing(undefined)} />
                        </td>
                      </tr>
                    </Show>
                  </>
                )}
              </For>
            </StaffTable>
            <Show
              when={adding()}
              fallback={
                <button type="button" class="staff-button" onClick={() => setAdding(true)}>
                  {t.add}
                </button>
              }
            >
              <SchoolForm listed={l()} onDone={done} onCancel={() => setAdding(false)} />
            </Show>
            <ImportPanel listed={l()} onDone={setNotice} />
            <CommunitiesPanel listed={l()} onDone={setNotice} />
          </>
        )}
      </Show>
    </AdminPage>
  );
}

function SchoolRow(props: { school: School; listed: Listed; onEdit: () => void; onDone: (message: string) => void }) {
  const removing = useWrite(removeSchool, ([input]) => input.seasonSchoolId === props.school.id);
  const [confirming, setConfirming] = createSignal(false);
  const label = (p: School['places'][number]) =>
    props.listed.columns.find((c) => c.entryId === p.entryId && c.grade === p.grade)?.label.replace(/学位$/, '') ?? '';
  const remove = async () => {
    const done = await removing.run({ seasonSchoolId: props.school.id, version: props.school.version });
    if (done?.ok) props.onDone(t.removed(props.school.name));
  };
  return (
    <tr>
      <td>{props.school.code}</td>
      <td>{props.school.name}</td>
      <td>{t.levels[props.school.level]}</td>
      <td>
        {props.school.address}
        <br />
        {props.school.contactPhone ?? ''}
      </td>
      <td>
        <For each={props.school.places}>
          {(p) => (
            <div>
              {label(p)} {placesText(p)}
            </div>
          )}
        </For>
      </td>
      <td>{props.school.communities.map((c) => c.name).join('、')}</td>
      <td>{props.school.applications}</td>
      <td>
        <button type="button" class="staff-button" onClick={() => props.onEdit()}>
          {t.edit}
        </button>{' '}
        <Show
          when={confirming()}
          fallback={
            <button type="button" class="staff-button" onClick={() => setConfirming(true)}>
              {t.remove}
            </button>
          }
        >
          <button type="button" class="staff-button staff-button-danger" disabled={removing.pending()} onClick={() => void remove()}>
            {t.confirmRemove(props.school.name)}
          </button>
        </Show>
        <Show when={removing.problem()}>
          {(p) => (
            <p class="staff-form-error" role="alert">
              {p().message}
            </p>
          )}
        </Show>
      </td>
    </tr>
  );
}

/** Edits a school of the season, or (without `school`) adds one: one the region already has, or a new one. */
function SchoolForm(props: { listed: Listed; school?: School; onDone: (message: string) => void; onCancel: () => void }) {
  const key = props.school?.id ?? 'new';
  const updating = useWrite(updateSchool, ([input]) => input.seasonSchoolId === key);
  const creating = useWrite(createSchool);
  const saving = () => (props.school ? updating : creating);
  const id = (field: string) => `school-${key}-${field}`;
  const [existing, setExisting] = createSignal(props.school ? '' : (props.listed.others[0]?.id ?? ''));
  const [code, setCode] = createSignal('');
  const [name, setName] = createSignal(props.school?.name ?? '');
  const [level, setLevel] = createSignal<Level>(props.school?.level ?? 'primary');
  const [address, setAddress] = createSignal(props.school?.address ?? '');
  const [phone, setPhone] = createSignal(props.school?.contactPhone ?? '');
  const initial = (c: Listed['columns'][number]) => {
    const p = props.school?.places.find((x) => x.entryId === c.entryId && x.grade === c.grade);
    return p ? placesText(p) : '';
  };
  const [places, setPlaces] = createSignal<Record<string, string>>(
    Object.fromEntries(props.listed.columns.map((c) => [c.key, initial(c)])),
  );
  const [catchment, setCatchment] = createSignal<string[]>(props.school?.communities.map((c) => c.id) ?? []);
  const [local, setLocal] = createSignal<string>();
  const schoolLevel = () =>
    props.school ? props.school.level : existing() ? props.listed.others.find((o) => o.id === existing())?.level : level();
  const columns = () => props.listed.columns.filter((c) => c.levels.includes(schoolLevel() ?? 'primary'));

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setLocal(undefined);
    const given: RouterInputs['admin']['schools']['update']['places'] = [];
    for (const c of columns()) {
      const cell = placesCell(places()[c.key] ?? '');
      if (cell === 'empty') continue;
      if (cell === null) return setLocal(t.badPlaces(c.label));
      given.push({ entryId: c.entryId, grade: c.grade, ...cell });
    }
    const offer = { address: address(), contactPhone: phone() || null, places: given, communityIds: catchment() };
    if (props.school) {
      const done = await updating.run({ seasonSchoolId: props.school.id, version: props.school.version, name: name(), ...offer });
      if (done?.ok) props.onDone(t.saved(name()));
    } else {
      // Named before the write: once added, the school is no longer among the region's others.
      const chosen = existing() ? props.listed.others.find((o) => o.id === existing())?.name : name();
      const input = existing()
        ? { seasonId: props.listed.season.id, schoolId: existing(), ...offer }
        : { seasonId: props.listed.season.id, code: code(), name: name(), level: level(), ...offer };
      const done = await creating.run(input);
      if (done?.ok) props.onDone(t.created(chosen ?? ''));
    }
  };
  const problem = () => saving().problem();
  return (
    <form class="staff-form" onSubmit={(e) => void save(e)}>
      <Show when={!props.school}>
        <StaffField id={id('existing')} label={t.fields.existing}>
          <select id={id('existing')} class="staff-select" value={existing()} onChange={(e) => setExisting(e.currentTarget.value)}>
            <option value="">{t.fields.newSchool}</option>
            <For each={props.listed.others}>{(o) => <option value={o.id}>{`${o.code} · ${o.name}`}</option>}</For>
          </select>
        </StaffField>
        <Show when={!existing()}>
          <StaffField id={id('code')} label={t.fields.code} hint={t.fields.codeHint} error={problem()?.fields.code}>
            <input id={id('code')} class="staff-input" value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
          </StaffField>
          <StaffField id={id('level')} label={t.fields.level}>
            <select id={id('level')} class="staff-select" value={level()} onChange={(e) => setLevel(e.currentTarget.value as Level)}>
              <option value="primary">{t.levels.primary}</option>
              <option value="junior">{t.levels.junior}</option>
            </select>
          </StaffField>
        </Show>
      </Show>
      <Show when={props.school || !existing()}>
        <StaffField id={id('name')} label={t.fields.name} error={problem()?.fields.name}>
          <input id={id('name')} class="staff-input" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </StaffField>
      </Show>
      <StaffField id={id('address')} label={t.fields.address} error={problem()?.fields.address}>
        <input id={id('address')} class="staff-input" value={address()} onInput={(e) => setAddress(e.currentTarget.value)} />
      </StaffField>
      <StaffField id={id('phone')} label={t.fields.phone} hint={t.fields.phoneHint} error={problem()?.fields.contactPhone}>
        <input id={id('phone')} class="staff-input" value={phone()} onInput={(e) => setPhone(e.currentTarget.value)} />
      </StaffField>
      <For each={columns()}>
        {(c) => (
          <StaffField id={id(c.key)} label={c.label} hint={t.fields.placesHint}>
            <input
              id={id(c.key)}
              class="staff-input"
              value={places()[c.key] ?? ''}
              onInput={(e) => setPlaces({ ...places(), [c.key]: e.currentTarget.value })}
            />
          </StaffField>
        )}
      </For>
      <fieldset class="staff-field">
        <legend>{t.fields.catchment}</legend>
        <For each={props.listed.communities}>
          {(c) => (
            <label class="staff-check">
              <input
                type="checkbox"
                checked={catchment().includes(c.id)}
                onChange={(e) => setCatchment(e.currentTarget.checked ? [...catchment(), c.id] : catchment().filter((x) => x !== c.id))}
              />{' '}
              {c.name}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={local() ?? problem()?.message}>
        {(message) => (
          <p class="staff-form-error" role="alert">
            {message()}
            <Show when={problem()?.code === 'CONFLICT' && !local()}>
              {' '}
              <button type="button" class="staff-button" onClick={() => void refresh()}>
                {t.reload}
              </button>
            </Show>
          </p>
        )}
      </Show>
      <button type="submit" class="staff-button staff-button-primary" disabled={saving().pending()}>
        {saving().pending() ? t.saving : t.save}
      </button>{' '}
      <button type="button" class="staff-button" onClick={() => props.onCancel()}>
        {t.cancel}
      </button>
    </form>
  );
}

function ImportPanel(props: { listed: Listed; onDone: (message: string) => void }) {
  const importing = useWrite(importFiles);
  const [files, setFiles] = createSignal<File[]>([]);
  const [errors, setErrors] = createSignal<RowError[]>([]);
  const [local, setLocal] = createSignal<string>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setErrors([]);
    setLocal(undefined);
    if (files().length === 0) return setLocal(t.importing.noFile);
    const done = await importing.run(props.listed, files());
    if (!done?.ok) return;
    if (done.value.ok) props.onDone(t.importing.done(done.value.created, done.value.updated, done.value.communities));
    else setErrors(done.value.errors);
  };
  const template = (kind: 'xlsx' | 'csv' | 'communities') =>
    void downloadTemplate(
      kind,
      props.listed.season.name,
      props.listed.columns as PlaceColumn[],
      props.listed.communities.map((c) => c.name),
    );
  const failedRows = () => new Set(errors().map((e) => `${e.sheet}:${e.row}`)).size;
  return (
    <section class="staff-panel" aria-labelledby="schools-import-title">
      <h2 id="schools-import-title">{t.importing.title}</h2>
      <p class="staff-muted">{t.importing.hint}</p>
      <p>
        {t.importing.templates}
        <button type="button" class="staff-button" onClick={() => template('xlsx')}>
          {t.importing.xlsx}
        </button>{' '}
        <button type="button" class="staff-button" onClick={() => template('csv')}>
          {t.importing.csv}
        </button>{' '}
        <button type="button" class="staff-button" onClick={() => template('communities')}>
          {t.importing.csvCommunities}
        </button>
      </p>
      <form class="staff-form" onSubmit={(e) => void submit(e)}>
        <StaffField id="schools-import-file" label={t.importing.file}>
          <input
            id="schools-import-file"
            type="file"
            multiple
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])}
          />
        </StaffField>
        <Show when={local() ?? importing.problem()?.message}>
          {(message) => (
            <p class="staff-form-error" role="alert">
              {message()}
            </p>
          )}
        </Show>
        <button type="submit" class="staff-button staff-button-primary" disabled={importing.pending()}>
          {importing.pending() ? t.importing.pending : t.importing.submit}
        </button>
      </form>
      <Show when={errors().length > 0}>
        <p class="staff-form-error" role="alert">
          {t.importing.failed(failedRows())}
        </p>
        <StaffTable columns={Object.values(t.importing.errorColumns)}>
          <For each={errors()}>
            {(e) => (
              <tr>
                <td>{e.sheet}</td>
                <td>{e.row}</td>
                <td>{e.column ?? ''}</td>
                <td>{e.message}</td>
              </tr>
            )}
          </For>
        </StaffTable>
      </Show>
    </section>
  );
}

function CommunitiesPanel(props: { listed: Listed; onDone: (message: string) => void }) {
  const adding = useWrite(createCommunity);
  const [name, setName] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const done = await adding.run({ regionId: props.listed.season.regionId, name: name() });
    if (done?.ok) {
      setName('');
      props.onDone(t.communities.created(done.value.name));
    }
  };
  return (
    <section class="staff-panel" aria-labelledby="schools-communities-title">
      <h2 id="schools-communities-title">{t.communities.title}</h2>
      <p>{props.listed.communities.map((c) => c.name).join('、')}</p>
      <form class="staff-form" onSubmit={(e) => void submit(e)}>
        <StaffField
          id="schools-community-name"
          label={t.communities.name}
          error={adding.problem()?.fields.name ?? adding.problem()?.message}
        >
          <input id="schools-community-name" class="staff-input" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </StaffField>
        <button type="submit" class="staff-button" disabled={adding.pending()}>
          {t.communities.add}
        </button>
      </form>
    </section>
  );
}
