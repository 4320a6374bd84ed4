import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { formatTime, getDevInbox } from '../lib/account';
import { CardList } from '../ui/card-list';
import { useTitle } from '../ui/title';

/** `/dev/inbox`: demo mode's SMS, newest first. Outside demo mode the API answers NOT_FOUND: 页面不存在. */
export function DevInboxPage() {
  const [search, setSearch] = useSearchParams<{ phone?: string; from?: string }>();
  const inbox = createAsync(() => getDevInbox(search.phone || undefined));
  const [phone, setPhone] = createSignal(search.phone ?? '');
  useTitle(() => zhCN.devInbox.title);
  const loginHref = () =>
    `/login?phone=${encodeURIComponent(search.phone ?? '')}${search.from ? `&from=${encodeURIComponent(search.from)}` : ''}`;

  return (
    <Show when={inbox()}>
      {(list) => (
        <>
          <A class="back-link" href={loginHref()}>
            ‹ {zhCN.devInbox.backToLogin}
          </A>
          <h1 class="page-title">{zhCN.devInbox.title}</h1>
          <p class="muted">{zhCN.devInbox.hint}</p>
          <form
            class="filter-row"
            onSubmit={(e) => {
              e.preventDefault();
              setSearch({ phone: phone().trim() || undefined });
            }}
          >
            <label class="visually-hidden" for="inbox-phone">
              {zhCN.devInbox.filter}
            </label>
            <input
              id="inbox-phone"
              class="input"
              type="tel"
              inputmode="numeric"
              placeholder={zhCN.devInbox.filter}
              value={phone()}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
            <button type="submit" class="button">
              {zhCN.devInbox.apply}
            </button>
          </form>
          <CardList items={list()} empty={zhCN.devInbox.none}>
            {(sms) => (
              <li class="card sms">
                <div class="card-meta">
                  <span>{sms.phone}</span>
                  <span>{formatTime(sms.sentAt)}</span>
                </div>
                <p class="sms-body">{sms.body}</p>
              </li>
            )}
          </CardList>
        </>
      )}
    </Show>
  );
}
