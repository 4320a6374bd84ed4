import { createAsync, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatChinaDateTime } from '../../../src/domain/china-time';
import { zhCN } from '../i18n/zh-CN';
import { getPlacement } from '../lib/catalog';
import { BackLink } from '../ui/back-link';
import { useTitle } from '../ui/title';

const t = zhCN.placement;

/** `/regions/:regionId/placement`: how seats are given (the tiers, the mechanism) and the lottery's public commitments. */
export function PlacementPage() {
  const params = useParams<{ regionId: string }>();
  const placement = createAsync(() => getPlacement(params.regionId));
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
          </article>
        </>
      )}
    </Show>
  );
}
