// The node:http adapter `npm start` serves /api/v1 with, over a real socket on PGlite: bodies
// reach the routes as streamed (so the 16 KiB limit and JSON errors are the routes' own answers),
// problem+json comes back with its headers, and only /api/v1 paths are claimed.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../prisma/seed";
import { useTestDatabase } from "../../../tests/helpers/test-database";
import { handleApiV1, isApiV1Path } from "./node-handler";

describe("the /api/v1 node adapter", () => {
  const database = useTestDatabase("pglite");
  let origin = "";
  let apiKey = "";
  let server: http.Server;
  const errors: unknown[] = [];
  beforeAll(async () => {
    apiKey = (await seedDemo(database().prisma)).apiKey!;
    server = http.createServer((req, res) => void handleApiV1(database().prisma, req, res, { error: (object) => errors.push(object) }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (body: string) =>
    fetch(`${origin}/api/v1/businesses/bloom-hair-studio/bookings`, { method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, body });

  it("claims /api/v1 and nothing else", () => {
    expect(["/api/v1", "/api/v1/openapi.json", "/api/v1?x=1", "/api/v1/businesses/a/availability?service=b"].every(isApiV1Path)).toBe(true);
    expect(["/api/v10", "/api/v1x/a", "/api/health", "/dashboard", undefined].some(isApiV1Path)).toBe(false);
  });

  it("serves the OpenAPI document and answers unknown paths and methods with problem+json", async () => {
    const openapi = await fetch(`${origin}/api/v1/openapi.json`);
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    const unknown = await fetch(`${origin}/api/v1/nothing-here`);
    expect([unknown.status, unknown.headers.get("content-type")]).toEqual([404, "application/problem+json"]);
    const wrongMethod = await fetch(`${origin}/api/v1/openapi.json`, { method: "POST" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("streams request bodies to the routes: malformed JSON and oversize bodies get their problems, nothing is written", async () => {
    const before = await database().prisma.appointment.count();
    const malformed = await post("{ not json");
    expect([malformed.status, malformed.headers.get("content-type")]).toEqual([400, "application/problem+json"]);
    const oversize = await post(JSON.stringify({ notes: "x".repeat(20_000) }));
    expect(oversize.status).toBe(413);
    expect(((await oversize.json()) as { detail: string }).detail).toContain("16 KiB");
    expect(await database().prisma.appointment.count()).toBe(before);
    expect(errors).toEqual([]);
  });
});
