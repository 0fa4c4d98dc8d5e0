// The one error mapping: every domain code, zod error and surprise becomes problem+json with the
// right status; unexpected errors are logged and never leak internals; unknown routes and methods
// answer in the same shape.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { problemTypes } from "../../server/api/v1/problem-types";
import { toProblem } from "../../server/api/v1/problems";
import { dispatchApiV1 } from "../../server/api/v1/routes";
import type { Db } from "../../server/db";
import { AppError, httpStatusFor, type AppErrorCode } from "../../server/errors";

describe("problem mapping", () => {
  it.each(Object.keys(httpStatusFor) as AppErrorCode[])("maps %s to the domain's HTTP status and a catalogued type", (code) => {
    const { problem } = toProblem(new AppError(code, "Plain words."), { instance: "/x" });
    expect(problem.status).toBe(httpStatusFor[code]);
    const type = problem.type.replace("/api/v1/problems/", "") as keyof typeof problemTypes;
    expect(problemTypes[type].status).toBe(httpStatusFor[code]);
    expect(problem).toMatchObject({ detail: expect.stringContaining("Plain words."), instance: "/x" });
  });

  it("turns a zod error into a 400 naming each field", () => {
    const error = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } }).error!;
    const { problem } = toProblem(error);
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([expect.objectContaining({ field: "a.b", in: "body", pointer: "/a/b" })]);
  });

  it("answers an unexpected failure with a bare 500, logging the error but sending nothing internal", async () => {
    const logged: unknown[] = [];
    const broken = { apiKey: { findUnique: () => Promise.reject(new Error("connection to 10.0.0.7:5432 refused; password=hunter2")) } } as unknown as Db;
    const response = await dispatchApiV1(
      broken,
      new Request("http://api.test/api/v1/businesses/x/bookings/abc", { headers: { authorization: "Bearer sk_anything" } }),
      { now: new Date(), log: { error: (object) => logged.push(object) } },
    );
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ type: "/api/v1/problems/internal-error", status: 500 });
    expect(text).not.toMatch(/10\.0\.0\.7|hunter2|Error/);
    expect(logged).toHaveLength(1);
  });

  it("answers an exhausted connection pool (Prisma P2028) with 503 and Retry-After, not 500", () => {
    const overload = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { name: "PrismaClientKnownRequestError", code: "P2028" });
    const outcome = toProblem(overload);
    expect(outcome.problem).toMatchObject({ status: 503, type: "/api/v1/problems/service-busy" });
    expect(outcome.headers["retry-after"]).toBe("1");
    expect(JSON.stringify(outcome.problem)).not.toMatch(/Transaction API/);
    expect(outcome.unexpected).toBe(overload);
  });

  it("answers unknown paths with 404 and wrong methods with 405 naming the allowed ones", async () => {
    const unknown = await dispatchApiV1({} as Db, new Request("http://api.test/api/v1/nothing/here"), { now: new Date() });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    const wrong = await dispatchApiV1({} as Db, new Request("http://api.test/api/v1/businesses/x/bookings", { method: "DELETE" }), { now: new Date() });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("describes each problem type at its URI, and 404s an unknown one", async () => {
    for (const type of Object.keys(problemTypes)) {
      const response = await dispatchApiV1({} as Db, new Request(`http://api.test/api/v1/problems/${type}`), { now: new Date() });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ type: `/api/v1/problems/${type}`, status: problemTypes[type as keyof typeof problemTypes].status });
    }
    const missing = await dispatchApiV1({} as Db, new Request("http://api.test/api/v1/problems/toString"), { now: new Date() });
    expect(missing.status).toBe(404);
  });
});
