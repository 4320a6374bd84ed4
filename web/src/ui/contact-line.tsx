import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { getBureauContact } from '../lib/catalog';

/** 「如有疑问，请拨打…咨询电话」 with the bureau's number as a tap-to-call link, and the office's address beside it. */
export function BureauContact(props: { regionId?: string }) {
  const contact = createAsync(() => getBureauContact(props.regionId));
  return (
    <Show when={contact()?.phone}>
      {(phone) => (
        <p class="contact-line">
          {zhCN.contact.questions(contact()?.sponsor ?? '')}
          <a href={`tel:${phone()}`}>{phone()}</a>
          <Show when={contact()?.address}>
            {(address) => (
              <span class="contact-address">
                {zhCN.contact.address}：{address()}
              </span>
            )}
          </Show>
        </p>
      )}
    </Show>
  );
}
