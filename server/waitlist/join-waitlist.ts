// Puts a customer on the waitlist for a service in a time range ("any time Thursday afternoon"),
// optionally with one staff member. When a matching slot frees up, offer-freed-slot.ts offers it
// to whoever joined first. Joining twice for an overlapping range of the same service returns the
// entry already there: one customer holds one place in line per wish.
import { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import { customerDetails, findOrCreateCustomer, requireCustomer } from "../customers/find-or-create-customer";
import type { Db } from "../db";
import { AppError } from "../errors";
import { waitlistEntrySelect } from "./waitlist-entry-view";

export const joinWaitlistInput = z.object({
  businessId: z.string().min(1),
  serviceId: z.string().min(1),
  /** A specific person, or absent/null for anyone who performs the service. */
  staffId: z.string().min(1).nullish(),
  customer: z.union([z.object({ id: z.string().min(1) }), customerDetails]),
  /** The appointment must start at or after this instant… */
  earliest: z.coerce.date({ message: "earliest must be an ISO 8601 date-time" }),
  /** …and end by this one. */
  latest: z.coerce.date({ message: "latest must be an ISO 8601 date-time" }),
});

export type JoinWaitlistInput = z.input<typeof joinWaitlistInput>;

export async function joinWaitlist(db: Db, rawInput: JoinWaitlistInput, { actor, now }: { actor: Actor; now: Date }) {
  const input = joinWaitlistInput.parse(rawInput);
  if (input.latest <= input.earliest) throw new AppError("INVALID_INPUT", "The end of the range must be after its start.");
  if (input.latest <= now) throw new AppError("INVALID_INPUT", "That time range has already passed.");
  // "Any time today" said at 10:00 starts in the past; the part already gone can never be offered,
  // so it is trimmed rather than refused.
  const earliest = input.earliest < now ? now : input.earliest;
  const latest = input.latest;

  return db.$transaction(async (tx) => {
    const service = await tx.service.findFirst({
      where: { id: input.serviceId, businessId: input.businessId, active: true },
      select: { id: true },
    });
    if (!service) throw new AppError("NOT_FOUND", "That service does not exist or is not offered any more.");
    if (input.staffId) {
      const performs = await tx.staffService.count({
        where: { businessId: input.businessId, serviceId: service.id, staffId: input.staffId, staff: { active: true, businessId: input.businessId } },
      });
      if (!performs) {
        const exists = await tx.staffMember.count({ where: { id: input.staffId, businessId: input.businessId, active: true } });
        throw new AppError("NOT_FOUND", exists ? "That staff member does not perform this service." : "No such staff member.");
      }
    }
    const customer =
      "id" in input.customer
        ? await requireCustomer(tx, { businessId: input.businessId, customerId: input.customer.id })
        : await findOrCreateCustomer(tx, { businessId: input.businessId, details: input.customer });

    // Two joins for the same customer at once (a double-tapped button, a retried request) would
    // both see no entry and both insert. Locking the customer's row serialises them; the second
    // then finds the first one's entry.
    await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${customer.id} AND "businessId" = ${input.businessId} FOR UPDATE`;

    const existing = await tx.waitlistEntry.findFirst({
      where: {
        businessId: input.businessId,
        customerId: customer.id,
        serviceId: service.id,
        status: { in: ["waiting", "offered"] },
        earliest: { lt: latest },
        latest: { gt: earliest },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: waitlistEntrySelect,
    });
    if (existing) return { entry: existing, created: false };

    const entry = await tx.waitlistEntry.create({
      data: {
        businessId: input.businessId,
        customerId: customer.id,
        serviceId: service.id,
        staffId: input.staffId ?? null,
        earliest,
        latest,
      },
      select: waitlistEntrySelect,
    });
    await recordAudit(tx, { businessId: input.businessId, actor, action: "waitlist.join", entityType: "WaitlistEntry", entityId: entry.id, after: entry });
    return { entry, created: true };
  });
}
