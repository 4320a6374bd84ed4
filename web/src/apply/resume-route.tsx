import { Navigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { nextStep, stepPath } from './steps';
import { useApplication } from './use-application';

/** `/applications/:id`: a draft continues where something is still missing; anything else shows its progress. */
export function ResumeRoute() {
  const { app } = useApplication();
  return (
    <Show when={app()}>
      {(a) => <Navigate href={stepPath(a().id, a().canEdit && a().status === 'draft' ? nextStep(a()) : 'progress')} />}
    </Show>
  );
}
