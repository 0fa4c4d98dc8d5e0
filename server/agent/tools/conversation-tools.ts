// business_info, transfer_to_human, take_message, end_conversation: answers about the business
// and the ways a conversation can end. Only take_message writes (an AuditLog row; the session also
// hands the message to the channel, which stores it on the Call).
import { z } from "zod";
import { recordAudit } from "../../audit";
import { clockOf, parseFaq } from "../context/agent-context";
import { matchFaq } from "../understanding/match-faq";
import { resolveService } from "./resolve-catalogue";
import { callerActor, defineTool, failure, WEEKDAY_NAMES } from "./tool-kit";

export type BusinessInfoResult = {
  ok: true;
  name: string;
  timezone: string;
  hours?: Array<{ weekday: string; ranges: Array<{ start: string; end: string }> }>;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  services?: Array<{ id: string; name: string; durationMinutes: number; priceCents: number; currency: string }>;
  faq?: { match: { question: string; answer: string } | null; questions: string[] };
};

export const businessInfoTool = defineTool({
  name: "business_info",
  description:
    "Facts about the business: opening hours, address, contact, services with prices and durations, or an answer from the owner's FAQ (pass the caller's question).",
  input: z.object({
    topic: z.enum(["hours", "address", "contact", "prices", "faq", "all"]),
    question: z.string().trim().max(500).optional().describe("For topic faq: the caller's question, in their words."),
    service: z.string().min(1).optional().describe("For topic prices: one service id or name."),
  }),
  writes: false,
  async run(ctx, input): Promise<BusinessInfoResult> {
    const business = await ctx.db.business.findUniqueOrThrow({
      where: { id: ctx.businessId },
      select: { name: true, timezone: true, address: true, contactPhone: true, email: true, settings: true },
    });
    const result: BusinessInfoResult = { ok: true, name: business.name, timezone: business.timezone };
    const all = input.topic === "all";
    if (all || input.topic === "hours") {
      const rows = await ctx.db.weeklyHours.findMany({
        where: { businessId: ctx.businessId, staffId: null },
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
        select: { weekday: true, startMinute: true, endMinute: true },
      });
      result.hours = WEEKDAY_NAMES.map((weekday, i) => ({
        weekday,
        ranges: rows.filter((r) => r.weekday === i).map((r) => ({ start: clockOf(r.startMinute), end: clockOf(r.endMinute) })),
      }));
    }
    if (all || input.topic === "address") result.address = business.address;
    if (all || input.topic === "contact") Object.assign(result, { phone: business.contactPhone, email: business.email });
    if (all || input.topic === "prices") {
      const services = input.service
        ? [await resolveService(ctx, input.service)]
        : await ctx.db.service.findMany({
            where: { businessId: ctx.businessId, active: true },
            orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
            select: { id: true, name: true, durationMinutes: true, priceCents: true, currency: true },
          });
      result.services = services.map(({ id, name, durationMinutes, priceCents, currency }) => ({ id, name, durationMinutes, priceCents, currency }));
    }
    if (all || input.topic === "faq") {
      const entries = parseFaq(business.settings);
      const match = input.question ? matchFaq(input.question, entries) : undefined;
      result.faq = {
        match: match ? { question: match.entry.question, answer: match.entry.answer } : null,
        questions: entries.map((e) => e.question),
      };
    }
    return result;
  },
});

export const transferToHumanTool = defineTool({
  name: "transfer_to_human",
  description: "Connect the caller to a person at the business (phone calls only). If it fails, offer to take a message.",
  input: z.object({ reason: z.string().trim().min(1).max(300) }),
  writes: false,
  async run(ctx, input) {
    if (ctx.channel === "sms") failure("TRANSFER_UNAVAILABLE", "A text conversation cannot be transferred; offer to take a message.");
    const business = await ctx.db.business.findUniqueOrThrow({ where: { id: ctx.businessId }, select: { contactPhone: true } });
    if (!business.contactPhone) failure("TRANSFER_UNAVAILABLE", "The business has no number to transfer to; offer to take a message.");
    ctx.effects.transfer = { reason: input.reason, to: business.contactPhone! };
    return { ok: true as const, to: business.contactPhone! };
  },
});

export const takeMessageTool = defineTool({
  name: "take_message",
  description: "Leave a message for the business from the caller (what they want, and their name if known). The business sees it with the conversation.",
  input: z.object({
    message: z.string().trim().min(1).max(2000),
    callerName: z.string().trim().min(1).max(120).optional(),
  }),
  writes: true,
  async run(ctx, input) {
    const customer = await ctx.db.customer.findUnique({
      where: { businessId_phone: { businessId: ctx.businessId, phone: ctx.callerPhone } },
      select: { id: true, name: true },
    });
    const callerName = input.callerName ?? customer?.name ?? undefined;
    const message = { text: input.message, callbackPhone: ctx.callerPhone, ...(callerName ? { callerName } : {}) };
    await recordAudit(ctx.db, {
      businessId: ctx.businessId,
      actor: callerActor(ctx),
      action: "message.take",
      entityType: "Conversation",
      entityId: ctx.sessionId,
      after: { ...message, customerId: customer?.id ?? null, channel: ctx.channel },
    });
    ctx.effects.message = message;
    return { ok: true as const };
  },
});

export const endConversationTool = defineTool({
  name: "end_conversation",
  description: "End the conversation after saying goodbye (the call hangs up once the reply has played).",
  input: z.object({ reason: z.string().trim().max(300).optional() }),
  writes: false,
  async run(ctx) {
    ctx.effects.end = true;
    return { ok: true as const };
  },
});
