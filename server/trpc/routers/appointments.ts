// The dashboard's appointments: the day and week lists, the booking form's options and free
// slots, and the book / reschedule / cancel / no-show commands, each one domain call. A time that
// cannot be booked (SLOT_TAKEN, OUTSIDE_HOURS) is an answer here, not an error: the dialog shows
// the nearest free times the domain found, which a tRPC error would not carry to the browser.
import { z } from "zod";
import type { Actor } from "../../audit";
import { customerDetails } from "../../customers/find-or-create-customer";
import { AppError } from "../../errors";
import { bookAppointment } from "../../scheduling/book-appointment";
import { cancelAppointment } from "../../scheduling/cancel-appointment";
import { listAppointments, localDateInput } from "../../scheduling/list-appointments";
import { listSlotsOnDay } from "../../scheduling/list-slots-on-day";
import { listStaffAndServices } from "../../scheduling/list-staff-and-services";
import { markNoShow } from "../../scheduling/mark-no-show";
import { rescheduleAppointment } from "../../scheduling/reschedule-appointment";
import type { SlotAlternative } from "../../scheduling/slot-errors";
import { decodeSlotId } from "../../scheduling/slot-id";
import { businessProcedure, router } from "../init";

const status = z.enum(["held", "booked", "completed", "cancelled", "no_show"]);

const slot = z.object({ slotId: z.string(), startsAt: z.date(), endsAt: z.date(), staffIds: z.array(z.string()) });

const appointment = z.object({
  id: z.string(),
  status,
  startsAt: z.date(),
  endsAt: z.date(),
  notes: z.string().nullable(),
  service: z.object({ id: z.string(), name: z.string(), durationMinutes: z.number() }),
  staff: z.object({ id: z.string(), name: z.string() }),
  customer: z.object({ id: z.string(), name: z.string().nullable(), phone: z.string(), email: z.string().nullable() }),
});

const listOutput = z.object({
  timezone: z.string(),
  range: z.enum(["day", "week"]),
  date: z.string(),
  today: z.string(),
  days: z.array(z.string()),
  from: z.date(),
  to: z.date(),
  window: z.object({ startMinute: z.number(), endMinute: z.number() }),
  staff: z.array(z.object({ id: z.string(), name: z.string(), color: z.string().nullable(), active: z.boolean() })),
  appointments: z.array(
    appointment.extend({
      staff: z.object({ id: z.string(), name: z.string(), color: z.string().nullable() }),
      localDate: z.string(),
      startMinute: z.number(),
      endMinute: z.number(),
    }),
  ),
});

const optionsOutput = z.object({
  timezone: z.string(),
  services: z.array(
    z.object({ id: z.string(), name: z.string(), durationMinutes: z.number(), priceCents: z.number(), currency: z.string(), staffIds: z.array(z.string()) }),
  ),
  staff: z.array(z.object({ id: z.string(), name: z.string(), color: z.string().nullable() })),
});

const availabilityOutput = z.object({
  date: z.string(),
  today: z.string(),
  timezone: z.string(),
  service: z.object({ id: z.string(), name: z.string(), durationMinutes: z.number() }),
  slots: z.array(slot),
});

/** A booking or move either happened, or the time was not free and here are the nearest that are. */
const slotOutcome = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), appointment }),
  z.object({ ok: z.literal(false), code: z.enum(["SLOT_TAKEN", "OUTSIDE_HOURS"]), message: z.string(), alternatives: z.array(slot) }),
]);

/** A time picked either as a slot id handed out by `availability`, or as the instant itself. */
const pickedTime = {
  slotId: z.string().min(1).optional(),
  startsAt: z.coerce.date().optional(),
};
const onePickedTime = (input: { slotId?: string; startsAt?: Date }) => (input.slotId === undefined) !== (input.startsAt === undefined);
const pickOneTime = { message: "Pick a time.", path: ["startsAt"] };

const bookInput = z
  .object({
    serviceId: z.string().min(1),
    ...pickedTime,
    /** null: anyone who performs the service. */
    staffId: z.string().min(1).nullish(),
    customer: customerDetails,
    notes: z.string().trim().max(2000).optional(),
    idempotencyKey: z.string().trim().min(1).max(200).optional(),
  })
  .refine(onePickedTime, pickOneTime);

const rescheduleInput = z
  .object({
    appointmentId: z.string().min(1),
    ...pickedTime,
    /** Absent: the same staff member. null: anyone free. */
    staffId: z.string().min(1).nullish(),
  })
  .refine(onePickedTime, pickOneTime);

const dashboardActor = (userId: string): Actor => ({ type: "user", id: userId, channel: "dashboard" });

/** The instant and staff a picked time stands for; a slot id carries its own staff choice. */
function resolveTime(input: { slotId?: string; startsAt?: Date; staffId?: string | null }, serviceId?: string) {
  if (!input.slotId) return { startsAt: input.startsAt!, staffId: input.staffId };
  const ref = decodeSlotId(input.slotId);
  if (serviceId && ref.serviceId !== serviceId) throw new AppError("INVALID_INPUT", "That time was offered for another service. Pick a time again.");
  return { startsAt: new Date(ref.startMs), staffId: input.staffId !== undefined ? input.staffId : ref.staffId };
}

async function asSlotOutcome(command: () => Promise<z.infer<typeof appointment>>): Promise<z.infer<typeof slotOutcome>> {
  try {
    return { ok: true, appointment: await command() };
  } catch (error) {
    if (error instanceof AppError && (error.code === "SLOT_TAKEN" || error.code === "OUTSIDE_HOURS")) {
      const data = error.data as { alternatives?: SlotAlternative[] } | undefined;
      return { ok: false, code: error.code, message: error.message, alternatives: data?.alternatives ?? [] };
    }
    throw error;
  }
}

export const appointmentsRouter = router({
  list: businessProcedure("staff")
    .input(z.object({ range: z.enum(["day", "week"]), date: localDateInput.optional() }))
    .output(listOutput)
    .query(({ ctx, input }) => listAppointments(ctx.db, { businessId: ctx.businessId, range: input.range, date: input.date }, { now: ctx.now() })),

  options: businessProcedure("staff")
    .output(optionsOutput)
    .query(({ ctx }) => listStaffAndServices(ctx.db, { businessId: ctx.businessId })),

  availability: businessProcedure("staff")
    .input(z.object({ serviceId: z.string().min(1), staffId: z.string().min(1).nullish(), date: localDateInput }))
    .output(availabilityOutput)
    .query(({ ctx, input }) =>
      listSlotsOnDay(ctx.db, { businessId: ctx.businessId, serviceId: input.serviceId, staffId: input.staffId, date: input.date }, { now: ctx.now() }),
    ),

  book: businessProcedure("staff")
    .input(bookInput)
    .output(slotOutcome)
    .mutation(({ ctx, input }) => {
      const { startsAt, staffId } = resolveTime(input, input.serviceId);
      return asSlotOutcome(() =>
        bookAppointment(
          ctx.db,
          {
            businessId: ctx.businessId,
            serviceId: input.serviceId,
            startsAt,
            staffId,
            customer: input.customer,
            notes: input.notes || undefined,
            idempotencyKey: input.idempotencyKey,
          },
          { actor: dashboardActor(ctx.userId), now: ctx.now() },
        ),
      );
    }),

  reschedule: businessProcedure("staff")
    .input(rescheduleInput)
    .output(slotOutcome)
    .mutation(({ ctx, input }) => {
      const { startsAt, staffId } = resolveTime(input);
      return asSlotOutcome(() =>
        rescheduleAppointment(
          ctx.db,
          { businessId: ctx.businessId, appointmentId: input.appointmentId, startsAt, staffId },
          { actor: dashboardActor(ctx.userId), now: ctx.now() },
        ),
      );
    }),

  cancel: businessProcedure("staff")
    .input(z.object({ appointmentId: z.string().min(1), reason: z.string().trim().max(500).optional() }))
    .output(appointment)
    .mutation(({ ctx, input }) =>
      cancelAppointment(
        ctx.db,
        { businessId: ctx.businessId, appointmentId: input.appointmentId, reason: input.reason || undefined },
        { actor: dashboardActor(ctx.userId), now: ctx.now() },
      ),
    ),

  markNoShow: businessProcedure("staff")
    .input(z.object({ appointmentId: z.string().min(1) }))
    .output(appointment)
    .mutation(({ ctx, input }) =>
      markNoShow(ctx.db, { businessId: ctx.businessId, appointmentId: input.appointmentId }, { actor: dashboardActor(ctx.userId), now: ctx.now() }),
    ),
});
