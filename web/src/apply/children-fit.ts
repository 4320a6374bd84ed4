import { query } from '@solidjs/router';
import { api, type RouterOutputs } from '../lib/trpc';

/** For the child picker: which of the parent's children may start in the entry, and why not. */
export const getChildrenFit = query((entryId: string) => api.applications.childrenFit.query({ entryId }), 'applications.childrenFit');

export type ChildFit = RouterOutputs['applications']['childrenFit'][number];
