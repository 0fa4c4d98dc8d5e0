// Creating and reading bookings with a business's API key. Creating is safe to retry with an
// Idempotency-Key: the first request answers 201 Created; a retry with the same key answers
// 200 OK with the same booking and `Idempotent-Replayed: true` (two retries racing each other may
// both see 201, still with the one booking). Reusing a key for a different booking is refused.
import { appointmentSelect, getAppointment, type AppointmentView } from "../../scheduling/appointment-view";
import { bookAppointment } from "../../scheduling/book-appointment";
import type { Db } from "../../db";
import { apiActor, authorize } from "./auth";
import { apiRoute, json, parseWith, readJsonBody } from "./http";
import { assertSlotForService, resolvePickedTime, type PickedTime } from "./picked-time";
import { ApiProblem, invalidField, withHints } from "./problems";
import { explainNotFound } from "./references";
import { toBookingResource } from "./resources";
import { createBookingBody, idempotencyKeyHeader } from "./schemas";

export const bookingPath = (slug: string, id: string) => `/api/v1/businesses/${encodeURIComponent(slug)}/bookings/${encodeURIComponent(id)}`;

export const createBooking = apiRoute("POST", "/api/v1/businesses/{slug}/bookings", async ({ db, request, now, params }) => {
  const access = await authorize(db, request, params.slug, { need: "key", now });
  const { business } = access;
  const body = parseWith(createBookingBody, await readJsonBody(request), "body");
  const idempotencyKey = readIdempotencyKey(request);
  const time = resolvePickedTime(body);
  assertSlotForService(time, body.serviceId);

  if (idempotencyKey) {
    const previous = await findByIdempotencyKey(db, business.id, idempotencyKey);
    if (previous) {
      if (!isSameBooking(previous, { serviceId: body.serviceId, time, phone: body.customer.phone })) {
        throw new ApiProblem(
          "idempotency-key-reused",
          `The Idempotency-Key "${idempotencyKey}" was already used for a different booking (${previous.id}). Use a new key for a new booking.`,
        );
      }
      return json(toBookingResource(previous, business.timezone), {
        status: 200,
        headers: { location: bookingPath(business.slug, previous.id), "idempotent-replayed": "true" },
      });
    }
  }

  const appointment = await withHints({ timeField: { field: time.field, in: "body" }, timeZone: business.timezone }, () =>
    bookAppointment(
      db,
      {
        businessId: business.id,
        serviceId: body.serviceId,
        startsAt: time.startsAt,
        staffId: time.staffId,
        customer: body.customer,
        notes: body.notes || undefined,
        idempotencyKey,
      },
      { actor: apiActor(access), now },
    ).catch(async (error: unknown) => {
      throw await explainNotFound(db, error, {
        businessId: business.id,
        slug: business.slug,
        service: { field: "serviceId", in: "body", id: body.serviceId },
        staff: time.staffId ? { field: body.staffId ? "staffId" : "slotId", in: "body", id: time.staffId } : null,
      });
    }),
  );
  return json(toBookingResource(appointment, business.timezone), { status: 201, headers: { location: bookingPath(business.slug, appointment.id) } });
});

export const getBooking = apiRoute("GET", "/api/v1/businesses/{slug}/bookings/{id}", async ({ db, request, now, params }) => {
  const access = await authorize(db, request, params.slug, { need: "key", now });
  const appointment = await getAppointment(db, { businessId: access.business.id, appointmentId: params.id });
  if (!appointment) throw noSuchBooking(params.id);
  return json(toBookingResource(appointment, access.business.timezone));
});

export function noSuchBooking(id: string): ApiProblem {
  return new ApiProblem("not-found", `No booking "${id}" exists at this business. Check the id returned when it was created.`);
}

function readIdempotencyKey(request: Request): string | undefined {
  const raw = request.headers.get("idempotency-key");
  if (raw === null) return undefined;
  const parsed = idempotencyKeyHeader.safeParse(raw);
  if (!parsed.success) throw invalidField("Idempotency-Key", "header", "Use 1 to 200 characters, e.g. a UUID generated for this booking.");
  return parsed.data;
}

function findByIdempotencyKey(db: Db, businessId: string, idempotencyKey: string): Promise<AppointmentView | null> {
  return db.appointment.findUnique({ where: { businessId_idempotencyKey: { businessId, idempotencyKey } }, select: appointmentSelect });
}

function isSameBooking(previous: AppointmentView, request: { serviceId: string; time: PickedTime; phone: string }): boolean {
  return (
    previous.service.id === request.serviceId &&
    previous.startsAt.getTime() === request.time.startsAt.getTime() &&
    previous.customer.phone === request.phone &&
    (typeof request.time.staffId !== "string" || previous.staff.id === request.time.staffId)
  );
}
