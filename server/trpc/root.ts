import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { appointmentsRouter } from "./routers/appointments";
import { businessRouter } from "./routers/business";
import { consoleRouter } from "./routers/console";
import { membersRouter } from "./routers/members";
import { onboardingRouter } from "./routers/onboarding";
import { settingsRouter } from "./routers/settings";

export const appRouter = router({
  business: businessRouter,
  appointments: appointmentsRouter,
  account: accountRouter,
  members: membersRouter,
  onboarding: onboardingRouter,
  settings: settingsRouter,
  console: consoleRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
