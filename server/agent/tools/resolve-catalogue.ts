// Turns the service and staff an engine names (an id from the context, or a name an LLM copied)
// into rows of this business, or a refusal listing what exists. Never trusts an id blindly: it
// must belong to this business and be active.
import { cleanUtterance } from "../understanding/normalize-text";
import { matchService } from "../understanding/match-service";
import { failure, type ToolContext } from "./tool-kit";

export interface ResolvedService {
  id: string;
  name: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  staffIds: string[];
  synonyms: string[];
}

export async function resolveService(ctx: ToolContext, ref: string): Promise<ResolvedService> {
  const services = (
    await ctx.db.service.findMany({
      where: { businessId: ctx.businessId, active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true, name: true, durationMinutes: true, priceCents: true, currency: true, synonyms: true,
        staff: { where: { staff: { active: true } }, select: { staffId: true } },
      },
    })
  ).map(({ staff, ...s }) => ({ ...s, staffIds: staff.map((x) => x.staffId) }));
  const byId = services.find((s) => s.id === ref);
  if (byId) return byId;
  const folded = cleanUtterance(ref);
  const byName = services.find((s) => cleanUtterance(s.name) === folded);
  if (byName) return byName;
  const match = matchService(ref, services);
  if (match.best && !match.ambiguous) return services.find((s) => s.id === match.best!.service.id)!;
  if (match.best && match.runnerUp) {
    failure("AMBIGUOUS_SERVICE", `"${ref}" could mean ${match.best.service.name} or ${match.runnerUp.service.name}. Ask which.`, {
      candidates: [match.best, match.runnerUp].map((c) => ({ id: c.service.id, name: c.service.name })),
    });
  }
  return failure("UNKNOWN_SERVICE", `This business does not offer "${ref}".`, {
    services: services.map((s) => ({ id: s.id, name: s.name })),
  });
}

export async function resolveStaff(ctx: ToolContext, ref: string, service?: ResolvedService): Promise<{ id: string; name: string }> {
  const staff = await ctx.db.staffMember.findMany({
    where: { businessId: ctx.businessId, active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  const folded = cleanUtterance(ref);
  const member =
    staff.find((s) => s.id === ref) ??
    staff.find((s) => cleanUtterance(s.name) === folded) ??
    staff.find((s) => cleanUtterance(s.name).split(" ")[0] === folded.split(" ")[0]);
  if (!member) return failure("UNKNOWN_STAFF", `Nobody called "${ref}" works here.`, { staff: staff.map((s) => ({ id: s.id, name: s.name })) });
  if (service && !service.staffIds.includes(member.id)) {
    failure("STAFF_DOES_NOT_PERFORM", `${member.name} does not do ${service.name}.`, {
      staff: { id: member.id, name: member.name },
      performedBy: staff.filter((s) => service.staffIds.includes(s.id)).map((s) => ({ id: s.id, name: s.name })),
    });
  }
  return member;
}
