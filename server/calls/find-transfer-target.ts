// Where (and whether) a caller who asks for a person can be transferred right now. The number is
// the agent settings' transferNumber, else the business's contact phone; the times are the agent
// settings' transferHours: the business's opening hours (with today's date override), any time,
// custom weekly ranges, or never. The number always comes from the settings, never from what a
// caller or a language model said.
import { parseSettingsSection } from "../businesses/business-settings";
import type { Db } from "../db";
import { localDateTimeOf } from "../time/local-calendar";

export type TransferTarget =
  | { available: true; number: string }
  | { available: false; reason: "no-number" | "outside-hours" | "never" };

interface Range {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export async function findTransferTarget(db: Db, { businessId }: { businessId: string }, { now }: { now: Date }): Promise<TransferTarget> {
  const business = await db.business.findUnique({ where: { id: businessId }, select: { timezone: true, settings: true, contactPhone: true } });
  if (!business) return { available: false, reason: "no-number" };
  const raw = (business.settings ?? {}) as Record<string, unknown>;
  const agent = parseSettingsSection("agent", raw.agent);
  const number = agent.transferNumber ?? business.contactPhone;
  if (!number) return { available: false, reason: "no-number" };
  if (agent.transferHours === "never") return { available: false, reason: "never" };
  if (agent.transferHours === "always") return { available: true, number };

  const local = localDateTimeOf(now, business.timezone);
  const minute = local.time.hour * 60 + local.time.minute;
  let ranges: Range[];
  if (agent.transferHours === "custom") {
    ranges = agent.transferRanges.filter((r) => r.weekday === local.weekday);
  } else {
    const override = await db.dateOverride.findFirst({
      where: { businessId, staffId: null, date: new Date(`${local.date}T00:00:00Z`) },
      select: { closed: true, startMinute: true, endMinute: true },
    });
    if (override?.closed) return { available: false, reason: "outside-hours" };
    ranges =
      override && override.startMinute !== null && override.endMinute !== null
        ? [{ weekday: local.weekday, startMinute: override.startMinute, endMinute: override.endMinute }]
        : await db.weeklyHours.findMany({ where: { businessId, staffId: null, weekday: local.weekday }, select: { weekday: true, startMinute: true, endMinute: true } });
  }
  return ranges.some((r) => minute >= r.startMinute && minute < r.endMinute)
    ? { available: true, number }
    : { available: false, reason: "outside-hours" };
}
