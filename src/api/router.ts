import { adminRouter } from './routers/admin';
import { applicationsRouter } from './routers/applications';
import { authRouter } from './routers/auth';
import { catalogRouter } from './routers/catalog';
import { childrenRouter } from './routers/children';
import { devRouter } from './routers/dev';
import { messagesRouter } from './routers/messages';
import { reviewRouter } from './routers/review';
import { router } from './trpc';

export const appRouter = router({
  catalog: catalogRouter,
  auth: authRouter,
  children: childrenRouter,
  applications: applicationsRouter,
  messages: messagesRouter,
  review: reviewRouter,
  admin: adminRouter,
  dev: devRouter,
});

export type AppRouter = typeof appRouter;
