// The bookable slots of a service on one day of the business's wall calendar, for pickers that
// think in local days (the dashboard's booking and reschedule dialogs). The slot engine itself
// works on instants; this only turns "2026-11-24 in the business's zone" into its two midnights.
import { z } from "zod";
import { addDays, localDateTimeOf, localDateTimeToInstant } from "../time/local-calendar";
import type { Db } from "../db";
import { AppError } from "../errors";
import { findAvailableSlots } from "./find-available-slots";
import { localDateInput } from "./list-appointments";

export const listSlotsOnDayInput = z.object({
  businessId: z.string().min(1),
  serviceId: z.string().min(1),
  /** null or absent: anyone who performs the service. */
  staffId: z.string().min(1).nullish(),
  date: localDateInput,
});

export type ListSlotsOnDayInput = z.infer<typeof listSlotsOnDayInput>;

export async function listSlotsOnDay(db: Db, rawInput: ListSlotsOnDayInput, { now }: { now: Date }) {
  const input = listSlotsOnDayInput.parse(rawInput);
  const business = await db.business.findUnique({ where: { id: input.businessId }, select: { timezone: true } });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  const midnight = { hour: 0, minute: 0 };
  const from = new Date(localDateTimeToInstant(input.date, midnight, business.timezone));
  const to = new Date(localDateTimeToInstant(addDays(input.date, 1), midnight, business.timezone));
  const result = await findAvailableSlots(
    db,
    { businessId: input.businessId, serviceId: input.serviceId, staffId: input.staffId ?? undefined, from, to },
    now,
  );
  return {
    date: input.date,
    today: localDateTimeOf(now, business.timezone).date,
    timezone: result.timezone,
    service: { id: result.service.id, name: result.service.name, durationMinutes: result.service.durationMinutes },
    slots: result.slots,
  };
}
