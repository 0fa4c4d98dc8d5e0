// Every /api/v1 route, in one table. The Next.js route files under app/api/v1 each serve one of
// these; `npm start` (node-handler.ts), the benchmarks and the tests dispatch through the table.
import type { Db } from "../../db";
import { getAvailability, listServices } from "./availability";
import { createBooking, getBooking } from "./bookings";
import { cancelBooking, rescheduleBooking } from "./change-booking";
import { pathPattern, type ApiContext, type ApiHandler } from "./http";
import { getOpenApi, getProblemType } from "./openapi";
import { ApiProblem, problemResponse, toProblem } from "./problems";

export const apiV1Routes: readonly ApiHandler[] = [
  listServices,
  getAvailability,
  createBooking,
  getBooking,
  rescheduleBooking,
  cancelBooking,
  getOpenApi,
  getProblemType,
];

const patterns = apiV1Routes.map((route) => ({ route, regex: pathPattern(route.path).pattern }));

/** Any path or method under /api/v1 that no route serves: problem+json, like every other answer. */
export async function notServed(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const allowed = patterns.filter((p) => p.regex.test(pathname)).map((p) => p.route.method);
  const problem =
    allowed.length > 0
      ? new ApiProblem("method-not-allowed", `${pathname} takes ${allowed.join(", ")}, not ${request.method}.`, { headers: { allow: allowed.join(", ") } })
      : new ApiProblem("not-found", `Nothing is served at ${pathname}. See /api/v1/openapi.json for the routes.`);
  return problemResponse(toProblem(problem, { instance: pathname }));
}

export function dispatchApiV1(db: Db, request: Request, context: ApiContext): Promise<Response> {
  const { pathname } = new URL(request.url);
  const match = patterns.find((p) => p.route.method === request.method && p.regex.test(pathname));
  return match ? match.route(db, request, context) : notServed(request);
}
