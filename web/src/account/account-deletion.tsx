import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { formatChinaDate } from '../../../src/domain/china-time';
import { zhMyData } from '../i18n/zh-CN-my-data';
import { refreshAccount } from '../lib/account';
import { fileRequest } from '../lib/upload';
import { useWrite, write } from '../lib/write';
import { FormError } from './field';

interface HeldView {
  number: string;
  seasonName: string;
  statusName: string;
  retainUntil: string | null;
}
type Preview = { deletable: true; refusal: null; deleted: HeldView[]; kept: HeldView[] } | { deletable: false; refusal: string };

/** `/api/my-data/deletion` (served by the staff Worker): GET says what would happen, POST deletes. */
async function deletionRequest<T>(method: 'GET' | 'POST'): Promise<T> {
  return (await (await fileRequest('/api/my-data/deletion', { method })).json()) as T;
}

const previewDeletion = write('account.deletionPreview', () => deletionRequest<Preview>('GET'));
const deleteAccount = write('account.delete', async () => {
  await deletionRequest<{ deleted: true }>('POST');
  await refreshAccount();
});

const t = zhMyData;

/** 注销账号 on 个人中心: first what is deleted and what is kept by law (and until when), then the confirmation. */
export function AccountDeletion() {
  const navigate = useNavigate();
  const [preview, setPreview] = createSignal<Preview>();
  const asking = useWrite(previewDeletion);
  const deleting = useWrite(deleteAccount);

  const open = async () => {
    const answer = await asking.run();
    if (answer?.ok) setPreview(answer.value);
  };
  const confirm = async () => {
    if ((await deleting.run())?.ok) navigate('/', { replace: true });
  };

  return (
    <section class="card" aria-labelledby="account-deletion-title">
      <Show
        when={preview()}
        fallback={
          <button type="button" class="button button-block" disabled={asking.pending()} onClick={() => void open()}>
            {asking.pending() ? t.deletionChecking : t.deleteAccount}
          </button>
        }
      >
        {(p) => (
          <>
            <h2 id="account-deletion-title" class="section-title">
              {t.deleteAccount}
            </h2>
            <Show
              when={p().deletable ? (p() as Extract<Preview, { deletable: true }>) : undefined}
              fallback={<FormError message={(p() as { refusal: string }).refusal} />}
            >
              {(ok) => (
                <>
                  <p>{t.deletionWarning}</p>
                  <h3>{t.deletionDeletes}</h3>
                  <ul>
                    <For each={t.deletionDeletesItems}>{(item) => <li>{item}</li>}</For>
                  </ul>
                  <Show when={ok().deleted.length > 0}>
                    <p class="muted">
                      {t.deletionDeletesApplications(
                        ok()
                          .deleted.map((a) => a.number)
                          .join('、'),
                      )}
                    </p>
                  </Show>
                  <h3>{t.deletionKeeps}</h3>
                  <p>{t.deletionKeepsText}</p>
                  <Show when={ok().kept.length > 0} fallback={<p class="muted">{t.deletionNothingKept}</p>}>
                    <ul>
                      <For each={ok().kept}>
                        {(a) => (
                          <li>
                            {t.deletionKeptUntil(
                              a.seasonName,
                              a.number,
                              a.statusName,
                              a.retainUntil ? formatChinaDate(new Date(a.retainUntil)) : null,
                            )}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </>
              )}
            </Show>
            <FormError message={deleting.problem()?.message} />
            <div class="button-row">
              <button type="button" class="button" onClick={() => setPreview(undefined)}>
                {t.cancel}
              </button>
              <Show when={p().deletable}>
                <button type="button" class="button button-danger" disabled={deleting.pending()} onClick={() => void confirm()}>
                  {deleting.pending() ? t.deleting : t.confirmDeletion}
                </button>
              </Show>
            </div>
          </>
        )}
      </Show>
      <Show when={!preview()}>
        <FormError message={asking.problem()?.message} />
      </Show>
    </section>
  );
}
