import type { RouteDefinition } from '@solidjs/router';
import { type Component, lazy } from 'solid-js';
import { getChildren, getMe } from '../lib/account';
import { getApplication, getApplications, getProgress } from '../lib/applications';
import { getChannels, getEntryRegion, getPages } from '../lib/catalog';

type Pages = typeof import('./pages');
const page = <K extends keyof Pages>(name: K) => lazy(() => import('./pages').then((m) => ({ default: m[name] as Component })));

/** Reads that wait for a session: signed out, the page itself sends the parent to 登录. */
const signedIn = (read: () => unknown) => void getMe().then((me) => me && read());

/*
 * The id is read here, at once: `signedIn` reads later, after the session, when the router's params may still be those
 * of the page the parent is leaving (the navigation has not committed yet), and the read would go out without an id.
 */
const application = (id: string) => signedIn(() => getApplication(id));
const progress = (id: string) => signedIn(() => getProgress(id));

/**
 * The application journey (guide 二(三)–(七)): entry → child → 报名须知 → channel → form → documents → schools →
 * preview → 报名信息提交成功; 报名进度 with 撤回. The pages load as one lazy chunk; the preloads start their reads
 * (and the chunk) on link intent.
 */
export const applyRoutes: RouteDefinition[] = [
  {
    path: '/entries/:entryId/apply',
    component: page('ChooseChildPage'),
    preload: ({ params }) => {
      void getChannels(params.entryId!);
      signedIn(getChildren);
    },
  },
  {
    path: '/entries/:entryId/apply/declaration',
    component: page('DeclarationPage'),
    preload: ({ params }) => {
      void getChannels(params.entryId!);
      void getEntryRegion(params.entryId!)
        .then((r) => getPages(r.id))
        .catch(() => {});
      signedIn(getChildren);
    },
  },
  { path: '/applications', component: page('ApplicationsPage'), preload: () => signedIn(getApplications) },
  { path: '/applications/:applicationId', component: page('ResumeRoute'), preload: ({ params }) => application(params.applicationId!) },
  {
    path: '/applications/:applicationId/progress',
    component: page('ProgressPage'),
    preload: ({ params }) => progress(params.applicationId!),
  },
  { path: '/applications/:applicationId/access', component: page('AccessLogPage') },
  {
    path: '/applications/:applicationId/channel',
    component: page('ChannelStep'),
    preload: ({ params }) => application(params.applicationId!),
  },
  { path: '/applications/:applicationId/form', component: page('FormStep'), preload: ({ params }) => application(params.applicationId!) },
  {
    path: '/applications/:applicationId/documents',
    component: page('DocumentsStep'),
    preload: ({ params }) => application(params.applicationId!),
  },
  {
    path: '/applications/:applicationId/schools',
    component: page('SchoolsStep'),
    preload: ({ params }) => application(params.applicationId!),
  },
  {
    path: '/applications/:applicationId/preview',
    component: page('PreviewStep'),
    preload: ({ params }) => application(params.applicationId!),
  },
  {
    path: '/applications/:applicationId/submitted',
    component: page('SubmittedPage'),
    preload: ({ params }) => application(params.applicationId!),
  },
];
