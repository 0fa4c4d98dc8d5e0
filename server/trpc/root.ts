import { createCallerFactory, router } from "./init";
import { appointmentsRouter } from "./routers/appointments";
import { businessRouter } from "./routers/business";

export const appRouter = router({
  business: businessRouter,
  appointments: appointmentsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
