// Domain errors. Domain code throws AppError with a code; only the edges (tRPC, REST, agent,
// route handlers) translate codes into their own words and status codes, once, here.
export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "INVALID_INPUT"
  | "INVALID_CREDENTIALS"
  | "RATE_LIMITED"
  | "CONFLICT"
  | "SLOT_TAKEN"
  | "OUTSIDE_HOURS";

export class AppError<Data = unknown> extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly data?: Data,
  ) {
    super(message);
  }
}

export const httpStatusFor: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 400,
  INVALID_CREDENTIALS: 401,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  SLOT_TAKEN: 409,
  OUTSIDE_HOURS: 422,
};

export const trpcCodeFor = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  INVALID_INPUT: "BAD_REQUEST",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  CONFLICT: "CONFLICT",
  SLOT_TAKEN: "CONFLICT",
  OUTSIDE_HOURS: "UNPROCESSABLE_CONTENT",
} as const satisfies Record<AppErrorCode, string>;
