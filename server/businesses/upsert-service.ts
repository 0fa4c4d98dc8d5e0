// Creates a service or changes one: its name, length, price, buffers, booking rules, whether it is
// offered, and who performs it (the staff list is replaced). Services are switched off rather than
// deleted, since past appointments refer to them. Names are unique within the business, ignoring
// case, because callers ask for a service by name.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { fieldError } from "./field-error";
import { serviceSelect, serviceView } from "./list-services";
import type { upsertServiceInput } from "./service-input";

type Input = z.output<typeof upsertServiceInput>;

export async function upsertService(db: Db, { businessId, ...input }: { businessId: string } & Input, { actor }: { actor: Actor }) {
  const { id, staffIds, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = id ? await tx.service.findFirst({ where: { id, businessId }, select: serviceSelect }) : null;
    if (id && !before) throw new AppError("NOT_FOUND", "No such service.");
    const sameName = await tx.service.findFirst({
      where: { businessId, name: { equals: fields.name, mode: "insensitive" }, ...(id ? { NOT: { id } } : {}) },
      select: { id: true },
    });
    if (sameName) throw fieldError("CONFLICT", "name", "There is already a service with this name.");
    const performers = await assertStaffOfBusiness(tx, businessId, staffIds);

    let serviceId: string;
    if (id) {
      await tx.service.updateMany({ where: { id, businessId }, data: fields });
      await tx.staffService.deleteMany({ where: { businessId, serviceId: id } });
      serviceId = id;
    } else {
      const last = await tx.service.aggregate({ where: { businessId }, _max: { sortOrder: true } });
      const created = await tx.service.create({
        data: { ...fields, businessId, sortOrder: (last._max.sortOrder ?? -1) + 1 },
        select: { id: true },
      });
      serviceId = created.id;
    }
    if (performers.length > 0) {
      await tx.staffService.createMany({ data: performers.map((staffId) => ({ businessId, staffId, serviceId })) });
    }
    const after = serviceView(await tx.service.findFirstOrThrow({ where: { id: serviceId, businessId }, select: serviceSelect }));
    await recordAudit(tx, {
      businessId,
      actor,
      action: id ? "service.update" : "service.create",
      entityType: "Service",
      entityId: serviceId,
      before: before ? serviceView(before) : undefined,
      after,
    });
    return after;
  });
}

/** The distinct ids, each checked to be a staff member of this business (inside the query). */
export async function assertStaffOfBusiness(tx: Tx, businessId: string, staffIds: string[]): Promise<string[]> {
  const unique = [...new Set(staffIds)];
  if (unique.length === 0) return unique;
  const found = await tx.staffMember.count({ where: { businessId, id: { in: unique } } });
  if (found !== unique.length) throw fieldError("NOT_FOUND", "staffIds", "One of those staff members does not exist any more. Reload the page.");
  return unique;
}
