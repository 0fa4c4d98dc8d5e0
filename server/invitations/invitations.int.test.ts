import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createBusinessFixture } from "../../tests/helpers/fixtures";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { BASE_URL, lastMail, testMailer } from "../auth/test-support";
import { hashToken } from "../auth/tokens";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { createCaller } from "../trpc/root";
import { acceptInvitation } from "./accept-invitation";
import { changeMemberRole } from "./change-member-role";
import { findInvitationByToken } from "./find-invitation";
import { inviteMember } from "./invite-member";
import { removeMember } from "./remove-member";

const now = new Date("2026-11-24T12:00:00Z");
const days = (d: number) => new Date(now.getTime() + d * 86_400_000);
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError<{ reason?: string }>);

let counter = 0;
async function member(db: Db, businessId: string, role: Role, email = `member${++counter}@example.com`) {
  const user = await db.user.create({ data: { email, name: `Member ${counter}` }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, businessId, role } });
  return { id: user.id, email, actor: { type: "user" as const, id: user.id, channel: "dashboard" as const, role } };
}

describe.each(engines)("invitations and members on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function setup() {
    const db = database().prisma;
    const { businessId } = await createBusinessFixture(db);
    const owner = await member(db, businessId, "owner");
    const invite = async (email: string, role: "admin" | "staff" = "staff", at = now, actor = owner.actor) => {
      const result = await inviteMember(db, testMailer(db), { businessId, actor, input: { email, role }, now: at, baseUrl: BASE_URL });
      const mail = await lastMail(db, { to: result.email, kind: "invitation" });
      return { ...result, token: mail!.token!, mail: mail! };
    };
    return { db, businessId, owner, invite };
  }

  it("mails an invitation link, keeps only its hash and audits it", async () => {
    const { db, businessId, owner, invite } = await setup();
    const invited = await invite("New.Hire@Example.com", "admin");
    expect(invited.email).toBe("new.hire@example.com");
    expect(invited.mail.subject).toMatch(/^Join Test Business .* on AppointmentScheduler$/);
    expect(invited.mail.body).toContain(`${BASE_URL}/invite?token=`);
    expect(invited.mail.businessId).toBeNull(); // account mail: only the invitee's account sees it
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invited.invitationId } });
    expect(row).toMatchObject({ businessId, email: "new.hire@example.com", role: "admin", invitedById: owner.id, acceptedAt: null });
    expect(row.tokenHash).toBe(hashToken(invited.token));
    expect(row.expiresAt.toISOString()).toBe(days(7).toISOString());
    const audit = await db.auditLog.findFirstOrThrow({ where: { businessId, action: "member.invite" } });
    expect(audit).toMatchObject({ actorType: "user", actorId: owner.id, entityType: "Invitation", entityId: invited.invitationId });

    const found = await findInvitationByToken(db, { token: invited.token, now });
    expect(found).toMatchObject({ state: "pending", businessId, email: "new.hire@example.com", role: "admin" });
  });

  it("lets the invited address accept once: membership with the role, audit row, address verified", async () => {
    const { db, businessId, invite } = await setup();
    const { token } = await invite("joiner@example.com", "staff");
    const joiner = await db.user.create({ data: { email: "joiner@example.com" }, select: { id: true } });

    const accepted = await acceptInvitation(db, { token, userId: joiner.id, now: days(1) });
    expect(accepted).toEqual({ businessId, role: "staff", alreadyMember: false });
    const membership = await db.membership.findUniqueOrThrow({ where: { userId_businessId: { userId: joiner.id, businessId } } });
    expect(membership.role).toBe("staff");
    expect((await db.user.findUniqueOrThrow({ where: { id: joiner.id } })).emailVerified?.toISOString()).toBe(days(1).toISOString());
    const audit = await db.auditLog.findFirstOrThrow({ where: { businessId, action: "member.accept" } });
    expect(audit).toMatchObject({ actorId: joiner.id, entityType: "Membership", entityId: membership.id });
    expect((await findInvitationByToken(db, { token, now: days(1) }))?.state).toBe("accepted");

    // Opening it again as the same person just leads to the business; nobody else can use it.
    expect(await acceptInvitation(db, { token, userId: joiner.id, now: days(2) })).toMatchObject({ businessId, alreadyMember: true });
    expect(await db.membership.count({ where: { businessId, userId: joiner.id } })).toBe(1);
  });

  it("refuses an expired invitation", async () => {
    const { db, businessId, invite } = await setup();
    const { token } = await invite("slow@example.com");
    const slow = await db.user.create({ data: { email: "slow@example.com" }, select: { id: true } });
    const error = await failure(acceptInvitation(db, { token, userId: slow.id, now: days(7) }));
    expect(error?.code).toBe("INVALID_INPUT");
    expect(error?.message).toBe("This invitation has expired. Ask whoever invited you to send a new one.");
    expect(await db.membership.count({ where: { businessId, userId: slow.id } })).toBe(0);
    expect((await findInvitationByToken(db, { token, now: days(7) }))?.state).toBe("expired");
  });

  it("refuses an account with a different address, naming both", async () => {
    const { db, businessId, invite } = await setup();
    const { token } = await invite("intended@example.com");
    const other = await db.user.create({ data: { email: "other@example.com" }, select: { id: true } });
    const error = await failure(acceptInvitation(db, { token, userId: other.id, now }));
    expect(error?.code).toBe("FORBIDDEN");
    expect(error?.message).toContain("sent to intended@example.com, but you're signed in as other@example.com");
    expect(await db.membership.count({ where: { businessId, userId: other.id } })).toBe(0);
    expect((await db.invitation.findFirstOrThrow({ where: { email: "intended@example.com" } })).acceptedAt).toBeNull();
  });

  it("refuses a used link to someone who is not the member, an unknown token, and a link replaced by a newer invitation", async () => {
    const { db, invite } = await setup();
    const first = await invite("again@example.com");
    const second = await invite("again@example.com");
    const again = await db.user.create({ data: { email: "again@example.com" }, select: { id: true } });
    expect((await failure(acceptInvitation(db, { token: first.token, userId: again.id, now })))?.code).toBe("NOT_FOUND");
    expect((await failure(acceptInvitation(db, { token: "made-up", userId: again.id, now })))?.code).toBe("NOT_FOUND");
    await acceptInvitation(db, { token: second.token, userId: again.id, now });
    // The same address, a second account can't exist (email is unique), so "used" shows up for a
    // member who left and comes back with the old link:
    await db.membership.deleteMany({ where: { userId: again.id } });
    const used = await failure(acceptInvitation(db, { token: second.token, userId: again.id, now }));
    expect(used?.code).toBe("CONFLICT");
    expect(used?.message).toBe("This invitation has already been used.");
  });

  it("won't invite someone who is already a member", async () => {
    const { db, businessId, owner } = await setup();
    const existing = await member(db, businessId, "staff");
    const refused = await failure(inviteMember(db, testMailer(db), { businessId, actor: owner.actor, input: { email: existing.email, role: "staff" }, now, baseUrl: BASE_URL }));
    expect(refused?.code).toBe("CONFLICT");
  });

  it("never demotes or removes the last owner; only owners touch owners; changes are audited", async () => {
    const { db, businessId, owner } = await setup();
    const admin = await member(db, businessId, "admin");
    const staff = await member(db, businessId, "staff");

    expect((await failure(changeMemberRole(db, { businessId, actor: owner.actor, input: { userId: owner.id, role: "admin" } })))?.data?.reason).toBe("last_owner");
    expect((await failure(removeMember(db, { businessId, actor: owner.actor, input: { userId: owner.id } })))?.data?.reason).toBe("last_owner");
    expect((await failure(changeMemberRole(db, { businessId, actor: admin.actor, input: { userId: staff.id, role: "owner" } })))?.code).toBe("FORBIDDEN");
    expect((await failure(removeMember(db, { businessId, actor: admin.actor, input: { userId: owner.id } })))?.code).toBe("FORBIDDEN");

    // An admin may promote staff to admin.
    expect(await changeMemberRole(db, { businessId, actor: admin.actor, input: { userId: staff.id, role: "admin" } })).toEqual({ userId: staff.id, role: "admin", changed: true });
    // With a second owner, the first may step down.
    await changeMemberRole(db, { businessId, actor: owner.actor, input: { userId: admin.id, role: "owner" } });
    await changeMemberRole(db, { businessId, actor: owner.actor, input: { userId: owner.id, role: "staff" } });
    expect((await db.membership.findMany({ where: { businessId, role: "owner" }, select: { userId: true } })).map((m) => m.userId)).toEqual([admin.id]);
    await removeMember(db, { businessId, actor: { ...admin.actor, role: "owner" }, input: { userId: staff.id } });
    expect(await db.membership.count({ where: { businessId, userId: staff.id } })).toBe(0);

    const actions = (await db.auditLog.findMany({ where: { businessId }, orderBy: { createdAt: "asc" }, select: { action: true, before: true, after: true } }));
    expect(actions.map((a) => a.action)).toEqual(["member.role_change", "member.role_change", "member.role_change", "member.remove"]);
    expect(actions[0]).toMatchObject({ before: { role: "staff" }, after: { role: "admin" } });
    expect(actions[3]).toMatchObject({ before: { userId: staff.id, role: "admin" } });
  });

  it("keeps two owners demoting each other at the same time from leaving the business without one", async () => {
    const { db, businessId, owner } = await setup();
    const second = await member(db, businessId, "owner");
    const results = await Promise.allSettled([
      changeMemberRole(db, { businessId, actor: owner.actor, input: { userId: second.id, role: "admin" } }),
      changeMemberRole(db, { businessId, actor: second.actor, input: { userId: owner.id, role: "admin" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { businessId, role: "owner" } })).toBe(1);
  });

  it("through tRPC: staff may list the team but not invite; admins see pending invitations", async () => {
    const { db, businessId, invite } = await setup();
    await invite("pending@example.com");
    const staff = await member(db, businessId, "staff");
    const admin = await member(db, businessId, "admin");
    const callerFor = (userId: string) => createCaller(Object.assign({ db, userId, now: () => now }, { mailer: testMailer(db), baseUrl: BASE_URL }));

    const staffView = await callerFor(staff.id).members.list({ businessId });
    expect(staffView.members.map((m) => m.email)).toContain(staff.email);
    expect(staffView.invitations).toEqual([]);
    await expect(callerFor(staff.id).members.invite({ businessId, email: "x@example.com", role: "staff" })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "FORBIDDEN",
    );
    const adminView = await callerFor(admin.id).members.list({ businessId });
    expect(adminView.invitations.map((i) => i.email)).toEqual(["pending@example.com"]);
    const invited = await callerFor(admin.id).members.invite({ businessId, email: "via-trpc@example.com", role: "staff" });
    expect(invited).toMatchObject({ email: "via-trpc@example.com", role: "staff", mailed: true });
  });
});
