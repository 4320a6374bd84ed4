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
