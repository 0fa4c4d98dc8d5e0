// Calls the /api/v1 handlers the way HTTP would (a Request in, a Response out) on a test
// database, with a fixed clock; no Next.js server. Also counts the rows a request could write.
import { expect } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { dispatchApiV1 } from "../../server/api/v1/routes";
import type { Db } from "../../server/db";

/** Tuesday 2026-11-24 09:00 in New York (EST, UTC−5), as in the scheduling command tests. */
export const NOW = new Date("2026-11-24T14:00:00Z");
export const local = (isoLocal: string) => `${isoLocal}:00-05:00`; // late November: EST

export interface ApiReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { [key: string]: unknown };
  contentType: string;
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as-is instead of JSON (for malformed bodies). */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  now?: Date;
}

export function apiClient(db: Db) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<ApiReply> {
    const headers: Record<string, string> = { ...(options.key ? { authorization: `Bearer ${options.key}` } : {}) };
    let body: BodyInit | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] = "application/json";
    }
    Object.assign(headers, options.headers);
    const request = new Request(`http://api.test${path}`, { method, headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
    const response = await dispatchApiV1(db, request, { now: options.now ?? NOW, log: { error: () => undefined } });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      contentType: response.headers.get("content-type") ?? "",
      body: text ? (JSON.parse(text) as ApiReply["body"]) : {},
    };
  };
}

export async function demoSalon(db: Db) {
  const seeded = await seedDemo(db);
  if (!seeded.apiKey) throw new Error("seed the demo salon once per database (it returns the key only when it creates it)");
  const services = await db.service.findMany({ where: { businessId: seeded.businessId }, select: { id: true, name: true } });
  const staff = await db.staffMember.findMany({ where: { businessId: seeded.businessId }, select: { id: true, name: true } });
  const id = (list: { id: string; name: string }[], name: string) => list.find((x) => x.name === name)!.id;
  return {
    businessId: seeded.businessId,
    slug: "bloom-hair-studio",
    key: seeded.apiKey,
    mensCut: id(services, "Men's haircut"),
    womensCut: id(services, "Women's haircut"),
    color: id(services, "Color"),
    maya: id(staff, "Maya Chen"),
    leo: id(staff, "Leo Alvarez"),
  };
}

export type Salon = Awaited<ReturnType<typeof demoSalon>>;

/** Every table a booking request could write to. */
export async function rowCounts(db: Db) {
  const [appointments, customers, auditLogs, activeAppointments] = await Promise.all([
    db.appointment.count(),
    db.customer.count(),
    db.auditLog.count(),
    db.appointment.count({ where: { status: "booked" } }),
  ]);
  return { appointments, customers, auditLogs, activeAppointments };
}

/** Runs `request` and asserts that it wrote nothing. */
export async function expectNothingWritten<T>(db: Db, request: () => Promise<T>): Promise<T> {
  const before = await rowCounts(db);
  const result = await request();
  expect(await rowCounts(db)).toEqual(before);
  return result;
}

/** Asserts an RFC 9457 problem of `type` with `status`, and returns it. */
export function expectProblem(reply: ApiReply, status: number, type: string) {
  expect({ status: reply.status, contentType: reply.contentType, type: reply.body.type }).toEqual({
    status,
    contentType: "application/problem+json",
    type: `/api/v1/problems/${type}`,
  });
  expect(reply.body.status).toBe(status);
  expect(typeof reply.body.title).toBe("string");
  expect(typeof reply.body.detail).toBe("string");
  return reply.body as { detail: string; errors?: { field: string; in: string; detail: string; pointer?: string }[]; alternatives?: { slotId: string; startsAt: string; endsAt: string; startLocal: string }[] };
}

/** The fields a problem names. */
export const namedFields = (problem: { errors?: { field: string }[] }) => (problem.errors ?? []).map((e) => e.field);

let phoneCounter = 0;
export const newCustomer = () => ({ phone: `+1555300${String(++phoneCounter).padStart(4, "0")}`, name: "API Customer" });
