import { createAsync, useParams, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getCommunities, getRegion, getSchools, type School } from '../lib/catalog';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';
import { SchoolCard } from './school-card';

const levelOrder = ['primary', 'junior'] as const;

/** `/regions/:regionId/schools?community=…`: schools by level; the filter lives in the address so it can be shared. */
export function SchoolsPage() {
  const params = useParams<{ regionId: string }>();
  const [search, setSearch] = useSearchParams<{ community?: string }>();
  const community = () => search.community || undefined;
  const region = createAsync(() => getRegion(params.regionId));
  const communities = createAsync(() => getCommunities(params.regionId));
  const schools = createAsync(() => getSchools(params.regionId, community()));
  const byLevel = (level: string) => (schools() ?? []).filter((s: School) => s.level === level);
  useTitle(() => zhCN.schools.title);

  return (
    <>
      <BackLink href="/">{zhCN.home}</BackLink>
      <h1 class="page-title">{zhCN.schools.title}</h1>
      <p class="lead">
        {region()?.name} · {zhCN.schools.filterHint}
      </p>

      <label class="field">
        <span class="field-label">{zhCN.schools.community}</span>
        <select
          class="select"
          value={community() ?? ''}
          onChange={(e) => setSearch({ community: e.currentTarget.value || undefined }, { replace: true })}
        >
          <option value="">{zhCN.schools.allCommunities}</option>
          <For each={communities()}>{(c) => <option value={c.name}>{c.name}</option>}</For>
        </select>
      </label>

      <Show when={schools()}>
        {(list) => (
          <>
            <p class="muted">{list().length ? zhCN.schools.count(list().length) : zhCN.schools.none}</p>
            <For each={levelOrder.filter((level) => byLevel(level).length > 0)}>
              {(level) => (
                <section class="section">
                  <h2 class="section-title">{zhCN.levels[level]}</h2>
                  <div class="school-list">
                    <For each={byLevel(level)}>{(school) => <SchoolCard school={school} community={community()} />}</For>
                  </div>
                </section>
              )}
            </For>
          </>
        )}
      </Show>
    </>
  );
}
