import { createSignal, lazy, Match, Suspense, Switch } from 'solid-js';
import { zhCN } from '../i18n/zh-CN';
import { type Child, refreshAccount } from '../lib/account';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { FormError } from './field';

/** The confirm step of 删除孩子, which reads what unbinding destroys: loaded when a parent asks (application pages' chunk). */
const ChildRemoval = lazy(() => import('../apply/pages').then((m) => ({ default: m.ChildRemoval })));

/** Renames or unbinds a child, then reads the account again. */
const changeChild = write('account.changeChild', async (childId: string, change: { name: string } | 'remove') => {
  await (change === 'remove' ? api.children.remove.mutate({ childId }) : api.children.rename.mutate({ childId, name: change.name }));
  await refreshAccount();
});

/**
 * One bound child: masked ID only; rename in place; delete (unbind) after saying what that means and naming the
 * drafts and uploaded files that go with it.
 */
export function ChildCard(props: { child: Child }) {
  const [mode, setMode] = createSignal<'view' | 'rename' | 'remove'>('view');
  const [name, setName] = createSignal('');
  const change = useWrite(changeChild, ([childId]) => childId === props.child.id);
  const pending = change.pending;
  const error = () => {
    const p = change.problem();
    return p && (p.fields.name ?? p.message);
  };

  const run = async (what: { name: string } | 'remove') => {
    if ((await change.run(props.child.id, what))?.ok) setMode('view');
  };
  const to = (next: 'view' | 'rename' | 'remove') => {
    change.clear();
    setName(props.child.name);
    setMode(next);
  };

  return (
    <li class="card child">
      <Switch>
        <Match when={mode() === 'rename'}>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run({ name: name() });
            }}
          >
            <label class="field-label" for={`rename-${props.child.id}`}>
              {zhCN.children.name}
            </label>
            <input
              id={`rename-${props.child.id}`}
              class="input"
              type="text"
              maxlength="20"
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <FormError message={error()} />
            <div class="button-row">
              <button type="button" class="button" onClick={() => to('view')}>
                {zhCN.children.cancel}
              </button>
              <button type="submit" class="button button-primary" disabled={pending()}>
                {pending() ? zhCN.children.saving : zhCN.children.save}
              </button>
            </div>
          </form>
        </Match>
        <Match when={true}>
          <div class="child-head">
            <h2 class="child-name">{props.child.name}</h2>
            <span class="tag tag-id">{props.child.idTypeName}</span>
          </div>
          <dl class="facts">
            <dt>{zhCN.children.idNumber}</dt>
            <dd class="id-masked">{props.child.idNumberMasked}</dd>
            {props.child.birthDate && (
              <>
                <dt>{zhCN.children.birthDate}</dt>
                <dd>{props.child.birthDate}</dd>
              </>
            )}
          </dl>
          <Switch>
            <Match when={mode() === 'remove'}>
              <Suspense>
                <ChildRemoval
                  child={props.child}
                  pending={pending()}
                  error={error()}
                  onCancel={() => to('view')}
                  onConfirm={() => void run('remove')}
                />
              </Suspense>
            </Match>
            <Match when={true}>
              <div class="button-row">
                <button type="button" class="button button-small" onClick={() => to('rename')}>
                  {zhCN.children.rename}
                </button>
                <button type="button" class="button button-small button-danger-text" onClick={() => to('remove')}>
                  {zhCN.children.remove}
                </button>
              </div>
            </Match>
          </Switch>
        </Match>
      </Switch>
    </li>
  );
}
