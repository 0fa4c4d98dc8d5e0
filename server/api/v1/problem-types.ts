// The catalogue of problem types the public API answers with (RFC 9457 "type"), with the status,
// title and explanation of each. Served at GET /api/v1/problems/{type} and listed in the OpenAPI
// document; problems.ts maps errors onto these.
/**
 * Problem type URIs are relative references ("/api/v1/problems/slot-taken"): the same string on
 * every host, so clients can compare them, and dereferenceable on the API's own origin, where
 * GET /api/v1/problems/{type} describes the type.
 */
export const PROBLEM_BASE = "/api/v1/problems/";

export const problemTypes = {
  "invalid-request": { status: 400, title: "Some of the request is not valid", description: "A parameter or body field is missing or has a wrong value. `errors` names each field and says what to send instead; nothing was changed." },
  "malformed-json": { status: 400, title: "The request body is not valid JSON", description: "The body could not be read as JSON. Check for trailing commas, unquoted names and the UTF-8 encoding; nothing was changed." },
  unauthenticated: { status: 401, title: "A valid API key is needed", description: "Send the business's API key as `Authorization: Bearer <key>`. Revoked and unknown keys are refused." },
  forbidden: { status: 403, title: "This key may not do that", description: "The key is valid but the business does not allow this action." },
  "not-found": { status: 404, title: "Not found", description: "No such business, booking or route for this key. A business the key does not belong to is reported the same way as one that does not exist." },
  "method-not-allowed": { status: 405, title: "This address does not take that method", description: "The Allow header lists the methods it takes." },
  conflict: { status: 409, title: "The booking cannot be changed in its current state", description: "For example a completed or cancelled booking cannot be moved. Fetch the booking to see its status." },
  "slot-taken": { status: 409, title: "That time is no longer free", description: "Someone else booked the time first. `alternatives` lists the nearest free times; book one of them by its slotId." },
  "payload-too-large": { status: 413, title: "The request body is too large", description: "Request bodies are limited to 16 KiB. Send only the documented fields." },
  "unsupported-media-type": { status: 415, title: "Send the body as JSON", description: "Request bodies must be `application/json`." },
  "outside-hours": { status: 422, title: "That time cannot be booked", description: "The business does not offer this service at that time (closed, too soon, or too far ahead). `alternatives` lists the nearest bookable times, when there are any." },
  "idempotency-key-reused": { status: 422, title: "This Idempotency-Key was used for a different booking", description: "An Idempotency-Key stands for one booking request. Use a new key for a new booking." },
  "rate-limited": { status: 429, title: "Too many requests", description: "Slow down and retry after the time in the Retry-After header." },
  "service-busy": { status: 503, title: "Too busy right now", description: "Every database connection was taken for longer than a request may wait. Nothing was written; retry after the time in the Retry-After header (with the same Idempotency-Key for bookings)." },
  "internal-error": { status: 500, title: "Something went wrong on our side", description: "The request may not have been completed. Retry it with the same Idempotency-Key; if it keeps failing, contact support." },
} as const satisfies Record<string, { status: number; title: string; description: string }>;

export type ProblemType = keyof typeof problemTypes;

export const problemTypeUri = (type: ProblemType) => `${PROBLEM_BASE}${type}`;
