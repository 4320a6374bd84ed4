import { useParams } from '@solidjs/router';
import { useSignedInRead } from '../account/signed-in';
import { getApplication } from '../lib/applications';

/** The application of the page's address, read for the signed-in parent (signed out → 登录, then back). */
export function useApplication() {
  const params = useParams<{ applicationId: string }>();
  const app = useSignedInRead(() => getApplication(params.applicationId));
  return { id: () => params.applicationId, app };
}
