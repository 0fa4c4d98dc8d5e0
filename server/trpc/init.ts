// tRPC setup: context, error mapping and the procedure builders. businessProcedure is the one
// tenant-scoping point: it takes businessId, checks membership and role once, and answers
// NOT_FOUND to non-members.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import type { Db } from "../db";
import { AppError, trpcCodeFor } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { requireMembership } from "../tenancy";

export interface Context {
  db: Db;
  userId: string | null;
  now: () => Date;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        appCode: cause instanceof AppError ? cause.code : undefined,
        zodIssues: cause instanceof z.ZodError ? cause.issues : undefined,
      },
    };
  },
});

/** Maps domain errors to tRPC errors in one place. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

/** Procedures on one business's data. minRole defaults to staff (any member). */
export function businessProcedure(minRole: Role = "staff") {
  return authedProcedure.input(z.object({ businessId: z.string().min(1) })).use(async ({ ctx, input, next }) => {
    const { role } = await requireMembership(ctx.db, { userId: ctx.userId, businessId: input.businessId, minRole });
    return next({ ctx: { ...ctx, businessId: input.businessId, role } });
  });
}
