import { query, revalidate } from '@solidjs/router';
import { api, type RouterOutputs } from './trpc';

// The signed-in parent's applications (报名). Every change is followed by `refreshApplication`, so the next page
// reads what the server holds rather than a cached answer.

export const getApplications = query(() => api.applications.list.query(), 'applications.list');

/** Everything about one application: the preview, the form, documents, schools, what is missing, the progress. */
export const getApplication = query((applicationId: string) => api.applications.get.query({ applicationId }), 'applications.get');

export const getProgress = query((applicationId: string) => api.applications.progress.query({ applicationId }), 'applications.progress');

/** Reads the application (and the list) afresh after a change. */
export const refreshApplication = (applicationId: string) =>
  revalidate([getApplication.keyFor(applicationId), getProgress.keyFor(applicationId), getApplications.key]);

export type Application = RouterOutputs['applications']['get'];
export type ApplicationSummary = RouterOutputs['applications']['list'][number];
export type Progress = RouterOutputs['applications']['progress'];
export type UploadedDocument = Application['documents'][number];
