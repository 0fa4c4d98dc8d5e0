// The business's booking policy as it applies to callers (phone, SMS): whether they may move or
// cancel, and how late. Owners, staff and the business's own API keys are not bound by it.
import type { Actor } from "../audit";
import { AppError } from "../errors";
import type { BusinessSettings } from "../businesses/business-settings";

export function assertCallerMayChange(
  kind: "reschedule" | "cancel",
  { actor, settings, startsAt, now }: { actor: Actor; settings: BusinessSettings; startsAt: Date; now: Date },
): void {
  if (actor.type !== "caller") return;
  const policy = settings.booking;
  const allowed = kind === "cancel" ? policy.callersMayCancel : policy.callersMayReschedule;
  const verb = kind === "cancel" ? "cancelled" : "moved";
  if (!allowed) throw new AppError("FORBIDDEN", `Appointments can't be ${verb} by phone or text. Please speak to the business.`);
  if (startsAt.getTime() - now.getTime() < policy.cancellationWindowHours * 3_600_000) {
    throw new AppError(
      "FORBIDDEN",
      `Appointments can only be ${verb} at least ${policy.cancellationWindowHours} hours ahead. Please speak to the business.`,
    );
  }
}
