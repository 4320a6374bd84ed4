import { type RouteDefinition, Router, type RouteSectionProps } from '@solidjs/router';
import { Suspense } from 'solid-js';
import { parentRoutes } from './parent/routes';
import { staffRoutes } from './staff/routes';
import { Shell } from './ui/shell';

/** Every parents' page sits in the platform's frame (top bar, progress line, error boundary). */
const parentPages: RouteDefinition = { path: '/', component: Shell, children: parentRoutes };

const Root = (props: RouteSectionProps) => <Suspense>{props.children}</Suspense>;

/**
 * Parents' pages are in the main bundle. The staff desk (`/staff/*`) has its own frame, without the parents' top bar,
 * and loads on demand: parents never download it.
 */
export function App() {
  return <Router root={Root}>{[staffRoutes, parentPages]}</Router>;
}
