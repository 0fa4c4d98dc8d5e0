// A business's team: members and roles, invitations by email, and accepting an invitation.
// Reading the team is for any member; changing it for admins and owners (owner-only rules for
// owners live in the domain functions).
import { acceptInvitation } from "../../invitations/accept-invitation";
import { changeMemberRole } from "../../invitations/change-member-role";
import { findInvitationByToken } from "../../invitations/find-invitation";
import { inviteMember } from "../../invitations/invite-member";
import { listMembers } from "../../invitations/list-members";
import {
  changeMemberRoleInput,
  invitationTokenInput,
  inviteMemberInput,
  removeMemberInput,
  revokeInvitationInput,
} from "../../invitations/member-schemas";
import { removeMember } from "../../invitations/remove-member";
import { revokeInvitation } from "../../invitations/revoke-invitation";
import { ROLE_RANK } from "../../tenancy";
import { authedProcedure, businessProcedure, publicProcedure, router } from "../init";
import { baseUrlOf, mailerOf } from "../../mail/mailer-of-call";

const actorOf = (ctx: { userId: string; role: "owner" | "admin" | "staff" }) =>
  ({ type: "user", id: ctx.userId, channel: "dashboard", role: ctx.role }) as const;

export const membersRouter = router({
  list: businessProcedure("staff").query(({ ctx }) => listMembers(ctx.db, { businessId: ctx.businessId, withInvitations: ROLE_RANK[ctx.role] >= ROLE_RANK.admin, now: ctx.now() })),
  invite: businessProcedure("admin")
    .input(inviteMemberInput)
    .mutation(async ({ ctx, input }) =>
      inviteMember(ctx.db, await mailerOf(ctx), {
        businessId: ctx.businessId,
        actor: actorOf(ctx),
        input: { email: input.email, role: input.role },
        now: ctx.now(),
        baseUrl: baseUrlOf(ctx),
      }),
    ),
  changeRole: businessProcedure("admin")
    .input(changeMemberRoleInput)
    .mutation(({ ctx, input }) =>
      changeMemberRole(ctx.db, { businessId: ctx.businessId, actor: actorOf(ctx), input: { userId: input.userId, role: input.role } }),
    ),
  remove: businessProcedure("admin")
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, { businessId: ctx.businessId, actor: actorOf(ctx), input: { userId: input.userId } })),
  revokeInvitation: businessProcedure("admin")
    .input(revokeInvitationInput)
    .mutation(({ ctx, input }) =>
      revokeInvitation(ctx.db, { businessId: ctx.businessId, actor: actorOf(ctx), input: { invitationId: input.invitationId }, now: ctx.now() }),
    ),
  /** What an invitation link is for; the token is the credential, so no sign-in is needed to look. */
  invitation: publicProcedure
    .input(invitationTokenInput)
    .query(({ ctx, input }) => findInvitationByToken(ctx.db, { token: input.token, now: ctx.now() })),
  accept: authedProcedure
    .input(invitationTokenInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { token: input.token, userId: ctx.userId, now: ctx.now() })),
});
