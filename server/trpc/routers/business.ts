import { z } from "zod";
import { getDashboardSummary } from "../../businesses/get-dashboard-summary";
import { listMyBusinesses } from "../../tenancy";
import { authedProcedure, businessProcedure, router } from "../init";

export const businessRouter = router({
  mine: authedProcedure.input(z.void()).query(({ ctx }) => listMyBusinesses(ctx.db, { userId: ctx.userId })),
  dashboard: businessProcedure("staff").query(({ ctx }) =>
    getDashboardSummary(ctx.db, { businessId: ctx.businessId, now: ctx.now() }),
  ),
});
