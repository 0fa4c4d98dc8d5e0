// RFC 9457 problem details for the public REST API: the catalogue of problem types, and the ONE
// function that turns anything a handler throws (AppError, zod errors, the edge's own request
// errors, surprises) into an application/problem+json response. Bad input is always a 4xx here;
// only an unexpected failure becomes a 500, and that one never carries internals.
import { ZodError, type core } from "zod";
import { AppError, httpStatusFor, type AppErrorCode } from "../../errors";
import type { SlotAlternative } from "../../scheduling/slot-errors";
import { formatLocal } from "./local-time";
import { problemTypes, problemTypeUri, type ProblemType } from "./problem-types";

/** Where a named field lives in the request. */
export type FieldLocation = "body" | "query" | "path" | "header";

export interface FieldError {
  /** Dotted path of the field, e.g. "customer.phone", or the parameter/header name. */
  field: string;
  in: FieldLocation;
  /** JSON Pointer into the body (RFC 6901), for body fields. */
  pointer?: string;
  detail: string;
}

export interface AlternativeSlot {
  slotId: string;
  startsAt: string;
  endsAt: string;
  startLocal: string;
  staffIds: string[];
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  alternatives?: AlternativeSlot[];
}

/** A failure the API edge itself detects (bad body, missing key, unknown field values). */
export class ApiProblem extends Error {
  override name = "ApiProblem";
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }
}

/** A 400 naming one field. */
export function invalidField(field: string, where: FieldLocation, detail: string): ApiProblem {
  return new ApiProblem("invalid-request", detail, { errors: [fieldError(field, where, detail)] });
}

export function fieldError(field: string, where: FieldLocation, detail: string): FieldError {
  if (where !== "body") return { field, in: where, detail };
  const pointer = field === WHOLE_BODY ? "" : `/${field.split(".").map(escapePointer).join("/")}`;
  return { field, in: where, pointer, detail };
}

/** The field name used when the problem is the body as a whole. */
export const WHOLE_BODY = "(body)";

const escapePointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/** What a handler knows about a domain call, so a domain error can name the field it concerns. */
export interface ProblemHints {
  /** The request field a time-related domain error (past, outside hours, taken) refers to. */
  timeField?: { field: string; in: FieldLocation };
  /** Zone for `startLocal` of alternatives. */
  timeZone?: string;
  /** Where zod validated the input that failed (defaults to the body). */
  zodLocation?: FieldLocation;
}

/** Rethrown by `withHints`: the original error plus what the handler knew when it called. */
class HintedError extends Error {
  constructor(
    readonly original: unknown,
    readonly hints: ProblemHints,
  ) {
    super("hinted");
  }
}

/** Runs a domain call; if it throws, the problem mapping gets `hints` along with the error. */
export async function withHints<T>(hints: ProblemHints, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof HintedError || error instanceof ApiProblem ? error : new HintedError(error, hints);
  }
}

const typeForCode: Record<AppErrorCode, ProblemType> = {
  NOT_FOUND: "not-found",
  FORBIDDEN: "forbidden",
  UNAUTHENTICATED: "unauthenticated",
  INVALID_INPUT: "invalid-request",
  INVALID_CREDENTIALS: "unauthenticated",
  RATE_LIMITED: "rate-limited",
  CONFLICT: "conflict",
  SLOT_TAKEN: "slot-taken",
  OUTSIDE_HOURS: "outside-hours",
};

export interface ProblemOutcome {
  problem: ProblemDocument;
  headers: Record<string, string>;
  /** Set for 5xx: the error to log (never sent to the client). */
  unexpected?: unknown;
}

/**
 * The one mapping from a thrown value to a problem document. `instance` is the request path.
 */
export function toProblem(thrown: unknown, { instance, hints: outerHints }: { instance?: string; hints?: ProblemHints } = {}): ProblemOutcome {
  let error = thrown;
  let hints: ProblemHints = outerHints ?? {};
  if (error instanceof HintedError) {
    hints = { ...hints, ...error.hints };
    error = error.original;
  }
  const base = (type: ProblemType, detail: string): ProblemDocument => ({
    type: problemTypeUri(type),
    title: problemTypes[type].title,
    status: problemTypes[type].status,
    detail,
    ...(instance ? { instance } : {}),
  });

  if (error instanceof ApiProblem) {
    const problem = base(error.type, error.detail);
    if (error.extra.errors?.length) problem.errors = error.extra.errors;
    return { problem, headers: { ...authenticateHeader(error.type), ...error.extra.headers } };
  }

  if (error instanceof ZodError) {
    return toProblem(zodProblem(error, hints.zodLocation ?? "body"), { instance });
  }

  if (error instanceof AppError) {
    const type = typeForCode[error.code];
    const problem = base(type, detailFor(type, error.message));
    // The domain's status table is the source of truth; the catalogue must agree with it.
    problem.status = httpStatusFor[error.code];
    const data = (error.data ?? {}) as { field?: unknown; alternatives?: SlotAlternative[] };
    const field = typeof data.field === "string" ? { field: data.field, in: hints.zodLocation ?? "body" } : hints.timeField;
    if (field && (type === "invalid-request" || type === "outside-hours" || type === "slot-taken")) {
      problem.errors = [fieldError(field.field, field.in, error.message)];
    }
    if (type === "slot-taken" || type === "outside-hours") {
      problem.alternatives = (data.alternatives ?? []).map((a) => toAlternative(a, hints.timeZone));
    }
    return { problem, headers: authenticateHeader(type) };
  }

  if (isOverloaded(error)) {
    return {
      problem: base("service-busy", "The booking system is too busy to take this request right now. Nothing was written; retry in a second with the same Idempotency-Key."),
      headers: { "retry-after": "1" },
      unexpected: error,
    };
  }

  return {
    problem: base("internal-error", "The request could not be completed. Retry it (with the same Idempotency-Key for bookings); if it keeps failing, contact support."),
    headers: {},
    unexpected: error,
  };
}

/** Renders an outcome as the HTTP response. */
export function problemResponse(outcome: ProblemOutcome): Response {
  return new Response(JSON.stringify(outcome.problem), {
    status: outcome.problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...outcome.headers },
  });
}

/**
 * Prisma's P2028 "unable to start a transaction in the given time": every pooled connection was
 * busy for longer than the transaction's maxWait. Overload, not a fault: the transaction never
 * began, so a retry is safe.
 */
function isOverloaded(error: unknown): boolean {
  return (error as { name?: unknown; code?: unknown } | null)?.name === "PrismaClientKnownRequestError" && (error as { code?: unknown }).code === "P2028";
}

function authenticateHeader(type: ProblemType): Record<string, string> {
  return type === "unauthenticated" ? { "www-authenticate": 'Bearer realm="api"' } : {};
}

function detailFor(type: ProblemType, message: string): string {
  switch (type) {
    case "slot-taken":
      return `${message} Pick one of the alternatives, or check availability again.`;
    case "outside-hours":
      return `${message} Pick one of the alternatives, or check availability for a bookable time.`;
    default:
      return message;
  }
}

function toAlternative(slot: SlotAlternative, timeZone: string | undefined): AlternativeSlot {
  return {
    slotId: slot.slotId,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    startLocal: timeZone ? formatLocal(slot.startsAt.getTime(), timeZone) : slot.startsAt.toISOString(),
    staffIds: slot.staffIds,
  };
}

/** A zod failure as a 400 naming each field. */
export function zodProblem(error: ZodError, where: FieldLocation): ApiProblem {
  const errors = fieldErrorsFromZod(error.issues, where);
  return new ApiProblem("invalid-request", summarize(errors), { errors });
}

function summarize(errors: FieldError[]): string {
  if (errors.length === 0) return "The request is not valid.";
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""} listed in errors)` : "";
  return `${first.field}: ${first.detail}${more}`;
}

/** zod issues → one FieldError per field, in plain words (schema-level messages win). */
export function fieldErrorsFromZod(issues: readonly core.$ZodIssue[], where: FieldLocation): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = [...path, key].join(".");
        errors.push(fieldError(field, where, `"${key}" is not a field this API accepts; check the spelling against the API description.`));
      }
      continue;
    }
    const field = path.length > 0 ? path.join(".") : WHOLE_BODY;
    errors.push(fieldError(field, where, issue.message));
  }
  return errors;
}

/**
 * Plain-words messages for zod's generic issues; pass as `{ error: plainZodMessages }` when
 * parsing. Messages written on a schema take precedence over these.
 */
export const plainZodMessages: core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "This is required." : `Expected ${article(issue.expected)}, got ${describe(issue.input)}.`;
    case "too_small":
      return issue.origin === "string" ? (issue.minimum === 1 ? "This must not be empty." : `Use at least ${issue.minimum} characters.`) : undefined;
    case "too_big":
      return issue.origin === "string" ? `Use at most ${issue.maximum} characters.` : undefined;
    case "invalid_format":
      return issue.format === "datetime"
        ? "Expected an ISO 8601 date-time with a time-zone offset, e.g. 2026-11-26T11:00:00-05:00 or 2026-11-26T16:00:00Z."
        : undefined;
    default:
      return undefined;
  }
};

function article(expected: string): string {
  if (expected === "object") return "a JSON object";
  if (expected === "array") return "a JSON array";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}
