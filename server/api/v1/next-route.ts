// Adapts an /api/v1 handler to a Next.js route handler: the process's database, the wall clock
// and the web process's logger. Only app/api/v1/** imports this (it reads the configuration).
import { appDb } from "../../app-db";
import { env } from "../../env";
import { createLogger, type Logger } from "../../logger";
import type { ApiHandler } from "./http";
import { problemResponse, toProblem } from "./problems";

let log: Logger | undefined;

export function nextRoute(handler: ApiHandler | ((request: Request) => Promise<Response>)) {
  return async (request: Request): Promise<Response> => {
    log ??= createLogger(env().LOG_LEVEL, "api-v1");
    if (!("path" in handler)) return handler(request);
    let db;
    try {
      db = await appDb();
    } catch (error) {
      // The database could not be opened: a 500 problem, logged, with nothing internal sent.
      const outcome = toProblem(error, { instance: new URL(request.url).pathname });
      log.error({ err: error }, "api request failed: database unavailable");
      return problemResponse(outcome);
    }
    return handler(db, request, { now: new Date(), log });
  };
}
