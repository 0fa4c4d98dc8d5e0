// join_waitlist: puts the caller in line for a service on a day (or range of days) that is full.
// Local days and times become instants here, in the business's zone, never in the engine.
import { z } from "zod";
import { customerDetails } from "../../customers/find-or-create-customer";
import { addDays, localDateTimeToInstant } from "../../time/local-calendar";
import { joinWaitlist } from "../../waitlist/join-waitlist";
import { resolveService, resolveStaff } from "./resolve-catalogue";
import { businessZone, callerActor, defineTool, failure } from "./tool-kit";

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates look like 2026-11-24");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "times look like 15:30");

export type JoinWaitlistResult = {
  ok: true;
  created: boolean;
  entry: { waitlistId: string; service: { id: string; name: string }; fromDate: string; toDate: string; after: string | null; before: string | null };
};

export const joinWaitlistTool = defineTool({
  name: "join_waitlist",
  description:
    "Put the caller on the waitlist for a service on a day or range of days (e.g. when check_availability says the day is full). The business texts them when a matching time frees up.",
  input: z.object({
    service: z.string().min(1).describe("Service id from the context."),
    staff: z.string().min(1).optional().describe("Staff member id or name; omit for anyone."),
    date: localDate.optional(),
    fromDate: localDate.optional(),
    toDate: localDate.optional(),
    after: clock.optional(),
    before: clock.optional(),
    customerName: z.string().trim().min(1).max(120).optional(),
  }),
  writes: true,
  async run(ctx, input): Promise<JoinWaitlistResult> {
    const phone = customerDetails.shape.phone.safeParse(ctx.callerPhone);
    if (!phone.success) failure("NO_CALLER_ID", "The caller's number is unknown, so they cannot join the waitlist.");
    const service = await resolveService(ctx, input.service);
    const staff = input.staff ? await resolveStaff(ctx, input.staff, service) : null;
    const fromDate = input.date ?? input.fromDate;
    const toDate = input.date ?? input.toDate ?? fromDate;
    if (!fromDate || !toDate) failure("INVALID_INPUT", "Give a date, or fromDate and toDate.");
    const existing = await ctx.db.customer.findUnique({
      where: { businessId_phone: { businessId: ctx.businessId, phone: ctx.callerPhone } },
      select: { name: true },
    });
    const name = existing?.name ?? input.customerName;
    if (!name) failure("NAME_REQUIRED", "Ask the caller's name first and pass it as customerName.");

    const zone = await businessZone(ctx);
    const [ah, am] = (input.after ?? "00:00").split(":").map(Number);
    const earliest = new Date(localDateTimeToInstant(fromDate!, { hour: ah ?? 0, minute: am ?? 0 }, zone));
    const latest = input.before
      ? new Date(localDateTimeToInstant(toDate!, { hour: Number(input.before.slice(0, 2)), minute: Number(input.before.slice(3)) }, zone))
      : new Date(localDateTimeToInstant(addDays(toDate!, 1), { hour: 0, minute: 0 }, zone));
    const { entry, created } = await joinWaitlist(
      ctx.db,
      { businessId: ctx.businessId, serviceId: service.id, staffId: staff?.id ?? null, customer: { phone: ctx.callerPhone, name }, earliest, latest },
      { actor: callerActor(ctx), now: ctx.now() },
    );
    return {
      ok: true,
      created,
      entry: { waitlistId: entry.id, service: { id: service.id, name: service.name }, fromDate: fromDate!, toDate: toDate!, after: input.after ?? null, before: input.before ?? null },
    };
  },
});
