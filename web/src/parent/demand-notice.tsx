import { Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';

/** The 学位预警 the bureau published for a school (more first-choice applications than places), if any. */
export function DemandNotice(props: { school: { name: string; demandNotice: string | null }; named?: boolean }) {
  return (
    <Show when={props.school.demandNotice}>
      {(text) => (
        <p class="notice demand-notice" role="note">
          <strong>{zhCN.schools.demand}</strong>
          {props.named ? `${props.school.name}：` : ''}
          {text()}
        </p>
      )}
    </Show>
  );
}
