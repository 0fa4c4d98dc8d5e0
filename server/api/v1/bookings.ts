// Creating and reading bookings with a business's API key. Creating is safe to retry with an
// Idempotency-Key: the first request answers 201 Created; a retry with the same key answers
// 200 OK with the same booking and `Idempotent-Replayed: true` (of two retries racing each other,
// the second waits on the key's unique index and is answered as a replay). Reusing a key for a
// different booking is refused.
import { getAppointment, type AppointmentView } from "../../scheduling/appointment-view";
import { bookAppointmentWithOutcome } from "../../scheduling/book-appointment";
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

  const { appointment, replayed } = await withHints({ timeField: { field: time.field, in: "body" }, timeZone: business.timezone }, () =>
    bookAppointmentWithOutcome(
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
  if (replayed) {
    // The domain answered with the booking this key made before (its transaction for this
    // request rolled back, writing nothing): the same booking is a retry, anything else a misuse.
    if (!isSameBooking(appointment, { serviceId: body.serviceId, time, phone: body.customer.phone })) {
      throw new ApiProblem(
        "idempotency-key-reused",
        `The Idempotency-Key "${idempotencyKey}" was already used for a different booking (${appointment.id}). Use a new key for a new booking.`,
      );
    }
    return json(toBookingResource(appointment, business.timezone), {
      status: 200,
      headers: { location: bookingPath(business.slug, appointment.id), "idempotent-replayed": "true" },
    });
  }
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

function isSameBooking(previous: AppointmentView, request: { serviceId: string; time: PickedTime; phone: string }): boolean {
  return (
    previous.service.id === request.serviceId &&
    previous.startsAt.getTime() === request.time.startsAt.getTime() &&
    previous.customer.phone === request.phone &&
    (typeof request.time.staffId !== "string" || previous.staff.id === request.time.staffId)
  );
}
