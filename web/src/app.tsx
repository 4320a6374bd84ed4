import { type RouteDefinition, Router, type RouteSectionProps, useLocation } from '@solidjs/router';
import { lazy, Show, Suspense } from 'solid-js';
import { parentRoutes } from './parent/routes';
import { Shell } from './ui/shell';

/**
 * The staff route (`/staff/*`, desktop review desk) is a lazy chunk of its own, with its own frame: parents never
 * download it, and staff pages do not carry the parents' top bar.
 */
const staffRoute: RouteDefinition = { path: '/staff/*rest', component: lazy(() => import('./staff/staff-app')) };
const isStaff = (path: string) => path === '/staff' || path.startsWith('/staff/');

function Root(props: RouteSectionProps) {
  const location = useLocation();
  return (
    <Show when={isStaff(location.pathname)} fallback={<Shell>{props.children}</Shell>}>
      <Suspense>{props.children}</Suspense>
    </Show>
  );
}

/** Parents' pages are in the main bundle; the staff desk loads on demand. */
export function App() {
  return <Router root={Root}>{[staffRoute, ...parentRoutes]}</Router>;
}
