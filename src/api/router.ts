import { catalogRouter } from './routers/catalog';
import { router } from './trpc';

export const appRouter = router({
  catalog: catalogRouter,
});

export type AppRouter = typeof appRouter;
