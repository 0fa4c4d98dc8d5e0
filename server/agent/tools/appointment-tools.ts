// book_appointment, find_my_appointments, reschedule_appointment, cancel_appointment: the caller's
// own appointments, through the same scheduling commands every channel uses. The caller is the
// phone number of the conversation; an appointment id is honoured only if it is that caller's,
// and a slot id only if this session's check_availability handed it out.
import { z } from "zod";
import { customerDetails } from "../../customers/find-or-create-customer";
import { bookAppointment } from "../../scheduling/book-appointment";
import { cancelAppointment } from "../../scheduling/cancel-appointment";
import { rescheduleAppointment } from "../../scheduling/reschedule-appointment";
import { decodeSlotId } from "../../scheduling/slot-id";
import { appointmentJson, type AppointmentJson, businessZone, callerActor, defineTool, failure, type ToolContext } from "./tool-kit";

const appointmentFields = {
  id: true, status: true, startsAt: true, serviceId: true,
  service: { select: { id: true, name: true } },
  staff: { select: { id: true, name: true } },
} as const;

function issuedSlot(ctx: ToolContext, slotId: string) {
  if (!ctx.issuedSlotIds.has(slotId)) {
    failure("UNKNOWN_SLOT", "That slot id was not given out by check_availability in this conversation. Check availability and use one of its slot ids.");
  }
  return decodeSlotId(slotId);
}

function callerPhone(ctx: ToolContext): string {
  const parsed = customerDetails.shape.phone.safeParse(ctx.callerPhone);
  if (!parsed.success) failure("NO_CALLER_ID", "The caller's number is unknown, so appointments cannot be booked or changed in this conversation.");
  return parsed.data!;
}

async function callersAppointment(ctx: ToolContext, appointmentId: string) {
  const appointment = await ctx.db.appointment.findFirst({
    where: { id: appointmentId, businessId: ctx.businessId, customer: { phone: callerPhone(ctx) } },
    select: appointmentFields,
  });
  if (!appointment) failure("NOT_FOUND", "The caller has no appointment with that id. Use find_my_appointments.");
  return appointment!;
}

export type BookAppointmentResult = { ok: true; appointment: AppointmentJson; customerName: string };

export const bookAppointmentTool = defineTool({
  name: "book_appointment",
  description:
    "Book a slot for the caller. Takes only a slot id from check_availability. Read back weekday, date, time and service and get a yes first. A caller without a name on file must give one (customerName).",
  input: z.object({
    slotId: z.string().min(1),
    customerName: z.string().trim().min(1).max(120).optional().describe("The caller's name, required when the context has none."),
    notes: z.string().trim().max(500).optional(),
  }),
  writes: true,
  async run(ctx, input): Promise<BookAppointmentResult> {
    const slot = issuedSlot(ctx, input.slotId);
    const phone = callerPhone(ctx);
    const existing = await ctx.db.customer.findUnique({ where: { businessId_phone: { businessId: ctx.businessId, phone } }, select: { name: true } });
    const name = existing?.name ?? input.customerName;
    if (!name) failure("NAME_REQUIRED", "Ask the caller's name before booking and pass it as customerName.");
    const book = (idempotencyKey: string) =>
      bookAppointment(
        ctx.db,
        {
          businessId: ctx.businessId,
          serviceId: slot.serviceId,
          startsAt: new Date(slot.startMs),
          staffId: slot.staffId,
          customer: { phone, name },
          notes: input.notes,
          idempotencyKey,
        },
        { actor: callerActor(ctx), now: ctx.now() },
      );
    // The key makes a repeated call in this conversation return the same appointment instead of a
    // second one; if that appointment has since been cancelled, this is a new booking.
    const key = `agent:${ctx.sessionId}:${input.slotId}`;
    let appointment = await book(key);
    if (appointment.status !== "booked") appointment = await book(`${key}:${ctx.now().getTime()}`);
    return { ok: true, appointment: appointmentJson(appointment, await businessZone(ctx)), customerName: name! };
  },
});

export type FindMyAppointmentsResult = { ok: true; customerName: string | null; appointments: AppointmentJson[] };

export const findMyAppointmentsTool = defineTool({
  name: "find_my_appointments",
  description: "The caller's upcoming appointments (recognised by the phone number they are calling from), with the ids reschedule and cancel need.",
  input: z.object({}),
  writes: false,
  async run(ctx): Promise<FindMyAppointmentsResult> {
    const phone = callerPhone(ctx);
    const customer = await ctx.db.customer.findUnique({ where: { businessId_phone: { businessId: ctx.businessId, phone } }, select: { id: true, name: true } });
    if (!customer) return { ok: true, customerName: null, appointments: [] };
    const rows = await ctx.db.appointment.findMany({
      where: { businessId: ctx.businessId, customerId: customer.id, status: "booked", startsAt: { gt: ctx.now() } },
      orderBy: { startsAt: "asc" },
      take: 10,
      select: appointmentFields,
    });
    const zone = await businessZone(ctx);
    return { ok: true, customerName: customer.name, appointments: rows.map((a) => appointmentJson(a, zone)) };
  },
});

export type RescheduleAppointmentResult = { ok: true; appointment: AppointmentJson; previous: AppointmentJson };

export const rescheduleAppointmentTool = defineTool({
  name: "reschedule_appointment",
  description:
    "Move one of the caller's appointments (id from find_my_appointments) to a slot id from check_availability for the same service. Read back the old and new times and get a yes first.",
  input: z.object({ appointmentId: z.string().min(1), slotId: z.string().min(1) }),
  writes: true,
  async run(ctx, input): Promise<RescheduleAppointmentResult> {
    const slot = issuedSlot(ctx, input.slotId);
    const old = await callersAppointment(ctx, input.appointmentId);
    if (slot.serviceId !== old.serviceId) {
      failure("SERVICE_MISMATCH", `That slot is for another service; check availability for ${old.service.name}.`);
    }
    const moved = await rescheduleAppointment(
      ctx.db,
      { businessId: ctx.businessId, appointmentId: old.id, startsAt: new Date(slot.startMs), staffId: slot.staffId },
      { actor: callerActor(ctx), now: ctx.now() },
    );
    const zone = await businessZone(ctx);
    return { ok: true, appointment: appointmentJson(moved, zone), previous: appointmentJson(old, zone) };
  },
});

export type CancelAppointmentResult = { ok: true; appointment: AppointmentJson };

export const cancelAppointmentTool = defineTool({
  name: "cancel_appointment",
  description: "Cancel one of the caller's appointments (id from find_my_appointments). Read it back and get a yes first.",
  input: z.object({ appointmentId: z.string().min(1), reason: z.string().trim().max(500).optional() }),
  writes: true,
  async run(ctx, input): Promise<CancelAppointmentResult> {
    const appointment = await callersAppointment(ctx, input.appointmentId);
    const cancelled = await cancelAppointment(
      ctx.db,
      { businessId: ctx.businessId, appointmentId: appointment.id, reason: input.reason },
      { actor: callerActor(ctx), now: ctx.now() },
    );
    return { ok: true, appointment: appointmentJson(cancelled, await businessZone(ctx)) };
  },
});
