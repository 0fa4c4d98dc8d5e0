// The tenancy walk: EVERY procedure of appRouter, called by a member of business B on business A,
// answers NOT_FOUND and writes nothing; called with B's own id but A's record ids, it still finds
// nothing of A's; a staff member of A gets FORBIDDEN from every owner/admin procedure; nobody
// signed in gets UNAUTHORIZED. The table of sample inputs must name every procedure: a procedure
// added later without a line here fails this test, not a tenant.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DEMO, seedDemo } from "../../prisma/seed";
import { createBuiltinEngine } from "../agent/builtin/builtin-engine";
import type { ConsoleAgent } from "../console/console-agent";
import { createBusinessFixture } from "../../tests/helpers/fixtures";
import { engines, useTestDatabase, type Engine } from "../../tests/helpers/test-database";
import type { Database } from "../db";
import type { Role } from "../generated/prisma/enums";
import { createMailer, outboxTransport } from "../mail/mailer";
import type { Context } from "./init";
import { appRouter, createCaller } from "./root";

const now = new Date("2026-11-24T14:00:00Z"); // Tue 09:00 in New York
const local = (isoLocal: string) => new Date(`${isoLocal}-05:00`);

/** Ids of business A's records that the sample inputs point at. */
interface Ids {
  businessId: string;
  serviceId: string;
  staffId: string;
  appointmentId: string;
  phoneNumberId: string;
  apiKeyId: string;
  overrideDate: string;
  invitationId: string;
  staffUserId: string;
  consoleSessionId: string;
}

type Entry =
  /** A procedure on one business's data; `role` is the least role that may call it. */
  | { scope: "business"; role: Role; input: (ids: Ids) => Record<string, unknown>; foreignIds?: boolean }
  /** A procedure on the caller's own account (no business id): it must leave A untouched. */
  | { scope: "account" | "public"; input: () => unknown; outcome?: string; check?: (result: unknown, a: Ids) => void };

const week = [2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 600, endMinute: 900 }));

const table: Record<string, Entry> = {
  "business.mine": {
    scope: "account",
    input: () => undefined,
    check: (result, a) => expect((result as { business: { id: string } }[]).map((m) => m.business.id)).not.toContain(a.businessId),
  },
  "business.dashboard": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId }) },

  "appointments.list": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId, range: "week", date: "2026-12-10" }) },
  "appointments.options": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId }) },
  "appointments.availability": {
    scope: "business",
    role: "staff",
    foreignIds: true,
    input: (a) => ({ businessId: a.businessId, serviceId: a.serviceId, staffId: null, date: "2026-12-10" }),
  },
  "appointments.book": {
    scope: "business",
    role: "staff",
    foreignIds: true,
    input: (a) => ({ businessId: a.businessId, serviceId: a.serviceId, staffId: a.staffId, startsAt: local("2026-12-10T15:00"), customer: { phone: "+15553990001" } }),
  },
  "appointments.reschedule": {
    scope: "business",
    role: "staff",
    foreignIds: true,
    input: (a) => ({ businessId: a.businessId, appointmentId: a.appointmentId, startsAt: local("2026-12-10T16:00") }),
  },
  "appointments.cancel": { scope: "business", role: "staff", foreignIds: true, input: (a) => ({ businessId: a.businessId, appointmentId: a.appointmentId, reason: "walk" }) },
  "appointments.markNoShow": { scope: "business", role: "staff", foreignIds: true, input: (a) => ({ businessId: a.businessId, appointmentId: a.appointmentId }) },

  "account.me": { scope: "account", input: () => undefined },
  "account.resendVerification": { scope: "account", input: () => undefined },
  "account.outbox": { scope: "account", input: () => undefined },
  "account.businessOutbox": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId }) },

  "members.list": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId }) },
  "members.invite": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId, email: "walk-invitee@example.com", role: "staff" }) },
  "members.changeRole": { scope: "business", role: "admin", foreignIds: true, input: (a) => ({ businessId: a.businessId, userId: a.staffUserId, role: "admin" }) },
  "members.remove": { scope: "business", role: "admin", foreignIds: true, input: (a) => ({ businessId: a.businessId, userId: a.staffUserId }) },
  "members.revokeInvitation": { scope: "business", role: "admin", foreignIds: true, input: (a) => ({ businessId: a.businessId, invitationId: a.invitationId }) },
  "members.invitation": { scope: "public", input: () => ({ token: "not-a-real-token" }), check: (result) => expect(result).toBeNull() },
  "members.accept": { scope: "account", input: () => ({ token: "not-a-real-token" }), outcome: "NOT_FOUND" },

  "onboarding.complete": {
    scope: "account",
    input: () => ({
      name: "Walk Salon",
      timezone: "America/Chicago",
      phone: "+15553990077",
      hours: week,
      template: "salon",
      services: [{ name: "Cut", durationMinutes: 30, priceCents: 2000 }],
      staff: [{ name: "Robin", serviceIndexes: [0] }],
      agent: { greeting: "Hello from the walk salon.", voice: "warm", languages: ["en"] },
      faq: [],
    }),
    check: (result, a) => expect((result as { businessId: string }).businessId).not.toBe(a.businessId),
  },

  "settings.profile": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId }) },
  "settings.updateProfile": {
    scope: "business",
    role: "admin",
    input: (a) => ({ businessId: a.businessId, name: "Taken Over", timezone: "America/Chicago", contactPhone: null, email: null, address: null }),
  },
  "settings.addPhoneNumber": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId, e164: "+15553990099", label: null }) },
  "settings.removePhoneNumber": { scope: "business", role: "admin", foreignIds: true, input: (a) => ({ businessId: a.businessId, phoneNumberId: a.phoneNumberId }) },
  "settings.hours": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId }) },
  "settings.setWeeklyHours": { scope: "business", role: "admin", foreignIds: true, input: (a) => ({ businessId: a.businessId, staffId: a.staffId, hours: week }) },
  "settings.upsertDateOverride": {
    scope: "business",
    role: "admin",
    foreignIds: true,
    input: (a) => ({ businessId: a.businessId, staffId: a.staffId, date: "2026-12-31", closed: true, reason: "walk" }),
  },
  "settings.deleteDateOverride": { scope: "business", role: "admin", foreignIds: true, input: (a) => ({ businessId: a.businessId, staffId: null, date: a.overrideDate }) },
  "settings.services": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId }) },
  "settings.upsertService": {
    scope: "business",
    role: "admin",
    foreignIds: true,
    input: (a) => ({
      businessId: a.businessId,
      id: a.serviceId,
      name: "Renamed",
      description: null,
      synonyms: [],
      durationMinutes: 30,
      priceCents: 100,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minNoticeMinutes: 60,
      bookingHorizonDays: 60,
      slotIntervalMinutes: null,
      maxPerDay: null,
      active: true,
      staffIds: [a.staffId],
    }),
  },
  "settings.staff": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId }) },
  "settings.upsertStaffMember": {
    scope: "business",
    role: "admin",
    foreignIds: true,
    input: (a) => ({ businessId: a.businessId, id: a.staffId, name: "Renamed", email: null, phone: null, color: null, active: false, serviceIds: [a.serviceId] }),
  },
  "settings.get": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId }) },
  "settings.updateBookingPolicy": {
    scope: "business",
    role: "admin",
    input: (a) => ({ businessId: a.businessId, cancellationWindowHours: 0, callersMayReschedule: false, callersMayCancel: false, waitlistHoldMinutes: 5 }),
  },
  "settings.updateAgentSettings": {
    scope: "business",
    role: "admin",
    input: (a) => ({ businessId: a.businessId, greeting: "You have reached someone else.", voice: "deep", languages: ["es"] }),
  },
  "settings.updateFaq": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId, entries: [{ question: "Who owns this?", answer: "Not you." }] }) },
  "settings.updateNotificationSettings": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId, sms: false, email: false }) },
  "settings.updatePublicAvailability": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId, publicAvailability: false }) },
  "settings.integrations": { scope: "business", role: "staff", input: (a) => ({ businessId: a.businessId }) },
  "settings.apiKeys": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId }) },
  "settings.createApiKey": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId, name: "Stolen key" }) },
  "settings.revokeApiKey": { scope: "business", role: "admin", foreignIds: true, input: (a) => ({ businessId: a.businessId, apiKeyId: a.apiKeyId }) },

  "console.setup": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId }) },
  "console.start": { scope: "business", role: "admin", input: (a) => ({ businessId: a.businessId, callerPhone: "+15553990055", language: "en" }) },
  "console.send": {
    scope: "business",
    role: "admin",
    foreignIds: true,
    input: (a) => ({ businessId: a.businessId, sessionId: a.consoleSessionId, text: "Cancel my men's haircut please" }),
  },
  "console.reset": { scope: "business", role: "admin", foreignIds: true, input: (a) => ({ businessId: a.businessId, sessionId: a.consoleSessionId }) },
  "console.speech": { scope: "business", role: "admin", foreignIds: true, input: (a) => ({ businessId: a.businessId, sessionId: a.consoleSessionId, turnId: "t0" }) },
};

/** The console's engine and voice for these calls: the built-in agent, and a voice that never speaks. */
const consoleAgent: ConsoleAgent = {
  engine: createBuiltinEngine(),
  engineLabel: "built-in agent",
  speech: { description: "walk voice", synthesize: () => Promise.reject(new Error("the walk never gets this far")) },
};

type AnyCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

function call(caller: ReturnType<typeof createCaller>, path: string, input: unknown): Promise<unknown> {
  const [router, procedure] = path.split(".") as [string, string];
  return (caller as unknown as AnyCaller)[router]![procedure]!(input);
}

const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`),
  );

/** Every table with a businessId column, found in the database so a new table is covered too. */
async function tenantTables(database: Database): Promise<string[]> {
  const rows = await database.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'businessId' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** Row counts of every tenant table, and every row of business A (its own row included), as text. */
async function snapshot(database: Database, tables: string[], businessId: string) {
  const counts: Record<string, number> = {};
  const rowsOfA: Record<string, string[]> = {};
  for (const table of tables) {
    const [count] = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts[table] = count!.n;
    const rows = await database.sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${table}" t WHERE "businessId" = $1 ORDER BY 1`, [businessId]);
    rowsOfA[table] = rows.map((r) => r.row);
  }
  const business = await database.sql.query<{ row: string }>(`SELECT to_jsonb(b)::text AS row FROM "Business" b WHERE id = $1`, [businessId]);
  return { counts, rowsOfA, business: business.map((r) => r.row) };
}

describe.each(engines)("the tenancy walk over every procedure on %s", (engine: Engine) => {
  const database = useTestDatabase(engine);

  let run = 0;
  async function setup() {
    run += 1;
    const db = database().prisma;
    const { businessId } = await seedDemo(db);
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO.email }, select: { id: true } });
    const staffUser = await db.user.create({
      data: { email: `walk-staff-${run}@example.com`, emailVerified: now, memberships: { create: { businessId, role: "staff" } } },
      select: { id: true },
    });
    const b = await createBusinessFixture(db);
    const outsider = await db.user.create({
      data: { email: `walk-outsider-${run}@example.com`, emailVerified: now, memberships: { create: { businessId: b.businessId, role: "owner" } } },
      select: { id: true },
    });
    const callerFor = (userId: string | null) => {
      const ctx: Context = { db, userId, now: () => now };
      // The members and account routers take a mailer and link base from the context when given.
      const withMail = Object.assign(ctx, {
        mailer: createMailer({ db, transport: outboxTransport, from: "test@localhost", now: () => now }),
        baseUrl: "http://localhost",
        consoleAgent,
      });
      return createCaller(withMail);
    };
    const asOwner = callerFor(owner.id);

    const service = await db.service.findFirstOrThrow({ where: { businessId, name: "Men's haircut" }, select: { id: true } });
    const staff = await db.staffMember.findFirstOrThrow({ where: { businessId, name: "Leo Alvarez" }, select: { id: true } });
    const booked = await asOwner.appointments.book({ businessId, serviceId: service.id, staffId: staff.id, startsAt: local(`2026-12-1${run - 1}T12:00`), customer: { phone: "+15553990000" } });
    if (!booked.ok) throw new Error(booked.message);
    const phone = await db.phoneNumber.findFirstOrThrow({ where: { businessId }, select: { id: true } });
    const apiKey = await db.apiKey.findFirstOrThrow({ where: { businessId }, select: { id: true } });
    await asOwner.settings.upsertDateOverride({ businessId, staffId: null, date: "2026-12-24", closed: true, reason: "Christmas Eve" });
    await asOwner.members.invite({ businessId, email: "walk-pending@example.com", role: "staff" });
    const invitation = await db.invitation.findFirstOrThrow({ where: { businessId }, select: { id: true } });
    // A console conversation of A's owner, as the caller whose haircut was just booked.
    const conversation = await asOwner.console.start({ businessId, callerPhone: "+15553990000" });

    const a: Ids = {
      businessId,
      serviceId: service.id,
      staffId: staff.id,
      appointmentId: booked.appointment.id,
      phoneNumberId: phone.id,
      apiKeyId: apiKey.id,
      overrideDate: "2026-12-24",
      invitationId: invitation.id,
      staffUserId: staffUser.id,
      consoleSessionId: conversation.sessionId,
    };
    const tables = await tenantTables(database());
    return { a, bBusinessId: b.businessId, outsider: callerFor(outsider.id), staff: callerFor(staffUser.id), anonymous: callerFor(null), tables };
  }

  it("has a sample input for every procedure, and each business sample passes the procedure's own input schemas", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
    expect(Object.keys(table).sort()).toEqual(Object.keys(procedures).sort());
    const ids: Ids = {
      businessId: "biz",
      serviceId: "svc",
      staffId: "stf",
      appointmentId: "apt",
      phoneNumberId: "phn",
      apiKeyId: "key",
      overrideDate: "2026-12-24",
      invitationId: "inv",
      staffUserId: "usr",
      consoleSessionId: "cns",
    };
    for (const [path, entry] of Object.entries(table)) {
      const input = entry.scope === "business" ? entry.input(ids) : entry.input();
      for (const parser of procedures[path]!._def.inputs) {
        const parsed = parser.safeParse(input);
        expect(parsed.success, `${path}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it("answers NOT_FOUND to a member of another business on every business procedure, writes nothing, and finds none of A's records from B either", async () => {
    const s = await setup();
    const before = await snapshot(database(), s.tables, s.a.businessId);
    expect(s.tables).toEqual(expect.arrayContaining(["Appointment", "AuditLog", "Membership", "Service", "StaffMember", "WeeklyHours", "ApiKey", "PhoneNumber"]));

    for (const [path, entry] of Object.entries(table)) {
      if (entry.scope !== "business") continue;
      expect(await errorCode(call(s.outsider, path, entry.input(s.a))), `${path} on A's business id`).toBe("NOT_FOUND");
    }
    expect(await snapshot(database(), s.tables, s.a.businessId)).toEqual(before);

    // B's own business id with A's record ids: the domain filters by business inside the query.
    const mixed = (a: Ids): Ids => ({ ...a, businessId: s.bBusinessId });
    for (const [path, entry] of Object.entries(table)) {
      if (entry.scope !== "business" || !entry.foreignIds) continue;
      expect(await errorCode(call(s.outsider, path, entry.input(mixed(s.a)))), `${path} with A's ids on B`).toBe("NOT_FOUND");
    }
    expect((await snapshot(database(), s.tables, s.a.businessId)).rowsOfA).toEqual(before.rowsOfA);

    // Procedures on the caller's own account never reach A.
    for (const [path, entry] of Object.entries(table)) {
      if (entry.scope === "business") continue;
      const result = await call(s.outsider, path, entry.input()).catch((e: unknown) => e);
      expect(result instanceof TRPCError ? result.code : "OK", path).toBe(entry.outcome ?? "OK");
      if (!(result instanceof TRPCError)) entry.check?.(result, s.a);
    }
    const after = await snapshot(database(), s.tables, s.a.businessId);
    expect(after.rowsOfA).toEqual(before.rowsOfA);
    expect(after.business).toEqual(before.business);
  });

  it("answers FORBIDDEN to a staff member on every owner/admin procedure and writes nothing", async () => {
    const s = await setup();
    const before = await snapshot(database(), s.tables, s.a.businessId);
    const adminOnly = Object.entries(table).filter(([, e]) => e.scope === "business" && e.role !== "staff");
    expect(adminOnly.length).toBeGreaterThan(15);
    for (const [path, entry] of adminOnly) {
      if (entry.scope !== "business") continue;
      expect(await errorCode(call(s.staff, path, entry.input(s.a))), path).toBe("FORBIDDEN");
    }
    expect(await snapshot(database(), s.tables, s.a.businessId)).toEqual(before);

    // What staff may do, they may: none of it is refused for their role.
    for (const [path, entry] of Object.entries(table)) {
      if (entry.scope !== "business" || entry.role !== "staff") continue;
      const code = await errorCode(call(s.staff, path, entry.input(s.a)));
      expect(["FORBIDDEN", "NOT_FOUND", "UNAUTHORIZED"], `${path} answered ${code}`).not.toContain(code);
    }
  });

  it("answers UNAUTHORIZED to nobody signed in, except the public invitation lookup", async () => {
    const s = await setup();
    const before = await snapshot(database(), s.tables, s.a.businessId);
    for (const [path, entry] of Object.entries(table)) {
      if (entry.scope === "public") continue;
      const input = entry.scope === "business" ? entry.input(s.a) : entry.input();
      expect(await errorCode(call(s.anonymous, path, input)), path).toBe("UNAUTHORIZED");
    }
    expect(await snapshot(database(), s.tables, s.a.businessId)).toEqual(before);
  });
});
