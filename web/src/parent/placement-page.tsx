import { createAsync, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatChinaDateTime } from '../../../src/domain/china-time';
import { zhCN } from '../i18n/zh-CN';
import { zhPlacement } from '../i18n/zh-CN-placement';
import { getPlacement, getRegion } from '../lib/catalog';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';

const t = zhPlacement;

/** `/regions/:regionId/placement`: how seats are given (the tiers, the mechanism) and the lottery's public commitments. */
export function PlacementPage() {
  const params = useParams<{ regionId: string }>();
  const placement = createAsync(() => getPlacement(params.regionId));
  const region = createAsync(() => getRegion(params.regionId));
  const entryName = (entryId: string) => region()?.entries.find((e) => e.id === entryId)?.name ?? '';
  useTitle(() => t.title);
  return (
    <Show when={placement()}>
      {(p) => (
        <>
          <BackLink href="/">{zhCN.home}</BackLink>
          <article class="prose">
            <h1 class="page-title">{t.title}</h1>
            <p>{p().intro}</p>
            <h2>{t.tiers}</h2>
            <ol>
              <For each={p().tiers}>{(line) => <li>{line.replace(/^第\d+顺位：/, '')}</li>}</For>
            </ol>
            <h2>{t.mechanism}</h2>
            <p>{t.mechanisms[p().mechanism]}</p>
            <Show when={p().propertyLockRule}>
              {(rule) => (
                <>
                  <h2>{t.propertyLock}</h2>
                  <p>{rule()}</p>
                </>
              )}
            </Show>
            <h2>{t.lottery}</h2>
            <p>{t.lotteryHow}</p>
            <Show when={p().observers.length} fallback={<p>{t.noObservers}</p>}>
              <ul class="observer-list">
                <For each={p().observers}>
                  {(o) => (
                    <li>
                      <strong>{t.observer(o.name, o.role)}</strong>
                      <span class="muted">{t.committedAt(formatChinaDateTime(new Date(o.committedAt)))}</span>
                      <span>
                        {t.commitment}：<code class="hash">{o.commitment}</code>
                      </span>
                      <span>
                        {t.contribution}：{o.contribution ? <code class="hash">{o.contribution}</code> : t.notYet}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <For each={p().publicity}>
              {(list) => (
                <section aria-label={t.publicity}>
                  <h2>{t.publicity}</h2>
                  <p>
                    {t.publicityUntil(
                      `${entryName(list.entryId)}（${list.grade}年级）${list.round === 2 ? ` · ${t.roundTwo}` : ''}`,
                      formatChinaDateTime(new Date(list.endsAt)),
                    )}
                  </p>
                  <For each={list.schools}>
                    {(school) => (
                      <details class="publicity-school">
                        <summary>{t.admitted(school.name, school.admitted.length)}</summary>
                        <ul>
                          <For each={school.admitted}>{(a) => <li>{t.entry(a.number, a.name)}</li>}</For>
                        </ul>
                      </details>
                    )}
                  </For>
                  <Show when={list.unplaced.length}>
                    <details class="publicity-school">
                      <summary>{t.unplaced(list.unplaced.length)}</summary>
                      <ul>
                        <For each={list.unplaced}>{(a) => <li>{t.entry(a.number, a.name)}</li>}</For>
                      </ul>
                    </details>
                  </Show>
                </section>
              )}
            </For>
            <Show when={p().draws.length}>
              <h2>{t.draws}</h2>
              <p>{t.drawsHow}</p>
              <ul class="observer-list">
                <For each={p().draws}>
                  {(d) => (
                    <li>
                      <strong>{t.draw(entryName(d.entryId), d.grade, formatChinaDateTime(new Date(d.drawnAt)), d.round)}</strong>
                      <span>{t.counts(d.applicants, d.unplaced)}</span>
                      <span>
                        {t.seed}：<code class="hash">{d.seed}</code>
                      </span>
                      <span>
                        <a href={`/api/placement/draws/${d.id}/inputs.json`}>{t.inputs}</a> SHA-256：
                        <code class="hash">{d.inputsSha256}</code>
                      </span>
                      <span>
                        <a href={`/api/placement/draws/${d.id}/results.json`}>{t.results}</a> SHA-256：
                        <code class="hash">{d.resultsSha256}</code>
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </article>
        </>
      )}
    </Show>
  );
}
