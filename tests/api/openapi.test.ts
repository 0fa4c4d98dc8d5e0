// The OpenAPI document describes exactly the routes that exist: every handler in the route
// table, every Next.js route file under app/api/v1, and nothing else; its references resolve and
// its examples match the zod schemas the handlers use.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiV1Routes, dispatchApiV1 } from "../../server/api/v1/routes";
import { bookingResource, problemResource } from "../../server/api/v1/schemas";
import type { ApiHandler } from "../../server/api/v1/http";
import type { Db } from "../../server/db";

const noDb = {} as Db; // the document needs no database
type Operation = { operationId: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }> };

async function fetchDocument() {
  const response = await dispatchApiV1(noDb, new Request("http://api.test/api/v1/openapi.json"), { now: new Date() });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json");
  return JSON.parse(await response.text()) as { openapi: string; paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };
}

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : Promise.resolve(e.name === "route.ts" ? [path.join(dir, e.name)] : []))));
  return nested.flat();
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document listing every route with its method, and nothing more", async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    const served = apiV1Routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented).toEqual(served);
    expect(served).toEqual(
      expect.arrayContaining([
        "GET /api/v1/businesses/{slug}/services",
        "GET /api/v1/businesses/{slug}/availability",
        "POST /api/v1/businesses/{slug}/bookings",
        "GET /api/v1/businesses/{slug}/bookings/{id}",
        "POST /api/v1/businesses/{slug}/bookings/{id}/reschedule",
        "POST /api/v1/businesses/{slug}/bookings/{id}/cancel",
        "GET /api/v1/openapi.json",
      ]),
    );
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has a Next.js route file for every route, each serving the handler for its own path and method", async () => {
    const root = path.resolve(import.meta.dirname, "../../app/api/v1");
    const wired: string[] = [];
    for (const file of await routeFiles(root)) {
      const relative = path.relative(root, path.dirname(file)).split(path.sep);
      if (relative.some((segment) => segment.startsWith("[..."))) continue; // the catch-all for unknown paths
      const urlPath = `/api/v1/${relative.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
      const source = await readFile(file, "utf8");
      const imports = new Map([...source.matchAll(/import \{ (\w+) \} from "@\/server\/api\/v1\/([\w-]+)";/g)].map((m) => [m[1]!, m[2]!]));
      for (const [, method, name] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = nextRoute\((\w+)\);/g)) {
        const handlers = (await import(`../../server/api/v1/${imports.get(name!)}`)) as Record<string, ApiHandler>;
        expect({ file: path.relative(root, file), path: handlers[name!]!.path, method: handlers[name!]!.method }).toEqual({ file: path.relative(root, file), path: urlPath, method });
        wired.push(`${method} ${urlPath}`);
      }
    }
    expect(wired.sort()).toEqual(apiV1Routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it("resolves every $ref, declares bearer auth, and requires it on every write", async () => {
    const doc = await fetchDocument();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
    expect(doc.components.securitySchemes!.bearerAuth).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
    for (const [p, ops] of Object.entries(doc.paths)) {
      if (ops.post) expect(ops.post.security, p).toEqual([{ bearerAuth: [] }]);
    }
    expect(doc.paths["/api/v1/businesses/{slug}/availability"]!.get!.security).toEqual([{}, { bearerAuth: [] }]);
    expect(doc.components.schemas!.CreateBookingRequest).toMatchObject({ additionalProperties: false, oneOf: [{ required: ["slotId"] }, { required: ["startsAt"] }] });
  });

  it("gives examples that match the schemas the handlers use", async () => {
    const doc = await fetchDocument();
    let problems = 0;
    let bookings = 0;
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          for (const [mediaType, content] of Object.entries(response.content ?? {})) {
            for (const example of Object.values(content.examples ?? {})) {
              if (mediaType === "application/problem+json") {
                const problem = problemResource.parse(example.value);
                expect(String(problem.status)).toBe(status);
                problems += 1;
              } else if (op.operationId.endsWith("Booking") && status.startsWith("2")) {
                bookingResource.parse(example.value);
                bookings += 1;
              }
            }
          }
        }
      }
    }
    expect(problems).toBeGreaterThan(20);
    expect(bookings).toBeGreaterThan(3);
  });
});
