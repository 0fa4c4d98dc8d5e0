import { describe, expect, it } from "vitest";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { AppError } from "../errors";
import { LOCAL_OUTBOX } from "../mail/mailer";
import { signUpInput } from "./account-schemas";
import { resendVerificationEmail } from "./send-verification-email";
import { signInWithPassword } from "./sign-in-with-password";
import { signUp } from "./sign-up";
import { BASE_URL, lastMail, testMailer } from "./test-support";
import { hashToken } from "./tokens";
import { verifyEmail } from "./verify-email";

const now = new Date("2026-11-24T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe.each(engines)("sign-up and email verification on %s", (engine) => {
  const database = useTestDatabase(engine);
  const input = (email: string) => signUpInput.parse({ name: "Rosa Diaz", email, password: "long enough password" });

  it("creates the user, a signed-in session and a verification mail in the local outbox", async () => {
    const db = database().prisma;
    const result = await signUp(db, testMailer(db), { input: input("Rosa@Example.com"), now, baseUrl: BASE_URL, ip: "203.0.113.1" });
    expect(result.status).toBe("created");
    if (result.status !== "created") return;

    const user = await db.user.findUniqueOrThrow({ where: { email: "rosa@example.com" }, select: { id: true, name: true, passwordHash: true, emailVerified: true } });
    expect(user).toMatchObject({ id: result.userId, name: "Rosa Diaz", emailVerified: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken: result.session.sessionToken }, select: { userId: true } });
    expect(session.userId).toBe(user.id);

    const mail = await lastMail(db, { to: "rosa@example.com", kind: "verify_email" });
    expect(mail).toMatchObject({ subject: "Confirm your email for AppointmentScheduler", businessId: null, status: "sent" });
    expect(mail?.body).toContain(`${BASE_URL}/verify-email?token=`);
    expect(await db.message.count({ where: { id: mail!.id, providerId: LOCAL_OUTBOX } })).toBe(1);
    // Only a hash of the token is stored.
    const stored = await db.verificationToken.findFirstOrThrow({ where: { identifier: "verify-email:rosa@example.com" } });
    expect(stored.token).toBe(hashToken(mail!.token!));
    expect(stored.expires.toISOString()).toBe(hours(24).toISOString());
  });

  it("answers an address that already has an account the same way, without a second account or a session, and tells its owner", async () => {
    const db = database().prisma;
    const sessionsBefore = await db.session.count();
    const result = await signUp(db, testMailer(db), {
      input: signUpInput.parse({ name: "Impostor", email: "rosa@example.com", password: "another long password" }),
      now,
      baseUrl: BASE_URL,
      ip: "203.0.113.2",
    });
    expect(result).toEqual({ status: "exists" });
    expect(await db.user.count({ where: { email: "rosa@example.com" } })).toBe(1);
    expect(await db.session.count()).toBe(sessionsBefore);
    const user = await db.user.findUniqueOrThrow({ where: { email: "rosa@example.com" }, select: { name: true } });
    expect(user.name).toBe("Rosa Diaz");
    const notice = await lastMail(db, { to: "rosa@example.com", kind: "signup_existing" });
    expect(notice?.subject).toBe("You already have an account with AppointmentScheduler");
    expect(notice?.body).toContain(`${BASE_URL}/forgot-password`);
    // The original password still works; the impostor's does not.
    await expect(signInWithPassword(db, { email: "rosa@example.com", password: "another long password" }, { now })).rejects.toThrow(AppError);
    await expect(signInWithPassword(db, { email: "rosa@example.com", password: "long enough password" }, { now })).resolves.toBeTruthy();
  });

  it("verifies the address once: the same link a second time is invalid", async () => {
    const db = database().prisma;
    const { token } = (await lastMail(db, { to: "rosa@example.com", kind: "verify_email" }))!;
    expect(await verifyEmail(db, { token: token!, now: hours(1) })).toEqual({ status: "verified", email: "rosa@example.com" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "rosa@example.com" }, select: { emailVerified: true } });
    expect(user.emailVerified?.toISOString()).toBe(hours(1).toISOString());
    expect(await verifyEmail(db, { token: token!, now: hours(1) })).toEqual({ status: "invalid" });
    expect(await verifyEmail(db, { token: "made-up-token", now: hours(1) })).toEqual({ status: "invalid" });
  });

  it("refuses a verification link after 24 hours, and a resent link replaces the old one", async () => {
    const db = database().prisma;
    const mailer = testMailer(db);
    const result = await signUp(db, mailer, { input: input("late@example.com"), now, baseUrl: BASE_URL, ip: null });
    if (result.status !== "created") throw new Error("expected a new account");
    const first = (await lastMail(db, { to: "late@example.com", kind: "verify_email" }))!.token!;
    expect(await verifyEmail(db, { token: first, now: new Date(hours(24).getTime() + 1000) })).toEqual({ status: "expired" });

    await resendVerificationEmail(db, mailer, { userId: result.userId, now: hours(25), baseUrl: BASE_URL });
    const messages = await db.message.findMany({ where: { to: "late@example.com", kind: "verify_email" }, orderBy: { createdAt: "asc" } });
    expect(messages).toHaveLength(2);
    const second = /token=([^\s]+)/.exec(messages[1]!.body)![1]!;
    expect(second).not.toBe(first);
    expect(await verifyEmail(db, { token: first, now: hours(25) })).toEqual({ status: "invalid" });
    expect(await verifyEmail(db, { token: second, now: hours(25) })).toEqual({ status: "verified", email: "late@example.com" });
    expect(await resendVerificationEmail(db, mailer, { userId: result.userId, now: hours(26), baseUrl: BASE_URL })).toEqual({ sent: false, alreadyVerified: true });
  });

  it("limits sign-ups per address and per network", async () => {
    const db = database().prisma;
    const mailer = testMailer(db);
    for (let i = 0; i < 5; i++) await signUp(db, mailer, { input: input("rosa@example.com"), now: hours(30), baseUrl: BASE_URL, ip: null });
    const limited = await signUp(db, mailer, { input: input("rosa@example.com"), now: hours(30), baseUrl: BASE_URL, ip: null }).catch((e: AppError) => e);
    expect(limited).toBeInstanceOf(AppError);
    expect((limited as AppError).code).toBe("RATE_LIMITED");

    for (let i = 0; i < 20; i++) await signUp(db, mailer, { input: input(`bulk${i}@example.com`), now: hours(40), baseUrl: BASE_URL, ip: "198.51.100.9" });
    await expect(signUp(db, mailer, { input: input("bulk-more@example.com"), now: hours(40), baseUrl: BASE_URL, ip: "198.51.100.9" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.user.count({ where: { email: "bulk-more@example.com" } })).toBe(0);
  });
});

describe("sign-up rules", () => {
  it("needs a name, a valid email and a password of at least 10 characters that isn't the email", () => {
    const issues = (value: object) => {
      const result = signUpInput.safeParse(value);
      return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message]));
    };
    expect(issues({ name: "", email: "not-an-email", password: "short" })).toEqual({
      name: "Enter your name",
      email: "Enter a valid email address, like name@example.com",
      password: "Use at least 10 characters",
    });
    expect(issues({ name: "A", email: "Owner@Salon.example", password: "owner@salon.example" })).toEqual({
      password: "Your password can't be your email address",
    });
    expect(issues({ name: "A", email: "a@b.example", password: "ten chars!" })).toEqual({});
  });

  it("keeps `next` only when it is a path on this site", () => {
    const next = (value: string) => signUpInput.parse({ name: "A", email: "a@b.example", password: "long enough!", next: value }).next;
    expect(next("/invite?token=abc")).toBe("/invite?token=abc");
    expect(next("https://evil.example/")).toBeUndefined();
    expect(next("//evil.example/")).toBeUndefined();
    expect(next("/\\evil.example")).toBeUndefined();
  });
});
