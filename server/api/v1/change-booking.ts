// Moving and cancelling a booking with the business's API key. A move is atomic (the domain
// cancels the old booking and books the new time in one transaction): when the new time fails,
// the old booking stands. The moved booking has a new id; its rescheduledFromId names the old one.
import { AppError } from "../../errors";
import type { Db } from "../../db";
import { cancelAppointment } from "../../scheduling/cancel-appointment";
import { rescheduleAppointment } from "../../scheduling/reschedule-appointment";
import { apiActor, authorize } from "./auth";
import { bookingPath, noSuchBooking } from "./bookings";
import { apiRoute, json, parseWith, readJsonBody } from "./http";
import { assertSlotForService, resolvePickedTime } from "./picked-time";
import { withHints } from "./problems";
import { explainNotFound } from "./references";
import { toBookingResource } from "./resources";
import { cancelBody, rescheduleBody } from "./schemas";

export const rescheduleBooking = apiRoute("POST", "/api/v1/businesses/{slug}/bookings/{id}/reschedule", async ({ db, request, now, params }) => {
  const access = await authorize(db, request, params.slug, { need: "key", now });
  const { business } = access;
  const body = parseWith(rescheduleBody, await readJsonBody(request), "body");
  const time = resolvePickedTime(body);
  if (time.slotServiceId !== undefined) {
    const booking = await db.appointment.findFirst({ where: { id: params.id, businessId: business.id }, select: { serviceId: true } });
    if (!booking) throw noSuchBooking(params.id);
    assertSlotForService(time, booking.serviceId);
  }
  const moved = await withHints({ timeField: { field: time.field, in: "body" }, timeZone: business.timezone }, () =>
    rescheduleAppointment(db, { businessId: business.id, appointmentId: params.id, startsAt: time.startsAt, staffId: time.staffId }, { actor: apiActor(access), now }).catch(
      async (error: unknown) => {
        if (!isNotFound(error)) throw error;
        if (!(await bookingExists(db, business.id, params.id))) throw noSuchBooking(params.id);
        throw await explainNotFound(db, error, {
          businessId: business.id,
          slug: business.slug,
          staff: time.staffId ? { field: body.staffId ? "staffId" : "slotId", in: "body", id: time.staffId } : null,
        });
      },
    ),
  );
  return json(toBookingResource(moved, business.timezone), { headers: { "content-location": bookingPath(business.slug, moved.id) } });
});

export const cancelBooking = apiRoute("POST", "/api/v1/businesses/{slug}/bookings/{id}/cancel", async ({ db, request, now, params }) => {
  const access = await authorize(db, request, params.slug, { need: "key", now });
  const body = parseWith(cancelBody, await readJsonBody(request, { optional: true }), "body");
  const cancelled = await cancelAppointment(
    db,
    { businessId: access.business.id, appointmentId: params.id, reason: body.reason || undefined },
    { actor: apiActor(access), now },
  ).catch((error: unknown) => {
    throw isNotFound(error) ? noSuchBooking(params.id) : error;
  });
  return json(toBookingResource(cancelled, access.business.timezone));
});

const isNotFound = (error: unknown) => error instanceof AppError && error.code === "NOT_FOUND";

async function bookingExists(db: Db, businessId: string, id: string): Promise<boolean> {
  return (await db.appointment.count({ where: { id, businessId } })) > 0;
}
