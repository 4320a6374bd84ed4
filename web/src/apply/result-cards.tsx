import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getApplications } from '../lib/applications';
import { deadlineText } from '../lib/deadline-text';

/** 录取结果 on the home page once published: a card per application with the school (or 统筹安排) and 确认入学's deadline. */
export function ResultCards() {
  const list = createAsync(() => getApplications());
  const placed = () => (list() ?? []).flatMap((a) => (a.result ? [{ ...a, result: a.result }] : []));
  const t = zhCN.result;
  return (
    <For each={placed()}>
      {(a) => (
        <section class="result-card" aria-label={t.title(a.childName)}>
          <p class="result-card-title">{t.title(a.childName)}</p>
          <p>
            {a.entryName} · {a.number}
            <Show when={a.result.round === 2}> · {t.roundTwo}</Show>
          </p>
          <p class="result-card-school">{a.result.school ? t.placed(a.result.school) : t.unplaced}</p>
          <Show when={a.result.answerBy}>{(by) => <p class="result-card-deadline">{t.answerBy(deadlineText(by()))}</p>}</Show>
          <A class="button button-primary button-block" href={`/applications/${a.id}/progress`}>
            {t.open}
          </A>
        </section>
      )}
    </For>
  );
}
