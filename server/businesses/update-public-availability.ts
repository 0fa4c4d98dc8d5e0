// Whether anyone may read the business's services and free times through the public API
// (GET /api/v1/…/services and …/availability) without an API key, for a website's booking widget.
// Booking, moving and cancelling always need a key. Takes effect with the next request: the API
// reads the setting on every anonymous request.
import { z } from "zod";
import type { Actor } from "../audit";
import type { Db } from "../db";
import { writeSettingsSection } from "./write-settings-section";

export const publicAvailabilityInput = z.object({ publicAvailability: z.boolean() });

export function updatePublicAvailability(db: Db, { businessId, enabled }: { businessId: string; enabled: boolean }, { actor }: { actor: Actor }) {
  return writeSettingsSection(db, { businessId, section: "publicAvailability", value: enabled }, { actor, action: "settings.public_availability.update" });
}
