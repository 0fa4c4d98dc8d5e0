import { describe, expect, it } from "vitest";
import { DEMO, seedDemo } from "../../prisma/seed";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { AppError } from "../errors";
import { hashPassword } from "./password";
import { signInWithPassword } from "./sign-in-with-password";

const now = new Date("2026-11-24T12:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError<{ retryAfterSeconds?: number }>);

describe.each(engines)("password sign-in on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function user(email: string, password = "correct-horse-battery") {
    const db = database().prisma;
    await db.user.create({ data: { email, passwordHash: await hashPassword(password) } });
    return { email, password };
  }

  it("creates a 30-day database session for the right password", async () => {
    const db = database().prisma;
    await seedDemo(db);
    const session = await signInWithPassword(db, { email: DEMO.email, password: DEMO.password }, { now });
    expect(session.expires.toISOString()).toBe("2026-12-24T12:00:00.000Z");
    const row = await db.session.findUnique({ where: { sessionToken: session.sessionToken }, select: { user: { select: { email: true } } } });
    expect(row?.user.email).toBe(DEMO.email);
  });

  it("answers a wrong password and an unknown email with the same error and writes no session", async () => {
    const db = database().prisma;
    const before = await db.session.count();
    const errors = await Promise.all([
      errorOf(signInWithPassword(db, { email: DEMO.email, password: "wrong-password" }, { now })),
      errorOf(signInWithPassword(db, { email: "nobody@example.com", password: DEMO.password }, { now })),
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(AppError);
      expect(error?.code).toBe("INVALID_CREDENTIALS");
    }
    expect(errors[0]!.message).toBe(errors[1]!.message);
    expect(await db.session.count()).toBe(before);
  });

  it("refuses an email after 10 failures in 15 minutes, even with the right password, and lets it in once the window slides", async () => {
    const db = database().prisma;
    const { email, password } = await user("locked@example.com");
    for (let i = 0; i < 10; i++) {
      const error = await errorOf(signInWithPassword(db, { email, password: "wrong-password" }, { now: later(i), ip: `198.51.100.${i}` }));
      expect(error?.code).toBe("INVALID_CREDENTIALS");
    }
    const limited = await errorOf(signInWithPassword(db, { email, password }, { now: later(10), ip: "203.0.113.50" }));
    expect(limited?.code).toBe("RATE_LIMITED");
    expect(limited?.message).toBe("Too many sign-in attempts. Wait 5 minutes and try again, or reset your password.");
    // The first failure (minute 0) leaves the 15-minute window at minute 15.
    expect(limited?.data?.retryAfterSeconds).toBe(5 * 60);
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);

    const session = await signInWithPassword(db, { email, password }, { now: later(15), ip: "203.0.113.50" });
    expect(session.sessionToken).toBeTruthy();
  });

  it("limits an unknown email exactly like a real one, so a lockout says nothing about the address", async () => {
    const db = database().prisma;
    for (let i = 0; i < 10; i++) await errorOf(signInWithPassword(db, { email: "ghost@example.com", password: "x" }, { now: later(i) }));
    const limited = await errorOf(signInWithPassword(db, { email: "ghost@example.com", password: "x" }, { now: later(10) }));
    expect(limited?.code).toBe("RATE_LIMITED");
    expect(limited?.data?.retryAfterSeconds).toBe(5 * 60);
  });

  it("refuses an IP address after 50 failures across many emails, while other addresses still get in", async () => {
    const db = database().prisma;
    const { email, password } = await user("victim-of-spray@example.com");
    const ip = "192.0.2.77";
    for (let i = 0; i < 50; i++) {
      await errorOf(signInWithPassword(db, { email: `spray${i}@example.com`, password: "Summer2026!" }, { now: later(0), ip }));
    }
    const limited = await errorOf(signInWithPassword(db, { email, password }, { now: later(1), ip }));
    expect(limited?.code).toBe("RATE_LIMITED");
    expect(limited?.data?.retryAfterSeconds).toBe(14 * 60);
    await expect(signInWithPassword(db, { email, password }, { now: later(1), ip: "192.0.2.78" })).resolves.toBeTruthy();
    await expect(signInWithPassword(db, { email, password }, { now: later(1) })).resolves.toBeTruthy(); // IP unknown: per-email only
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const db = database().prisma;
    const { email, password } = await user("forgetful@example.com");
    for (let i = 0; i < 9; i++) await errorOf(signInWithPassword(db, { email, password: "nope" }, { now }));
    await signInWithPassword(db, { email, password }, { now });
    for (let i = 0; i < 9; i++) await errorOf(signInWithPassword(db, { email, password: "nope" }, { now }));
    await expect(signInWithPassword(db, { email, password }, { now })).resolves.toBeTruthy();
  });

  it("stores only hashes of the counted emails and addresses", async () => {
    const db = database().prisma;
    const rows = await db.rateLimitHit.findMany({ select: { key: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/);
  });
});
