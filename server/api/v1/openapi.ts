// The OpenAPI 3.1 description served at GET /api/v1/openapi.json. Schemas are generated from the
// zod schemas the handlers validate with (schemas.ts), and the problem examples are produced by
// the same mapping the handlers answer with (problems.ts), so the document cannot drift from the
// code. tests/api/openapi.int.test.ts checks that every route is described.
import { z } from "zod";
import { AppError } from "../../errors";
import { encodeSlotId } from "../../scheduling/slot-id";
import { apiRoute, json, MAX_BODY_BYTES } from "./http";
import { problemTypes, problemTypeUri, type ProblemType } from "./problem-types";
import { invalidField, toProblem, type ProblemHints } from "./problems";
import { apiSchemas, availabilityQuery, type BookingResource } from "./schemas";

type JsonObject = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const exampleSlotId = encodeSlotId({ serviceId: "svc_mens_cut", startMs: Date.parse("2026-11-26T16:30:00Z"), staffId: null });

const exampleBooking: BookingResource = {
  id: "appt_3f9k2",
  status: "booked",
  startsAt: "2026-11-26T16:00:00.000Z",
  endsAt: "2026-11-26T16:30:00.000Z",
  startLocal: "2026-11-26T11:00:00-05:00",
  timezone: "America/New_York",
  service: { id: "svc_mens_cut", name: "Men's haircut", durationMinutes: 30, priceCents: 3500 },
  staff: { id: "staff_maya", name: "Maya Chen" },
  customer: { id: "cust_81", name: "Jo Caller", phone: "+15551234567", email: null },
  notes: null,
  rescheduledFromId: null,
  createdAt: "2026-11-24T14:05:12.000Z",
};

function problemExample(error: unknown, hints?: ProblemHints) {
  return { value: toProblem(error, { instance: "/api/v1/businesses/bloom-hair-studio/bookings", hints }).problem };
}

const alternatives = [
  { slotId: exampleSlotId, startsAt: new Date("2026-11-26T16:30:00Z"), endsAt: new Date("2026-11-26T17:00:00Z"), staffIds: ["staff_maya"] },
];

const problemExamples = {
  "invalid-request": problemExample(invalidField("customer.phone", "body", "Phone numbers must be in international format, e.g. +15551234567")),
  "slot-taken": problemExample(new AppError("SLOT_TAKEN", "That time was just taken.", { alternatives }), {
    timeField: { field: "slotId", in: "body" },
    timeZone: "America/New_York",
  }),
  "outside-hours": problemExample(new AppError("OUTSIDE_HOURS", "That time is not bookable for this service.", { alternatives }), {
    timeField: { field: "startsAt", in: "body" },
    timeZone: "America/New_York",
  }),
};

function problemResponse(description: string, types: ProblemType[]) {
  const examples = Object.fromEntries(
    types.map((type) => [
      type,
      type in problemExamples
        ? problemExamples[type as keyof typeof problemExamples]
        : { value: { type: problemTypeUri(type), title: problemTypes[type].title, status: problemTypes[type].status, detail: problemTypes[type].description } },
    ]),
  );
  return { description, content: { "application/problem+json": { schema: ref("Problem"), examples } } };
}

/** Responses every business route can give. */
function commonProblems(auth: "key" | "public-read") {
  return {
    "401": problemResponse(auth === "key" ? "No API key, or a revoked or unknown one." : "The business keeps availability private and no valid key was sent.", ["unauthenticated"]),
    "404": problemResponse("No such business for this key (or route).", ["not-found"]),
    "500": problemResponse("Unexpected failure; nothing internal is disclosed.", ["internal-error"]),
    "503": problemResponse("Overloaded: nothing was written; retry after Retry-After seconds.", ["service-busy"]),
  };
}

const bodyProblems = {
  "400": problemResponse("Invalid field values or malformed JSON; nothing was written.", ["invalid-request", "malformed-json"]),
  "413": problemResponse(`Body larger than ${MAX_BODY_BYTES / 1024} KiB.`, ["payload-too-large"]),
  "415": problemResponse("Body not sent as application/json.", ["unsupported-media-type"]),
};

const slugParam = { name: "slug", in: "path", required: true, description: "The business's slug, e.g. bloom-hair-studio.", schema: { type: "string" } };
const idParam = { name: "id", in: "path", required: true, description: "Booking id.", schema: { type: "string" } };
const publicRead = [{}, { bearerAuth: [] }];
const keyOnly = [{ bearerAuth: [] }];

function jsonBody(schemaId: string, example: unknown, required = true) {
  return { required, content: { "application/json": { schema: ref(schemaId), examples: { example: { value: example } } } } };
}

function ok(description: string, schemaId: string, example?: unknown, headers?: JsonObject) {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { "application/json": { schema: ref(schemaId), ...(example ? { examples: { example: { value: example } } } : {}) } },
  };
}

function queryParameters(schema: z.ZodObject): JsonObject[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { $schema: _ignored, description, ...jsonSchema } = z.toJSONSchema(field as z.ZodType, { io: "input", override: dropDateTimePattern });
    return { name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, description, schema: jsonSchema };
  });
}

/** The date-time regex zod emits is exact but unreadable; "format: date-time" says the same. */
function dropDateTimePattern({ jsonSchema }: { jsonSchema: { format?: string; pattern?: string } }) {
  if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
}

/** Request bodies that take a time as exactly one of slotId or startsAt (a zod check, so not generated). */
const ONE_PICKED_TIME = new Set(["CreateBookingRequest", "RescheduleRequest"]);

function componentSchemas(): JsonObject {
  const { schemas } = z.toJSONSchema(apiSchemas, { io: "input", uri: (id) => `#/components/schemas/${id}`, override: dropDateTimePattern });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as JsonObject;
      return [id, ONE_PICKED_TIME.has(id) ? { ...rest, oneOf: [{ required: ["slotId"] }, { required: ["startsAt"] }] } : rest];
    }),
  );
}

export function buildOpenApiDocument(): JsonObject {
  const bookingPath = "/api/v1/businesses/{slug}/bookings";
  return {
    openapi: "3.1.0",
    info: {
      title: "AppointmentScheduler public API",
      version: "1.0.0",
      description: [
        "Book, move and cancel appointments at a business, and read its availability.",
        "",
        "- **Auth:** writes and booking reads need the business's API key as `Authorization: Bearer <key>`. Availability and services are public when the business allows it.",
        "- **Times:** send ISO 8601 date-times with `Z` or an offset; responses give UTC instants plus `startLocal` in the business's zone.",
        "- **Retries:** send an `Idempotency-Key` with each new booking. A retry with the same key returns the same booking (200 instead of 201, with `Idempotent-Replayed: true`).",
        "- **Errors:** `application/problem+json` (RFC 9457). Compare `type`; `detail` says what to do next and `errors` names each invalid field. A rejected request writes nothing.",
      ].join("\n"),
    },
    tags: [{ name: "Availability" }, { name: "Bookings" }, { name: "Meta" }],
    paths: {
      "/api/v1/businesses/{slug}/services": {
        get: {
          operationId: "listServices",
          tags: ["Availability"],
          summary: "List the services a business offers",
          security: publicRead,
          parameters: [slugParam],
          responses: { "200": ok("The business's active services, in its own order.", "ServiceList"), ...commonProblems("public-read") },
        },
      },
      "/api/v1/businesses/{slug}/availability": {
        get: {
          operationId: "getAvailability",
          tags: ["Availability"],
          summary: "Bookable slots for one service in a window",
          description: "At most 62 days per request. A window partly in the past starts now; one wholly in the past or beyond the booking horizon is refused (400, naming the parameter).",
          security: publicRead,
          parameters: [slugParam, ...queryParameters(availabilityQuery)],
          responses: {
            "200": ok("Slots sorted by start time.", "Availability"),
            "400": problemResponse("Missing or invalid parameter (unknown service or staff, to before from, unknown time zone, past window, …).", ["invalid-request"]),
            ...commonProblems("public-read"),
          },
        },
      },
      [bookingPath]: {
        post: {
          operationId: "createBooking",
          tags: ["Bookings"],
          summary: "Book an appointment",
          security: keyOnly,
          parameters: [
            slugParam,
            { name: "Idempotency-Key", in: "header", required: false, description: "Recommended: a unique value (e.g. a UUID) per booking, reused when retrying it.", schema: { type: "string", minLength: 1, maxLength: 200 } },
          ],
          requestBody: jsonBody("CreateBookingRequest", { serviceId: "svc_mens_cut", slotId: exampleSlotId, customer: { phone: "+15551234567", name: "Jo Caller" } }),
          responses: {
            "201": ok("Booked.", "Booking", exampleBooking, { Location: { description: "The booking's URL.", schema: { type: "string" } } }),
            "200": ok("A retry with an Idempotency-Key already used for this booking: the same booking.", "Booking", exampleBooking, {
              "Idempotent-Replayed": { schema: { type: "string", const: "true" } },
            }),
            ...bodyProblems,
            "409": problemResponse("The time was taken meanwhile; `alternatives` has the nearest free times.", ["slot-taken"]),
            "422": problemResponse("The time is not bookable (closed, too soon, too far ahead), or the Idempotency-Key was used for another booking.", ["outside-hours", "idempotency-key-reused"]),
            ...commonProblems("key"),
          },
        },
      },
      [`${bookingPath}/{id}`]: {
        get: {
          operationId: "getBooking",
          tags: ["Bookings"],
          summary: "Read a booking",
          security: keyOnly,
          parameters: [slugParam, idParam],
          responses: { "200": ok("The booking.", "Booking", exampleBooking), ...commonProblems("key") },
        },
      },
      [`${bookingPath}/{id}/reschedule`]: {
        post: {
          operationId: "rescheduleBooking",
          tags: ["Bookings"],
          summary: "Move a booking to another time",
          description: "Atomic: if the new time cannot be booked, the booking stays where it was. The moved booking has a new id; `rescheduledFromId` names the old one, which is cancelled.",
          security: keyOnly,
          parameters: [slugParam, idParam],
          requestBody: jsonBody("RescheduleRequest", { startsAt: "2026-11-27T14:00:00-05:00" }),
          responses: {
            "200": ok("The moved booking.", "Booking", exampleBooking),
            ...bodyProblems,
            "409": problemResponse("The new time is taken (with alternatives), or the booking can no longer be moved.", ["slot-taken", "conflict"]),
            "422": problemResponse("The new time is not bookable.", ["outside-hours"]),
            ...commonProblems("key"),
          },
        },
      },
      [`${bookingPath}/{id}/cancel`]: {
        post: {
          operationId: "cancelBooking",
          tags: ["Bookings"],
          summary: "Cancel a booking",
          description: "Cancelling an already cancelled booking returns it unchanged.",
          security: keyOnly,
          parameters: [slugParam, idParam],
          requestBody: jsonBody("CancelRequest", { reason: "Customer called to cancel" }, false),
          responses: {
            "200": ok("The cancelled booking.", "Booking"),
            ...bodyProblems,
            "409": problemResponse("The booking is completed or a no-show and cannot be cancelled.", ["conflict"]),
            ...commonProblems("key"),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApi",
          tags: ["Meta"],
          summary: "This document",
          security: [{}],
          responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
      "/api/v1/problems/{type}": {
        get: {
          operationId: "getProblemType",
          tags: ["Meta"],
          summary: "Describe a problem type",
          security: [{}],
          parameters: [{ name: "type", in: "path", required: true, schema: { type: "string", enum: Object.keys(problemTypes) } }],
          responses: {
            "200": ok("What the problem means and what to do.", "ProblemType"),
            "404": problemResponse("No such problem type.", ["not-found"]),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "The business's API key (starts with sk_), from its owner." },
      },
      schemas: {
        ...componentSchemas(),
        ProblemType: {
          type: "object",
          properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, description: { type: "string" } },
          required: ["type", "title", "status", "description"],
        },
      },
    },
  };
}

let cached: string | undefined;

export const getOpenApi = apiRoute("GET", "/api/v1/openapi.json", async () => {
  cached ??= JSON.stringify(buildOpenApiDocument());
  return new Response(cached, { headers: { "content-type": "application/json", "cache-control": "public, max-age=300" } });
});

export const getProblemType = apiRoute("GET", "/api/v1/problems/{type}", async ({ params }) => {
  const type = params.type as ProblemType;
  if (!Object.hasOwn(problemTypes, type)) throw new AppError("NOT_FOUND", `There is no problem type "${params.type}".`);
  const { status, title, description } = problemTypes[type];
  return json({ type: problemTypeUri(type), title, status, description }, { headers: { "cache-control": "public, max-age=3600" } });
});
