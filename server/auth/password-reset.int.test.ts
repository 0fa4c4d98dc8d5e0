import { describe, expect, it } from "vitest";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { AppError } from "../errors";
import { hashPassword } from "./password";
import { checkPasswordResetToken, requestPasswordReset, resetPassword } from "./password-reset";
import { createSession } from "./sessions";
import { signInWithPassword } from "./sign-in-with-password";
import { BASE_URL, lastMail, testMailer } from "./test-support";

const now = new Date("2026-11-24T12:00:00Z");
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError<{ reason?: string; field?: string }>);

describe.each(engines)("password reset on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function account(email: string) {
    const db = database().prisma;
    const user = await db.user.create({ data: { email, passwordHash: await hashPassword("old password 123") }, select: { id: true } });
    return user.id;
  }

  async function requestLink(email: string, at = now) {
    const db = database().prisma;
    await requestPasswordReset(db, testMailer(db), { email, now: at, baseUrl: BASE_URL, ip: "203.0.113.9" });
    return (await lastMail(db, { to: email, kind: "password_reset" }))?.token;
  }

  it("mails a 1-hour link to an existing account and nothing for an unknown address, answering both the same", async () => {
    const db = database().prisma;
    await account("reset-me@example.com");
    const token = await requestLink("reset-me@example.com");
    const mail = await lastMail(db, { to: "reset-me@example.com", kind: "password_reset" });
    expect(mail?.subject).toBe("Reset your AppointmentScheduler password");
    expect(mail?.body).toContain(`${BASE_URL}/reset-password?token=`);
    expect(mail?.businessId).toBeNull();
    expect(await checkPasswordResetToken(db, { token: token!, now: minutes(59) })).toBe("valid");
    expect(await checkPasswordResetToken(db, { token: token!, now: minutes(60) })).toBe("expired");

    await expect(requestPasswordReset(db, testMailer(db), { email: "nobody-here@example.com", now, baseUrl: BASE_URL, ip: null })).resolves.toBeUndefined();
    expect(await db.message.count({ where: { to: "nobody-here@example.com" } })).toBe(0);
  });

  it("sets the new password, signs out every other session but the resetting browser's, and works once", async () => {
    const db = database().prisma;
    const userId = await account("two-devices@example.com");
    const phone = await createSession(db, userId, now);
    const laptop = await createSession(db, userId, now);
    const token = (await requestLink("two-devices@example.com"))!;

    const result = await resetPassword(db, { input: { token, password: "brand new password" }, now: minutes(10), currentSessionToken: laptop.sessionToken });
    expect(result).toEqual({ userId, keptSession: true });
    const left = await db.session.findMany({ where: { userId }, select: { sessionToken: true } });
    expect(left.map((s) => s.sessionToken)).toEqual([laptop.sessionToken]);
    expect(left.map((s) => s.sessionToken)).not.toContain(phone.sessionToken);

    await expect(signInWithPassword(db, { email: "two-devices@example.com", password: "old password 123" }, { now: minutes(11) })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(signInWithPassword(db, { email: "two-devices@example.com", password: "brand new password" }, { now: minutes(11) })).resolves.toBeTruthy();

    const again = await failure(resetPassword(db, { input: { token, password: "yet another password" }, now: minutes(12) }));
    expect(again?.code).toBe("INVALID_INPUT");
    expect(again?.data?.reason).toBe("invalid");
  });

  it("signs out every session when the resetting browser is not signed in as that account", async () => {
    const db = database().prisma;
    const userId = await account("signed-out@example.com");
    await createSession(db, userId, now);
    const stranger = await createSession(db, await account("stranger@example.com"), now);
    const token = (await requestLink("signed-out@example.com"))!;
    const result = await resetPassword(db, { input: { token, password: "brand new password" }, now, currentSessionToken: stranger.sessionToken });
    expect(result.keptSession).toBe(false);
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await db.session.count({ where: { sessionToken: stranger.sessionToken } })).toBe(1);
    // Reaching the inbox proves the address.
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerified: true } });
    expect(user.emailVerified).not.toBeNull();
  });

  it("refuses an expired link, and a password equal to the email without using the link up", async () => {
    const db = database().prisma;
    await account("careful@example.com");
    const token = (await requestLink("careful@example.com"))!;
    const same = await failure(resetPassword(db, { input: { token, password: "Careful@Example.com" }, now }));
    expect(same?.code).toBe("INVALID_INPUT");
    expect(same?.data?.field).toBe("password");
    expect(await checkPasswordResetToken(db, { token, now })).toBe("valid");

    const expired = await failure(resetPassword(db, { input: { token, password: "fine password here" }, now: minutes(61) }));
    expect(expired?.data?.reason).toBe("expired");
  });

  it("only the newest link works", async () => {
    const db = database().prisma;
    await account("twice@example.com");
    const first = (await requestLink("twice@example.com"))!;
    const second = (await requestLink("twice@example.com", minutes(1)))!;
    expect(await checkPasswordResetToken(db, { token: first, now: minutes(2) })).toBe("invalid");
    expect(await checkPasswordResetToken(db, { token: second, now: minutes(2) })).toBe("valid");
  });

  it("limits reset requests per address, whether or not it has an account", async () => {
    const db = database().prisma;
    for (const email of ["twice-limited@example.com", "no-account-limited@example.com"]) {
      for (let i = 0; i < 5; i++) await requestPasswordReset(db, testMailer(db), { email, now, baseUrl: BASE_URL, ip: null });
      const limited = await failure(requestPasswordReset(db, testMailer(db), { email, now, baseUrl: BASE_URL, ip: null }));
      expect(limited?.code).toBe("RATE_LIMITED");
      expect(limited?.message).toBe("Too many reset requests. Try again in 1 hour.");
    }
  });
});
