// The settings pages: business profile and numbers, hours and date overrides, services, staff,
// booking policy, the receptionist, FAQ, notifications, integrations, team and API keys. Each
// procedure is one domain call. Role rule: any member (staff included) may read the settings
// that shape their working day; only owners and admins change anything, and only they see the
// API keys. The team (members and invitations) has its own router, `members`.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Actor } from "../../audit";
import { addPhoneNumber } from "../../businesses/add-phone-number";
import { agentSettings } from "../../businesses/agent-settings-input";
import { createApiKeyInput, revokeApiKeyInput } from "../../businesses/api-key-input";
import { addPhoneNumberInput, removePhoneNumberInput, updateBusinessProfileInput } from "../../businesses/business-profile-input";
import { bookingPolicy } from "../../businesses/business-settings";
import { createApiKey } from "../../businesses/create-api-key";
import { deleteDateOverride } from "../../businesses/delete-date-override";
import { updateFaqInput } from "../../businesses/faq-input";
import { fieldOf } from "../../businesses/field-error";
import { getBusinessHours } from "../../businesses/get-business-hours";
import { getBusinessProfile } from "../../businesses/get-business-profile";
import { getIntegrationsStatus } from "../../businesses/get-integrations-status";
import { getSettings } from "../../businesses/get-settings";
import { listApiKeys } from "../../businesses/list-api-keys";
import { listServices } from "../../businesses/list-services";
import { listStaffMembers } from "../../businesses/list-staff-members";
import { notificationSettings } from "../../businesses/notification-settings-input";
import { removePhoneNumber } from "../../businesses/remove-phone-number";
import { revokeApiKey } from "../../businesses/revoke-api-key";
import { upsertServiceInput } from "../../businesses/service-input";
import { setWeeklyHours } from "../../businesses/set-weekly-hours";
import { upsertStaffMemberInput } from "../../businesses/staff-member-input";
import { updateAgentSettings } from "../../businesses/update-agent-settings";
import { updateBookingPolicy } from "../../businesses/update-booking-policy";
import { updateBusinessProfile } from "../../businesses/update-business-profile";
import { updateFaq } from "../../businesses/update-faq";
import { updateNotificationSettings } from "../../businesses/update-notification-settings";
import { publicAvailabilityInput, updatePublicAvailability } from "../../businesses/update-public-availability";
import { upsertDateOverride } from "../../businesses/upsert-date-override";
import { upsertService } from "../../businesses/upsert-service";
import { upsertStaffMember } from "../../businesses/upsert-staff-member";
import { deleteDateOverrideInput, setWeeklyHoursInput, upsertDateOverrideInput } from "../../businesses/weekly-hours-input";
import { AppError, trpcCodeFor } from "../../errors";
import { invalidateSchedulingCache } from "../../scheduling/scheduling-cache";
import { businessProcedure, router } from "../init";

/**
 * A domain error about one field (AppError with data.field) becomes a validation issue on that
 * path, which the error formatter sends as `zodIssues`: the form shows it next to the field.
 * ZodRealError, because zod 4's plain ZodError is not an Error and tRPC would replace it.
 */
export function fieldErrorsAsIssues<R extends { ok: boolean }>(result: R): R {
  if (result.ok) return result;
  const cause = (result as unknown as { error: TRPCError }).error.cause;
  const field = cause instanceof AppError ? fieldOf(cause) : undefined;
  if (cause instanceof AppError && field) {
    const issues = [{ code: "custom" as const, path: field.split("."), message: cause.message, input: undefined }];
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause: new z.ZodRealError(issues) });
  }
  return result;
}

/** Any member may look. */
const viewProcedure = businessProcedure("staff");
/**
 * Owners and admins change settings. A successful change drops this business's cached scheduling
 * rules (hours, services, staff, policy), so availability shows it at once in this process.
 */
const adminProcedure = businessProcedure("admin").use(async ({ ctx, type, next }) => {
  const result = fieldErrorsAsIssues(await next());
  if (type === "mutation" && result.ok) invalidateSchedulingCache(ctx.businessId);
  return result;
});

export const dashboardActor = (userId: string): Actor => ({ type: "user", id: userId, channel: "dashboard" });

export const settingsRouter = router({
  profile: viewProcedure.query(({ ctx }) => getBusinessProfile(ctx.db, { businessId: ctx.businessId })),

  updateProfile: adminProcedure
    .input(updateBusinessProfileInput)
    .mutation(({ ctx, input: { businessId: _, ...profile } }) =>
      updateBusinessProfile(ctx.db, { businessId: ctx.businessId, ...profile }, { actor: dashboardActor(ctx.userId) }),
    ),

  addPhoneNumber: adminProcedure
    .input(addPhoneNumberInput)
    .mutation(({ ctx, input }) =>
      addPhoneNumber(ctx.db, { businessId: ctx.businessId, e164: input.e164, label: input.label }, { actor: dashboardActor(ctx.userId) }),
    ),

  removePhoneNumber: adminProcedure
    .input(removePhoneNumberInput)
    .mutation(({ ctx, input }) =>
      removePhoneNumber(ctx.db, { businessId: ctx.businessId, phoneNumberId: input.phoneNumberId }, { actor: dashboardActor(ctx.userId) }),
    ),

  hours: viewProcedure.query(({ ctx }) => getBusinessHours(ctx.db, { businessId: ctx.businessId, now: ctx.now() })),

  setWeeklyHours: adminProcedure
    .input(setWeeklyHoursInput)
    .mutation(({ ctx, input }) =>
      setWeeklyHours(ctx.db, { businessId: ctx.businessId, staffId: input.staffId, hours: input.hours }, { actor: dashboardActor(ctx.userId) }),
    ),

  upsertDateOverride: adminProcedure
    .input(upsertDateOverrideInput)
    .mutation(({ ctx, input: { businessId: _, ...override } }) =>
      upsertDateOverride(ctx.db, { businessId: ctx.businessId, ...override }, { actor: dashboardActor(ctx.userId) }),
    ),

  deleteDateOverride: adminProcedure
    .input(deleteDateOverrideInput)
    .mutation(({ ctx, input }) =>
      deleteDateOverride(ctx.db, { businessId: ctx.businessId, staffId: input.staffId, date: input.date }, { actor: dashboardActor(ctx.userId) }),
    ),

  services: viewProcedure.query(({ ctx }) => listServices(ctx.db, { businessId: ctx.businessId })),

  upsertService: adminProcedure
    .input(upsertServiceInput)
    .mutation(({ ctx, input: { businessId: _, ...service } }) =>
      upsertService(ctx.db, { businessId: ctx.businessId, ...service }, { actor: dashboardActor(ctx.userId) }),
    ),

  staff: viewProcedure.query(({ ctx }) => listStaffMembers(ctx.db, { businessId: ctx.businessId, now: ctx.now() })),

  upsertStaffMember: adminProcedure
    .input(upsertStaffMemberInput)
    .mutation(({ ctx, input: { businessId: _, ...member } }) =>
      upsertStaffMember(ctx.db, { businessId: ctx.businessId, ...member }, { actor: dashboardActor(ctx.userId) }),
    ),

  /** Booking policy, receptionist, FAQ and notifications, every default filled in. */
  get: viewProcedure.query(({ ctx }) => getSettings(ctx.db, { businessId: ctx.businessId })),

  updateBookingPolicy: adminProcedure
    .input(bookingPolicy)
    .mutation(({ ctx, input: { businessId: _, ...policy } }) =>
      updateBookingPolicy(ctx.db, { businessId: ctx.businessId, policy }, { actor: dashboardActor(ctx.userId) }),
    ),

  updateAgentSettings: adminProcedure
    .input(agentSettings)
    .mutation(({ ctx, input: { businessId: _, ...agent } }) =>
      updateAgentSettings(ctx.db, { businessId: ctx.businessId, agent }, { actor: dashboardActor(ctx.userId) }),
    ),

  updateFaq: adminProcedure
    .input(updateFaqInput)
    .mutation(({ ctx, input }) => updateFaq(ctx.db, { businessId: ctx.businessId, entries: input.entries }, { actor: dashboardActor(ctx.userId) })),

  updateNotificationSettings: adminProcedure
    .input(notificationSettings)
    .mutation(({ ctx, input: { businessId: _, ...notifications } }) =>
      updateNotificationSettings(ctx.db, { businessId: ctx.businessId, notifications }, { actor: dashboardActor(ctx.userId) }),
    ),

  updatePublicAvailability: adminProcedure
    .input(publicAvailabilityInput)
    .mutation(({ ctx, input }) =>
      updatePublicAvailability(ctx.db, { businessId: ctx.businessId, enabled: input.publicAvailability }, { actor: dashboardActor(ctx.userId) }),
    ),

  integrations: viewProcedure.query(({ ctx }) => getIntegrationsStatus(ctx.db, { businessId: ctx.businessId })),

  apiKeys: businessProcedure("admin").query(({ ctx }) => listApiKeys(ctx.db, { businessId: ctx.businessId })),

  /** The key itself is in this answer only; it is never shown again. */
  createApiKey: adminProcedure
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, { businessId: ctx.businessId, name: input.name }, { actor: dashboardActor(ctx.userId) })),

  revokeApiKey: adminProcedure
    .input(revokeApiKeyInput)
    .mutation(({ ctx, input }) =>
      revokeApiKey(ctx.db, { businessId: ctx.businessId, apiKeyId: input.apiKeyId, now: ctx.now() }, { actor: dashboardActor(ctx.userId) }),
    ),
});
