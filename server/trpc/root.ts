import { createCallerFactory, router } from "./init";
import { businessRouter } from "./routers/business";

export const appRouter = router({
  business: businessRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
