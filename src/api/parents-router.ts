import { applicationsRouter } from './routers/applications';
import { authRouter } from './routers/auth';
import { catalogRouter } from './routers/catalog';
import { childrenRouter } from './routers/children';
import { devRouter } from './routers/dev';
import { messagesRouter } from './routers/messages';
import { router } from './trpc';

/** Every router but the staff desk's: what the main Worker serves itself (decision 027). */
export const parentsRouters = {
  catalog: catalogRouter,
  auth: authRouter,
  children: childrenRouter,
  applications: applicationsRouter,
  messages: messagesRouter,
  dev: devRouter,
};

export const parentsRouter = router(parentsRouters);
