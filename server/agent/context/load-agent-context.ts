// Loads the AgentContext for one turn. Every query filters by businessId; the caller is found by
// the phone number the call or message came from, never by anything the caller says.
import { parseBusinessSettings } from "../../businesses/business-settings";
import type { Db } from "../../db";
import { AppError } from "../../errors";
import { addDays, localDateTimeOf } from "../../time/local-calendar";
import { type AgentContext, clockOf, parseAgentSettings, parseFaq } from "./agent-context";

const CLOSURE_LOOKAHEAD_DAYS = 60;

export async function loadAgentContext(
  db: Db,
  { businessId, callerPhone, now }: { businessId: string; callerPhone: string; now: Date },
): Promise<AgentContext> {
  const business = await db.business.findUnique({
    where: { id: businessId },
    select: { id: true, name: true, timezone: true, address: true, contactPhone: true, email: true, settings: true },
  });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  const local = localDateTimeOf(now, business.timezone);

  const [hours, closures, services, staff, customer] = await Promise.all([
    db.weeklyHours.findMany({
      where: { businessId, staffId: null },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      select: { weekday: true, startMinute: true, endMinute: true },
    }),
    db.dateOverride.findMany({
      where: {
        businessId,
        staffId: null,
        closed: true,
        date: { gte: new Date(`${local.date}T00:00:00Z`), lte: new Date(`${addDays(local.date, CLOSURE_LOOKAHEAD_DAYS)}T00:00:00Z`) },
      },
      orderBy: { date: "asc" },
      select: { date: true },
    }),
    db.service.findMany({
      where: { businessId, active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true, name: true, synonyms: true, durationMinutes: true, priceCents: true, currency: true,
        staff: { where: { staff: { active: true } }, select: { staffId: true } },
      },
    }),
    db.staffMember.findMany({ where: { businessId, active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.customer.findUnique({ where: { businessId_phone: { businessId, phone: callerPhone } }, select: { id: true, name: true } }),
  ]);

  const upcoming = customer
    ? await db.appointment.findMany({
        where: { businessId, customerId: customer.id, status: "booked", startsAt: { gt: now } },
        orderBy: { startsAt: "asc" },
        take: 10,
        select: { id: true, startsAt: true, service: { select: { id: true, name: true } }, staff: { select: { name: true } } },
      })
    : [];

  const settings = parseBusinessSettings(business.settings);
  const agent = parseAgentSettings(business.settings);
  return {
    business: {
      id: business.id,
      name: business.name,
      timezone: business.timezone,
      address: business.address,
      phone: business.contactPhone,
      email: business.email,
      languages: agent.languages,
      greeting: agent.greeting,
    },
    today: { date: local.date, weekday: local.weekday, time: clockOf(local.time.hour * 60 + local.time.minute) },
    hours: Array.from({ length: 7 }, (_, weekday) => ({
      weekday,
      ranges: hours.filter((h) => h.weekday === weekday).map((h) => ({ start: clockOf(h.startMinute), end: clockOf(h.endMinute) })),
    })),
    closures: closures.map((c) => c.date.toISOString().slice(0, 10)),
    services: services.map(({ staff: performers, ...s }) => ({ ...s, staffIds: performers.map((p) => p.staffId) })),
    staff,
    faq: parseFaq(business.settings),
    policy: {
      cancellationWindowHours: settings.booking.cancellationWindowHours,
      callersMayReschedule: settings.booking.callersMayReschedule,
      callersMayCancel: settings.booking.callersMayCancel,
    },
    caller: { phone: callerPhone, known: customer !== null, customerId: customer?.id ?? null, name: customer?.name ?? null },
    upcoming: upcoming.map((a) => {
      const at = localDateTimeOf(a.startsAt, business.timezone);
      return {
        appointmentId: a.id,
        serviceId: a.service.id,
        serviceName: a.service.name,
        staffName: a.staff.name,
        date: at.date,
        weekday: at.weekday,
        time: clockOf(at.time.hour * 60 + at.time.minute),
        startsAt: a.startsAt.toISOString(),
      };
    }),
  };
}
