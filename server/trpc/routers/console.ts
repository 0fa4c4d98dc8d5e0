// The dashboard's test console: an owner or admin talks to the receptionist as a simulated
// caller. Each procedure is one domain call in server/console. Owners and admins only: the
// console acts as any caller number and its bookings are real.
import { z } from "zod";
import { consoleAgentOf } from "../../console/console-agent";
import {
  consoleConversation,
  consoleSessionInput,
  consoleSetupOutput,
  sendConsoleInput,
  sendConsoleOutput,
  speakConsoleReplyInput,
  startConsoleInput,
} from "../../console/console-schemas";
import { getConsoleSetup } from "../../console/get-console-setup";
import { resetConsoleConversation } from "../../console/reset-console-conversation";
import { sendConsoleUtterance } from "../../console/send-console-utterance";
import { speakConsoleReply } from "../../console/speak-console-reply";
import { startConsoleConversation } from "../../console/start-console-conversation";
import { businessProcedure, router } from "../init";


export const consoleRouter = router({
  setup: businessProcedure("admin")
    .output(consoleSetupOutput)
    .query(({ ctx }) => {
      const agent = consoleAgentOf(ctx);
      return getConsoleSetup(ctx.db, { businessId: ctx.businessId, userId: ctx.userId }, { now: ctx.now(), engineLabel: agent.engineLabel, voice: agent.speech?.description ?? null });
    }),

  start: businessProcedure("admin")
    .input(startConsoleInput)
    .output(consoleConversation)
    .mutation(({ ctx, input }) => {
      const agent = consoleAgentOf(ctx);
      return startConsoleConversation(
        ctx.db,
        { businessId: ctx.businessId, userId: ctx.userId, callerPhone: input.callerPhone, language: input.language },
        { now: ctx.now, engine: agent.engine, log: agent.log },
      );
    }),

  send: businessProcedure("admin")
    .input(sendConsoleInput)
    .output(sendConsoleOutput)
    .mutation(({ ctx, input }) => {
      const agent = consoleAgentOf(ctx);
      return sendConsoleUtterance(ctx.db, { businessId: ctx.businessId, sessionId: input.sessionId, text: input.text }, { now: ctx.now, engine: agent.engine, log: agent.log });
    }),

  reset: businessProcedure("admin")
    .input(consoleSessionInput)
    .output(z.object({ sessionId: z.string() }))
    .mutation(({ ctx, input }) => resetConsoleConversation(ctx.db, { businessId: ctx.businessId, sessionId: input.sessionId })),

  /** A reply as WAV (base64); the page plays it through /api/console/speech, which calls this. */
  speech: businessProcedure("admin")
    .input(speakConsoleReplyInput)
    .output(z.object({ mimeType: z.literal("audio/wav"), audioBase64: z.string() }))
    .query(({ ctx, input, signal }) =>
      speakConsoleReply(ctx.db, { businessId: ctx.businessId, sessionId: input.sessionId, turnId: input.turnId }, { speech: consoleAgentOf(ctx).speech, signal }),
    ),
});
