import { Router, type RouteSectionProps, useLocation } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { parentRoutes } from './parent/routes';
import { staffRoutes } from './staff/routes';
import { Shell } from './ui/shell';

const isStaff = (path: string) => path === '/staff' || path.startsWith('/staff/');

function Root(props: RouteSectionProps) {
  const location = useLocation();
  return (
    <Show when={isStaff(location.pathname)} fallback={<Shell>{props.children}</Shell>}>
      <Suspense>{props.children}</Suspense>
    </Show>
  );
}

/**
 * Parents' pages are in the main bundle. The staff desk (`/staff/*`) has its own frame, without the parents' top bar,
 * and loads on demand, page by page: parents never download it.
 */
export function App() {
  return <Router root={Root}>{[staffRoutes, ...parentRoutes]}</Router>;
}
