// The onboarding wizard's final step: any signed-in user creates a business they own, with
// everything the wizard collected, in one command. Not a businessProcedure: there is no business
// yet, and the caller can only ever create a new one, never reach an existing one.
import { createBusinessFromOnboarding } from "../../businesses/create-business-from-onboarding";
import { onboardingInput } from "../../businesses/onboarding-input";
import { authedProcedure, router } from "../init";
import { fieldErrorsAsIssues } from "./settings";

export const onboardingRouter = router({
  complete: authedProcedure
    .use(async ({ next }) => fieldErrorsAsIssues(await next()))
    .input(onboardingInput)
    .mutation(({ ctx, input }) => createBusinessFromOnboarding(ctx.db, { userId: ctx.userId, input })),
});
