/**
 * The parents' pages past the home page, in one chunk of their own: it loads on link intent, or once the home page
 * is idle, never ahead of the home page's first paint (the first load stays within its budget).
 */
export { ChildrenPage } from '../account/children-page';
export { LoginPage } from '../account/login-page';
export { MePage } from '../account/me-page';
export { EntryPage } from './entry-page';
export { PlacementPage } from './placement-page';
export { PolicyPage } from './policy-page';
export { SchoolsPage } from './schools-page';
