import { parentsRouters } from './parents-router';
import { adminRouter } from './routers/admin';
import { integrationRouter } from './routers/integration';
import { reviewRouter } from './routers/review';
import { router } from './trpc';

/** The staff desk's routers: the staff Worker serves them (decision 027); `appRouter` is the parents' routers and these. */
export const staffRouters = { review: reviewRouter, admin: adminRouter, integration: integrationRouter };

export const appRouter = router({ ...parentsRouters, ...staffRouters });

export type AppRouter = typeof appRouter;
