import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { refreshAccount } from '../lib/account';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { useTitle } from '../ui/title';
import { ChangePhone } from './change-phone';
import { AccountDeletion } from './account-deletion';
import { FormError } from './field';
import { MyDataDownload } from './my-data-download';
import { useSignedIn } from './signed-in';

/** 退出登录, then reads the account again (signed out). */
const signOutParent = write('account.signOut', async () => {
  await api.auth.signOut.mutate();
  await refreshAccount();
});

/** `/me` 个人中心: the number, the children and messages, switching number, signing out. */
export function MePage() {
  const me = useSignedIn();
  const navigate = useNavigate();
  const [full, setFull] = createSignal(false);
  const leaving = useWrite(signOutParent);
  const error = () => leaving.problem()?.message;
  useTitle(() => zhCN.me.title);

  const signOut = async () => {
    if ((await leaving.run())?.ok) navigate('/', { replace: true });
  };

  return (
    <Show when={me()}>
      {(m) => (
        <>
          <h1 class="page-title">{zhCN.me.title}</h1>
          <section class="card profile">
            <span class="muted">{zhCN.me.phone}</span>
            <span class="profile-phone">{full() ? m().phone : m().phoneMasked}</span>
            <button type="button" class="link-button" aria-pressed={full()} onClick={() => setFull(!full())}>
              {full() ? zhCN.me.hideFull : zhCN.me.showFull}
            </button>
          </section>
          <nav class="link-list">
            <A href="/applications">{zhCN.me.applications}</A>
            <A href="/me/children">{zhCN.me.children}</A>
            <A href="/me/messages">
              <span class="link-label">
                {zhCN.me.messages}
                <Show when={m().unreadMessages > 0}>
                  <span class="count-badge" role="img" aria-label={zhCN.account.unread(m().unreadMessages)}>
                    {m().unreadMessages}
                  </span>
                </Show>
              </span>
            </A>
          </nav>
          <ChangePhone />
          <MyDataDownload />
          <AccountDeletion />
          <FormError message={error()} />
          <button type="button" class="button button-block button-danger" disabled={leaving.pending()} onClick={() => void signOut()}>
            {leaving.pending() ? zhCN.me.signingOut : zhCN.me.signOut}
          </button>
        </>
      )}
    </Show>
  );
}
