import { Router } from '@solidjs/router';
import { parentRoutes } from './parent/routes';
import { Shell } from './ui/shell';

/**
 * Parents' pages are in the main bundle. The staff route (`/staff`, desktop) will join as a lazy route
 * so parents never download it.
 */
export function App() {
  return <Router root={Shell}>{parentRoutes}</Router>;
}
