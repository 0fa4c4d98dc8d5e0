// A staff member as the settings page edits them: name and contact details, calendar colour,
// whether they take bookings, and which services they perform. Their hours are set separately
// (set-weekly-hours.ts), as are their days off (upsert-date-override.ts).
import { z } from "zod";
import { optionalEmail, optionalPhone } from "./contact-fields";

export const staffName = z
  .string({ error: "Enter the staff member's name." })
  .trim()
  .min(1, "Enter the staff member's name.")
  .max(80, "Keep the name under 80 characters.");

export const upsertStaffMemberInput = z.object({
  /** Absent: a new staff member. */
  id: z.string().min(1).optional(),
  name: staffName,
  email: optionalEmail,
  phone: optionalPhone,
  color: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null))
    .pipe(z.string().regex(/^#[0-9a-f]{6}$/, "Pick a colour.").nullable()),
  active: z.boolean(),
  serviceIds: z.array(z.string().min(1)).max(200),
});

export type UpsertStaffMemberInput = z.input<typeof upsertStaffMemberInput>;
