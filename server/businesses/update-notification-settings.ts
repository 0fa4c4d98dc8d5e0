// Which channels confirmations and reminders use, their texts, and when reminders go out.
import type { Actor } from "../audit";
import type { Db } from "../db";
import type { NotificationSettings } from "./notification-settings-input";
import { writeSettingsSection } from "./write-settings-section";

export function updateNotificationSettings(
  db: Db,
  { businessId, notifications }: { businessId: string; notifications: NotificationSettings },
  { actor }: { actor: Actor },
) {
  return writeSettingsSection(db, { businessId, section: "notifications", value: notifications }, { actor, action: "settings.notifications.update" });
}
