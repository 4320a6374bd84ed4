import { A, createAsync, revalidate, type RouteSectionProps, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, ErrorBoundary, For, type JSXElement, on, onMount, Show, Suspense } from 'solid-js';
import { zhPages } from '../i18n/zh-CN-pages';
import { zhStaff } from '../i18n/zh-CN-staff';
import { zhChannels } from '../i18n/zh-CN-staff-channels';
import { zhConfirmed } from '../i18n/zh-CN-staff-confirmed';
import { zhDemand } from '../i18n/zh-CN-staff-demand';
import { zhKeys } from '../i18n/zh-CN-staff-keys';
import { zhPlacement } from '../i18n/zh-CN-staff-placement';
import { zhRegions } from '../i18n/zh-CN-staff-regions';
import { zhSchools } from '../i18n/zh-CN-staff-schools';
import { api } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { AlertsBanner } from './alerts-banner';
import { DeadLetters } from './dead-letters';
import { codeOf, getStaffMe, useStaffMe } from './data';
import './staff.css';

export { AccountsPage } from './accounts-page';
export { ChannelsPage } from './channels-page';
export { ConfirmedPage } from './confirmed-page';
export { DemandPage } from './demand-page';
export { KeysPage } from './keys-page';
export { PlacementPage } from './placement-page';
export { SchoolsPage } from './schools-page';
export { SeasonsPage } from './seasons-page';
export { WindowsPage } from './windows-page';
export { AppealsPage } from './appeals-page';
export { AuditPage } from './audit-page';
export { DetailRoute } from './detail-page';
export { PagesPage } from './pages-page';
export { QueuePage } from './queue-page';
export { RegionsPage } from './regions-page';
export { SignInPage } from './sign-in-page';

/** `/staff/*`: the review desk's own frame (no parents' top bar); its routes are in `routes.ts`. */
export function StaffFrame(props: RouteSectionProps) {
  return <div class="staff">{props.children}</div>;
}

/** 退出登录: an expired or missing session is already signed out; either way who is signed in is read again. */
const signOutStaff = write('staff.signOut', async () => {
  await api.review.signOut.mutate().catch(() => undefined);
  await revalidate(getStaffMe.key);
});

/** The frame of every signed-in page: the bar with the navigation, who is signed in, 退出登录. */
/** The administrators' pages, in the order of their work over a season. */
const adminLinks = [
  { href: '/staff/audit', label: zhStaff.nav.audit },
  { href: '/staff/accounts', label: zhStaff.nav.accounts },
  { href: '/staff/admin/keys', label: zhKeys.nav },
  { href: '/staff/admin/regions', label: zhRegions.nav },
  { href: '/staff/admin/seasons', label: zhStaff.nav.seasons },
  { href: '/staff/admin/windows', label: zhStaff.nav.windows },
  { href: '/staff/admin/channels', label: zhChannels.nav },
  { href: '/staff/admin/schools', label: zhSchools.nav },
  { href: '/staff/admin/placement', label: zhPlacement.nav },
  { href: '/staff/admin/pages', label: zhPages.nav },
];

export function Desk(props: RouteSectionProps) {
  const me = createAsync(() => getStaffMe());
  const navigate = useNavigate();
  const location = useLocation();
  createEffect(() => {
    if (me() === null) navigate(`/staff?from=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  });
  const leaving = useWrite(signOutStaff);
  const signOut = async () => {
    if (await leaving.run()) navigate('/staff', { replace: true });
  };
  return (
    <Suspense fallback={<Loading />}>
      <Show when={me()}>
        {(m) => (
          <>
            <header class="staff-bar">
              <A href="/staff/queue" class="staff-brand">
                {zhStaff.system}
              </A>
              <nav class="staff-nav" aria-label={zhStaff.nav.main}>
                <A href="/staff/queue" activeClass="staff-nav-on">
                  {zhStaff.nav.queue}
                </A>
                <A href="/staff/confirmed" activeClass="staff-nav-on">
                  {zhConfirmed.nav}
                </A>
                <A href="/staff/demand" activeClass="staff-nav-on">
                  {zhDemand.nav}
                </A>
                <Show when={m().role !== 'school_reviewer'}>
                  <A href="/staff/appeals" activeClass="staff-nav-on">
                    {zhStaff.nav.appeals}
                  </A>
                </Show>
                <Show when={m().role === 'admin'}>
                  <For each={adminLinks}>
                    {(link) => (
                      <A href={link.href} activeClass="staff-nav-on">
                        {link.label}
                      </A>
                    )}
                  </For>
                </Show>
              </nav>
              <span class="staff-who">
                {m().displayName}
                <span class="staff-role">
                  {m().roleName}
                  {m().schoolName ? ` · ${m().schoolName}` : ''}
                </span>
              </span>
              <button type="button" class="staff-button staff-button-quiet" onClick={() => void signOut()}>
                {zhStaff.nav.signOut}
              </button>
            </header>
            <main class="staff-main">
              <Show when={m().role === 'admin'}>
                <AlertsBanner />
              </Show>
              <Show when={m().role === 'admin'}>
                <DeadLetters />
              </Show>
              <StaffBoundary>{props.children}</StaffBoundary>
            </main>
          </>
        )}
      </Show>
    </Suspense>
  );
}

export function AdminOnly(props: RouteSectionProps) {
  const me = useStaffMe();
  return (
    <Show when={me()}>
      {(m) => (
        <Show when={m().role === 'admin'} fallback={<Problem kind="forbidden" />}>
          {props.children}
        </Show>
      )}
    </Show>
  );
}

/** 绑定申诉 are settled by the county and administrators; a school reviewer sees 无权访问. */
export function CountyOnly(props: RouteSectionProps) {
  const me = useStaffMe();
  return (
    <Show when={me()}>
      {(m) => (
        <Show when={m().role !== 'school_reviewer'} fallback={<Problem kind="forbidden" />}>
          {props.children}
        </Show>
      )}
    </Show>
  );
}

/** A desk address that names no page. */
export function NotFoundPage() {
  return <Problem kind="notFound" />;
}

function Loading() {
  return (
    <div class="staff-loading" role="status" aria-live="polite">
      <span class="staff-spinner" aria-hidden="true" />
      {zhStaff.loading}
    </div>
  );
}

type ProblemKind = 'network' | 'server' | 'notFound' | 'forbidden';

function kindOf(error: unknown): ProblemKind | 'signIn' {
  const code = codeOf(error);
  if (code === 'UNAUTHORIZED') return 'signIn';
  if (code === 'FORBIDDEN') return 'forbidden';
  if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return 'notFound';
  if (code) return 'server';
  return error instanceof TypeError ? 'network' : 'server';
}

const problemText: Record<ProblemKind, string> = {
  network: zhStaff.errors.network,
  server: zhStaff.errors.server,
  notFound: zhStaff.errors.notFound,
  forbidden: zhStaff.errors.forbidden,
};

function Problem(props: { kind: ProblemKind; onRetry?: () => void }) {
  return (
    <div class="staff-problem" role="alert">
      <p class="staff-problem-title">{problemText[props.kind]}</p>
      <div class="staff-actions">
        <Show when={props.onRetry && (props.kind === 'network' || props.kind === 'server')}>
          <button type="button" class="staff-button staff-button-primary" onClick={() => props.onRetry?.()}>
            {zhStaff.errors.retry}
          </button>
        </Show>
        <A class="staff-button" href="/staff/queue">
          {zhStaff.errors.backToQueue}
        </A>
      </div>
    </div>
  );
}

/** Loading and failure of a page; an expired session goes back to sign-in; another address clears the error. */
function StaffBoundary(props: { children: JSXElement }) {
  return (
    <ErrorBoundary fallback={(error, reset) => <Failed error={error} reset={reset} />}>
      <Suspense fallback={<Loading />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}

function Failed(props: { error: unknown; reset: () => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  const kind = kindOf(props.error);
  createEffect(
    on(
      () => location.pathname + location.search,
      () => props.reset(),
      { defer: true },
    ),
  );
  if (kind === 'signIn') {
    onMount(() => {
      void revalidate(getStaffMe.key);
      navigate(`/staff?from=${encodeURIComponent(location.pathname + location.search)}&expired=1`, { replace: true });
    });
    return null;
  }
  const retry = () => {
    void revalidate(undefined, true);
    props.reset();
  };
  return <Problem kind={kind} onRetry={retry} />;
}
