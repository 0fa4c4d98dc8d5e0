// Turns the domain's NOT_FOUND for a service or staff member named in a request into a 400 that
// names the field. Runs only after a domain call failed, so a request that succeeds pays nothing.
import type { Db } from "../../db";
import { AppError } from "../../errors";
import { invalidField, type FieldLocation } from "./problems";

interface Reference {
  field: string;
  in: FieldLocation;
  id: string;
}

export async function explainNotFound(
  db: Db,
  error: unknown,
  { businessId, slug, service, staff }: { businessId: string; slug: string; service?: Reference; staff?: Reference | null },
): Promise<unknown> {
  if (!(error instanceof AppError) || error.code !== "NOT_FOUND") return error;
  const offered = service
    ? await db.service.findFirst({
        where: { id: service.id, businessId, active: true },
        select: { name: true, staff: { where: { staff: { active: true } }, select: { staffId: true } } },
      })
    : null;
  if (service && !offered) {
    return invalidField(service.field, service.in, `No service "${service.id}" is offered by this business. List the services with GET /api/v1/businesses/${slug}/services.`);
  }
  if (staff) {
    const member = await db.staffMember.findFirst({ where: { id: staff.id, businessId, active: true }, select: { name: true } });
    if (!member) return invalidField(staff.field, staff.in, `No staff member "${staff.id}" works at this business. Leave it out to book anyone free.`);
    if (offered && !offered.staff.some((s) => s.staffId === staff.id)) {
      return invalidField(staff.field, staff.in, `${member.name} does not perform ${offered.name}. Pick someone who does, or leave it out.`);
    }
  }
  return error;
}
