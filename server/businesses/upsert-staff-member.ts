// Adds a staff member or changes one: name, contact details, colour, whether they take bookings,
// and the services they perform (replaced as a whole). A new staff member starts with the
// business's opening hours as their working hours, so they are bookable at once; staff are
// switched off rather than deleted, since past appointments refer to them.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { fieldError } from "./field-error";
import { staffSelect, staffView } from "./list-staff-members";
import type { upsertStaffMemberInput } from "./staff-member-input";

type Input = z.output<typeof upsertStaffMemberInput>;

export async function upsertStaffMember(db: Db, { businessId, ...input }: { businessId: string } & Input, { actor }: { actor: Actor }) {
  const { id, serviceIds, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = id ? await tx.staffMember.findFirst({ where: { id, businessId }, select: staffSelect }) : null;
    if (id && !before) throw new AppError("NOT_FOUND", "No such staff member.");
    const services = await assertServicesOfBusiness(tx, businessId, serviceIds);

    let staffId: string;
    if (id) {
      await tx.staffMember.updateMany({ where: { id, businessId }, data: fields });
      await tx.staffService.deleteMany({ where: { businessId, staffId: id } });
      staffId = id;
    } else {
      const last = await tx.staffMember.aggregate({ where: { businessId }, _max: { sortOrder: true } });
      const created = await tx.staffMember.create({ data: { ...fields, businessId, sortOrder: (last._max.sortOrder ?? -1) + 1 }, select: { id: true } });
      staffId = created.id;
      const opening = await tx.weeklyHours.findMany({ where: { businessId, staffId: null }, select: { weekday: true, startMinute: true, endMinute: true } });
      if (opening.length > 0) await tx.weeklyHours.createMany({ data: opening.map((h) => ({ ...h, businessId, staffId })) });
    }
    if (services.length > 0) {
      await tx.staffService.createMany({ data: services.map((serviceId) => ({ businessId, staffId, serviceId })) });
    }
    const after = staffView(await tx.staffMember.findFirstOrThrow({ where: { id: staffId, businessId }, select: staffSelect }));
    await recordAudit(tx, {
      businessId,
      actor,
      action: id ? "staff.update" : "staff.create",
      entityType: "StaffMember",
      entityId: staffId,
      before: before ? staffView(before) : undefined,
      after,
    });
    return after;
  });
}

/** The distinct ids, each checked to be a service of this business (inside the query). */
export async function assertServicesOfBusiness(tx: Tx, businessId: string, serviceIds: string[]): Promise<string[]> {
  const unique = [...new Set(serviceIds)];
  if (unique.length === 0) return unique;
  const found = await tx.service.count({ where: { businessId, id: { in: unique } } });
  if (found !== unique.length) throw fieldError("NOT_FOUND", "serviceIds", "One of those services does not exist any more. Reload the page.");
  return unique;
}
