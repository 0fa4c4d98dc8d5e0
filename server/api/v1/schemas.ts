// The public API's request and response shapes, as zod schemas. Handlers validate with them and
// openapi.ts generates the published JSON Schemas from them, so the description cannot drift from
// what the code accepts and returns. Inputs are strict: an unknown field is refused by name rather
// than silently ignored (a misspelt "startAt" must not book at some default time).
import { z } from "zod";
import { customerDetails } from "../../customers/find-or-create-customer";
import { MAX_RANGE_DAYS } from "../../scheduling/find-available-slots";
import { isKnownTimeZone } from "./local-time";

/** Components published under #/components/schemas, by id. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const DAY_MS = 86_400_000;

const instant = (what: string) =>
  z.iso
    .datetime({ offset: true })
    .meta({ description: `${what}: ISO 8601 date-time with Z or an offset.`, examples: ["2026-11-26T11:00:00-05:00"] })
    .transform((s) => new Date(s));

const ianaZone = z
  .string()
  .check((ctx) => {
    if (!isKnownTimeZone(ctx.value)) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: `Unknown time zone "${ctx.value}": use an IANA name such as "America/New_York" or "Europe/Berlin".` });
    }
  })
  .meta({ description: "IANA time-zone name for startLocal (default: the business's zone).", examples: ["Europe/Berlin"] });

const id = (description: string) => z.string().min(1).max(100).meta({ description });

// ---- Inputs ----

export const availabilityQuery = z
  .strictObject({
    service: id("Service id, from GET …/services."),
    from: instant("Start of the window"),
    to: instant("End of the window (exclusive)"),
    staff: id("Only this staff member's slots (default: anyone).").optional(),
    timezone: ianaZone.optional(),
  })
  .check((ctx) => {
    const { from, to } = ctx.value;
    // Runs even when a field failed (format issues do not abort); then there is nothing to compare.
    if (!(from instanceof Date) || !(to instanceof Date)) return;
    if (to <= from) ctx.issues.push({ code: "custom", input: ctx.value, path: ["to"], message: "to must be after from." });
    else if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      ctx.issues.push({ code: "custom", input: ctx.value, path: ["to"], message: `Ask for at most ${MAX_RANGE_DAYS} days at a time.` });
    }
  });

const pickOneTime = (what: "booking" | "move") => (ctx: z.core.ParsePayload<{ startsAt?: Date; slotId?: string }>) => {
  const { startsAt, slotId } = ctx.value;
  if ((startsAt === undefined) === (slotId === undefined)) {
    const message = `Give exactly one of slotId (from availability) or startsAt for the ${what}.`;
    for (const field of ["slotId", "startsAt"]) ctx.issues.push({ code: "custom", input: ctx.value, path: [field], message });
  }
};

/** The domain's customer rules, strict about unknown fields. */
export const customerInput = z
  .strictObject({
    ...customerDetails.shape,
    phone: customerDetails.shape.phone.meta({ description: "E.164 phone number.", examples: ["+15551234567"] }),
  })
  .meta({ description: "Who the booking is for; matched to an existing customer by phone." });
apiSchemas.add(customerInput, { id: "CustomerInput" });

export const createBookingBody = z
  .strictObject({
    serviceId: id("Service id, from GET …/services."),
    slotId: z.string().min(1).max(300).optional().meta({ description: "A slotId from availability (preferred: it carries the time and staff choice)." }),
    startsAt: instant("Start time, when no slotId is given").optional(),
    staffId: id("A specific staff member; null or absent for anyone free.").nullish(),
    customer: customerInput,
    notes: z.string().trim().max(2000).optional(),
  })
  .check(pickOneTime("booking"))
  .meta({ description: "Give exactly one of slotId or startsAt." });
apiSchemas.add(createBookingBody, { id: "CreateBookingRequest" });

export const rescheduleBody = z
  .strictObject({
    slotId: z.string().min(1).max(300).optional().meta({ description: "A slotId from availability for the booking's service." }),
    startsAt: instant("New start time, when no slotId is given").optional(),
    staffId: id("A staff member; null for anyone free; absent keeps the same person (or the slot's choice).").nullish(),
  })
  .check(pickOneTime("move"))
  .meta({ description: "Give exactly one of slotId or startsAt." });
apiSchemas.add(rescheduleBody, { id: "RescheduleRequest" });

export const cancelBody = z.strictObject({ reason: z.string().trim().max(500).optional() });
apiSchemas.add(cancelBody, { id: "CancelRequest" });

export const idempotencyKeyHeader = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .meta({ description: "Makes a booking request safe to retry: the same key returns the booking it made the first time." });

// ---- Outputs (plain JSON: instants as ISO strings) ----

const isoString = z.string().meta({ format: "date-time" });
const localString = z.string().meta({ description: "Wall-clock time with its UTC offset in the business's zone (or the requested timezone).", examples: ["2026-11-26T11:00:00-05:00"] });

export const serviceResource = z.object({
  id: z.string(),
  name: z.string(),
  durationMinutes: z.number().int(),
  priceCents: z.number().int(),
  currency: z.string(),
  staff: z.array(z.object({ id: z.string(), name: z.string() })).meta({ description: "Who performs the service." }),
});
apiSchemas.add(serviceResource, { id: "Service" });

export const servicesResponse = z.object({
  business: z.object({ slug: z.string(), name: z.string(), timezone: z.string() }),
  services: z.array(serviceResource),
});
apiSchemas.add(servicesResponse, { id: "ServiceList" });

export const slotResource = z.object({
  slotId: z.string().meta({ description: "Opaque; pass it to create or reschedule a booking." }),
  startsAt: isoString,
  endsAt: isoString,
  startLocal: localString,
  staffIds: z.array(z.string()).meta({ description: "Staff free at this time." }),
});
apiSchemas.add(slotResource, { id: "Slot" });

export const availabilityResponse = z.object({
  business: z.object({ slug: z.string(), name: z.string(), timezone: z.string() }),
  service: z.object({ id: z.string(), name: z.string(), durationMinutes: z.number().int() }),
  staffId: z.string().nullable(),
  timezone: z.string().meta({ description: "The zone startLocal is given in." }),
  from: isoString,
  to: isoString,
  slots: z.array(slotResource),
});
apiSchemas.add(availabilityResponse, { id: "Availability" });

export const bookingResource = z.object({
  id: z.string(),
  status: z.enum(["held", "booked", "completed", "cancelled", "no_show"]),
  startsAt: isoString,
  endsAt: isoString,
  startLocal: localString,
  timezone: z.string(),
  service: z.object({ id: z.string(), name: z.string(), durationMinutes: z.number().int(), priceCents: z.number().int() }),
  staff: z.object({ id: z.string(), name: z.string() }),
  customer: z.object({ id: z.string(), name: z.string().nullable(), phone: z.string(), email: z.string().nullable() }),
  notes: z.string().nullable(),
  rescheduledFromId: z.string().nullable().meta({ description: "The booking this one replaced, after a reschedule." }),
  createdAt: isoString,
});
apiSchemas.add(bookingResource, { id: "Booking" });

export const problemResource = z
  .object({
    type: z.string().meta({ format: "uri-reference", description: "Identifies the kind of problem; compare it, do not parse the title." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "What went wrong with this request and what to do next." }),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          in: z.enum(["body", "query", "path", "header"]),
          pointer: z.string().optional().meta({ description: "JSON Pointer into the request body." }),
          detail: z.string(),
        }),
      )
      .optional()
      .meta({ description: "Each invalid field, for invalid-request (and the time field for slot-taken / outside-hours)." }),
    alternatives: z.array(slotResource).optional().meta({ description: "Nearest bookable times (slot-taken, outside-hours)." }),
  })
  .meta({ description: "RFC 9457 problem details." });
apiSchemas.add(problemResource, { id: "Problem" });

export type ServicesResponse = z.infer<typeof servicesResponse>;
export type SlotResource = z.infer<typeof slotResource>;
export type AvailabilityResponse = z.infer<typeof availabilityResponse>;
export type BookingResource = z.infer<typeof bookingResource>;
