import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getBureauContact } from '../lib/catalog';

/** 「如有疑问，请拨打…咨询电话」 with the bureau's number as a tap-to-call link. */
export function BureauContact() {
  const contact = createAsync(() => getBureauContact());
  return (
    <Show when={contact()?.phone}>
      {(phone) => (
        <p class="contact-line">
          {zhCN.contact.questions(contact()?.sponsor ?? '')}
          <a href={`tel:${phone()}`}>{phone()}</a>
        </p>
      )}
    </Show>
  );
}
