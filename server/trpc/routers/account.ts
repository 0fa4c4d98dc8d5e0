// The signed-in account: who am I, "send the verification link again", and the local outbox
// (account mail to my address; a business's messages for its admins).
import { z } from "zod";
import { resendVerificationEmail } from "../../auth/send-verification-email";
import { listAccountOutbox, listBusinessOutbox } from "../../mail/list-outbox";
import { authedProcedure, businessProcedure, router } from "../init";
import { baseUrlOf, mailerOf } from "../../mail/mailer-of-call";

const outboxMessage = z.object({
  id: z.string(),
  channel: z.enum(["sms", "email"]),
  kind: z.string(),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.string(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export const accountRouter = router({
  me: authedProcedure
    .input(z.void())
    .output(z.object({ id: z.string(), email: z.string(), name: z.string().nullable(), emailVerified: z.boolean(), hasPassword: z.boolean() }).nullable())
    .query(async ({ ctx }) => {
      const user = await ctx.db.user.findUnique({
        where: { id: ctx.userId },
        select: { id: true, email: true, name: true, emailVerified: true, passwordHash: true },
      });
      return user && { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified !== null, hasPassword: user.passwordHash !== null };
    }),
  resendVerification: authedProcedure
    .input(z.void())
    .output(z.object({ sent: z.boolean(), alreadyVerified: z.boolean() }))
    .mutation(async ({ ctx }) =>
      resendVerificationEmail(ctx.db, await mailerOf(ctx), { userId: ctx.userId, now: ctx.now(), baseUrl: baseUrlOf(ctx) }),
    ),
  outbox: authedProcedure
    .input(z.void())
    .output(z.array(outboxMessage))
    .query(({ ctx }) => listAccountOutbox(ctx.db, { userId: ctx.userId })),
  businessOutbox: businessProcedure("admin")
    .output(z.array(outboxMessage))
    .query(({ ctx }) => listBusinessOutbox(ctx.db, { businessId: ctx.businessId })),
});
