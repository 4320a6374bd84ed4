import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { zhPlacement as t } from '../i18n/zh-CN-staff-placement';
import { AdminPage } from './admin-page';
import { getAdminSeasons } from './seasons-data';
import { StaffField } from './staff-field';
import { DemandSection } from './placement-demand';
import { DrawSection } from './placement-draws';
import { DryRunSection } from './placement-dry-run';
import { ObjectionsSection } from './placement-objections';
import { ObserversSection } from './placement-observers';
import { RulesForm } from './placement-rules-form';
import { UnplacedSection } from './placement-unplaced';

/**
 * `/staff/admin/placement` (admin): a season's tiers and mechanism, its lottery's observers, 学位预警, 模拟派位, 正式派位
 * with its results, objections and 统筹安排.
 */
export function PlacementPage() {
  const [search, setSearch] = useSearchParams<{ season?: string }>();
  const seasons = createAsync(() => getAdminSeasons());
  const seasonId = () => search.season ?? seasons()?.[0]?.id;
  const [notice, setNotice] = createSignal<string>();
  return (
    <AdminPage title={t.title} hint={t.hint} notice={notice()}>
      <StaffField id="placement-season" label={t.season}>
        <select
          id="placement-season"
          class="staff-select"
          value={seasonId()}
          onChange={(e) => {
            setNotice(undefined);
            setSearch({ season: e.currentTarget.value });
          }}
        >
          <For each={seasons() ?? []}>{(s) => <option value={s.id}>{`${s.region} · ${s.name}`}</option>}</For>
        </select>
      </StaffField>
      <Show when={seasonId()} keyed>
        {(id) => (
          <>
            <RulesForm seasonId={id} onDone={setNotice} />
            <ObserversSection seasonId={id} onDone={setNotice} />
            <DemandSection seasonId={id} onDone={setNotice} />
            <DryRunSection seasonId={id} />
            <DrawSection seasonId={id} onDone={setNotice} />
            <ObjectionsSection seasonId={id} onDone={setNotice} />
            <UnplacedSection seasonId={id} onDone={setNotice} />
          </>
        )}
      </Show>
    </AdminPage>
  );
}
