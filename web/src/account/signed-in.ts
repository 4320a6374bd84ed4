import { createAsync, useLocation, useNavigate } from '@solidjs/router';
import { createEffect } from 'solid-js';
import { getMe } from '../lib/account';

/** The signed-in parent of a page that needs one; nobody signed in → /login, and back here afterwards. */
export function useSignedIn() {
  const me = createAsync(() => getMe());
  const navigate = useNavigate();
  const location = useLocation();
  createEffect(() => {
    if (me() === null) navigate(`/login?from=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  });
  return me;
}

/** What `read` answers for the signed-in parent (see {@link useSignedIn}); nothing while nobody is signed in. */
export function useSignedInRead<T>(read: () => Promise<T>) {
  const me = useSignedIn();
  const answer = createAsync(() => (me() ? read() : Promise.resolve(undefined)));
  return () => me() && answer();
}
