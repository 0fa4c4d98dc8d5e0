// Public reads: a business's services, and its bookable slots for one service in a window.
// Open to anyone when the business's `publicAvailability` setting is on; otherwise they need the
// business's API key.
import type { z } from "zod";
import type { Db } from "../../db";
import { listStaffAndServices } from "../../scheduling/list-staff-and-services";
import { slotsFrom } from "../../scheduling/find-available-slots";
import { loadSchedulingContext } from "../../scheduling/load-scheduling-context";
import { cachedScheduleAnswer } from "../../scheduling/schedule-answer-cache";
import { cachedSchedulingRules } from "../../scheduling/scheduling-cache";
import { authorize, type BusinessAccess } from "./auth";
import { apiRoute, json, jsonText, parseWith, queryObject } from "./http";
import { invalidField } from "./problems";
import { explainNotFound } from "./references";
import { toSlotResources } from "./resources";
import { availabilityQuery, type AvailabilityResponse, type ServicesResponse } from "./schemas";

const DAY_MS = 86_400_000;

export const listServices = apiRoute("GET", "/api/v1/businesses/{slug}/services", async ({ db, request, now, params }) => {
  const access = await authorize(db, request, params.slug, { need: "public-read", now });
  const { services, staff } = await listStaffAndServices(db, { businessId: access.business.id });
  const nameOf = new Map(staff.map((s) => [s.id, s.name]));
  const body: ServicesResponse = {
    business: { slug: access.business.slug, name: access.business.name, timezone: access.business.timezone },
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      durationMinutes: s.durationMinutes,
      priceCents: s.priceCents,
      currency: s.currency,
      staff: s.staffIds.filter((id) => nameOf.has(id)).map((id) => ({ id, name: nameOf.get(id)! })),
    })),
  };
  return json(body);
});

export const getAvailability = apiRoute("GET", "/api/v1/businesses/{slug}/availability", async ({ db, request, now, params, url }) => {
  const access = await authorize(db, request, params.slug, { need: "public-read", now });
  const query = parseWith(availabilityQuery, queryObject(url), "query");
  const { business } = access;
  if (query.to <= now) {
    throw invalidField("to", "query", `This window has already passed. Ask for times after ${now.toISOString()}.`);
  }
  const displayZone = query.timezone ?? business.timezone;
  // The answer, serialized, is cached per process against the business's schedule version
  // (its staff members' appointment-change counters) just read by authorize: never older than the last committed appointment change, at most a second
  // older than the clock (schedule-answer-cache.ts). Popular windows are asked for by many
  // clients at once; they share one computation.
  const key = `api-v1-availability|${query.service}|${query.staff ?? ""}|${query.from.getTime()}|${query.to.getTime()}|${displayZone}`;
  const body = await cachedScheduleAnswer(db, { businessId: business.id, version: business.scheduleVersion, key, nowMs: now.getTime() }, () =>
    availabilityBody(db, business, query, displayZone, now),
  );
  return jsonText(body);
});

async function availabilityBody(
  db: Db,
  business: BusinessAccess["business"],
  query: z.output<typeof availabilityQuery>,
  displayZone: string,
  now: Date,
): Promise<string> {
  const fromMs = query.from.getTime();
  const toMs = query.to.getTime();
  const scope = { businessId: business.id, serviceId: query.service, staffId: query.staff };
  // The rules (hours, staff, service) from the short-lived cache; the appointments fresh.
  const context = await cachedSchedulingRules(db, scope, now.getTime())
    .then((rules) => loadSchedulingContext(db, { ...scope, fromMs, toMs }, { rules }))
    .catch(async (error: unknown) => {
      throw await explainNotFound(db, error, {
        businessId: business.id,
        slug: business.slug,
        service: { field: "service", in: "query", id: query.service },
        staff: query.staff ? { field: "staff", in: "query", id: query.staff } : null,
      });
    });
  // The same generous bound as booking (check-booking-window.ts); the slot engine trims exactly.
  const horizonDays = context.query.service.bookingHorizonDays;
  const horizonEndMs = now.getTime() + (horizonDays + 1) * DAY_MS;
  if (fromMs >= horizonEndMs) {
    throw invalidField(
      "from",
      "query",
      `${context.service.name} can be booked at most ${horizonDays} days ahead: ask for times before ${new Date(horizonEndMs).toISOString()}.`,
    );
  }
  const slots = slotsFrom(context, { fromMs, toMs, staffId: query.staff, nowMs: now.getTime() });
  const body: AvailabilityResponse = {
    business: { slug: business.slug, name: business.name, timezone: business.timezone },
    service: { id: context.service.id, name: context.service.name, durationMinutes: context.service.durationMinutes },
    staffId: query.staff ?? null,
    timezone: displayZone,
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    slots: toSlotResources(slots, displayZone),
  };
  return JSON.stringify(body);
}
