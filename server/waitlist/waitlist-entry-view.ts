// A waitlist entry as the waitlist commands return it to every channel, and the system actor the
// waitlist acts as when nobody in particular asked (offers after a cancellation, the expiry sweep).
import type { Actor } from "../audit";

export const waitlistEntrySelect = {
  id: true,
  businessId: true,
  customerId: true,
  serviceId: true,
  staffId: true,
  earliest: true,
  latest: true,
  status: true,
  offeredAppointmentId: true,
  offerExpiresAt: true,
  createdAt: true,
} as const;

export const WAITLIST_SYSTEM_ACTOR: Actor = { type: "system", id: null, channel: "system" };
