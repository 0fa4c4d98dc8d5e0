// Booking policy: how late callers may cancel or move, whether they may at all, and how long a
// freed time is held for the first person on the waitlist.
import type { Actor } from "../audit";
import type { Db } from "../db";
import type { BookingPolicy } from "./business-settings";
import { writeSettingsSection } from "./write-settings-section";

export function updateBookingPolicy(db: Db, { businessId, policy }: { businessId: string; policy: BookingPolicy }, { actor }: { actor: Actor }) {
  return writeSettingsSection(db, { businessId, section: "booking", value: policy }, { actor, action: "settings.booking.update" });
}
