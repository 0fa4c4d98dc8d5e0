// Team forms' schemas, shared by the settings page's forms and the members router.
import { z } from "zod";
import { emailField } from "../auth/account-schemas";

export const invitableRole = z.enum(["admin", "staff"]);
export const memberRole = z.enum(["owner", "admin", "staff"]);

export const inviteMemberInput = z.object({ email: emailField, role: invitableRole });
export const changeMemberRoleInput = z.object({ userId: z.string().min(1), role: memberRole });
export const removeMemberInput = z.object({ userId: z.string().min(1) });
export const revokeInvitationInput = z.object({ invitationId: z.string().min(1) });
export const invitationTokenInput = z.object({ token: z.string().min(1).max(200) });
