import { describe, expect, it } from "vitest";
import { DEMO, seedDemo } from "../../prisma/seed";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { AppError } from "../errors";
import { signInWithPassword } from "./sign-in-with-password";

const now = new Date("2026-11-24T12:00:00Z");

describe.each(engines)("password sign-in on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("creates a 30-day database session for the right password", async () => {
    const db = database().prisma;
    await seedDemo(db);
    const session = await signInWithPassword(db, { email: DEMO.email, password: DEMO.password }, now);
    expect(session.expires.toISOString()).toBe("2026-12-24T12:00:00.000Z");
    const row = await db.session.findUnique({ where: { sessionToken: session.sessionToken }, select: { user: { select: { email: true } } } });
    expect(row?.user.email).toBe(DEMO.email);
  });

  it("answers a wrong password and an unknown email with the same error and writes no session", async () => {
    const db = database().prisma;
    const before = await db.session.count();
    const attempts = [
      signInWithPassword(db, { email: DEMO.email, password: "wrong-password" }, now),
      signInWithPassword(db, { email: "nobody@example.com", password: DEMO.password }, now),
    ];
    const errors = await Promise.all(attempts.map((p) => p.then(() => null, (e: unknown) => e)));
    for (const error of errors) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("INVALID_CREDENTIALS");
    }
    expect((errors[0] as Error).message).toBe((errors[1] as Error).message);
    expect(await db.session.count()).toBe(before);
  });
});
