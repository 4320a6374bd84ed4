import { revalidate, useLocation } from '@solidjs/router';
import { createEffect, ErrorBoundary, on, Suspense, type JSX } from 'solid-js';
import { errorKind } from '../lib/errors';
import { ErrorView } from './error-view';
import { Loading } from './loading';

/**
 * Loading and failure for whatever it wraps. Retry drops the cached reads before rendering again;
 * moving to another address clears the error.
 */
export function Boundary(props: { children: JSX.Element }) {
  return (
    <ErrorBoundary fallback={(error, reset) => <Failed error={error} reset={reset} />}>
      <Suspense fallback={<Loading />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}

function Failed(props: { error: unknown; reset: () => void }) {
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname + location.search,
      () => props.reset(),
      { defer: true },
    ),
  );
  const retry = () => {
    void revalidate(undefined, true);
    props.reset();
  };
  return <ErrorView kind={errorKind(props.error)} onRetry={retry} />;
}
