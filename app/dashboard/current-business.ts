// Which business a dashboard page shows, from `?b=`: the signed-in user's membership of it, or
// the first one when `?b=` is absent. A `?b=` naming a business the user is not a member of is a
// 404, exactly as for a business that does not exist. Data itself is then read through the tRPC
// caller, whose businessProcedure checks membership again: that stays the one scoping point.
import { notFound, redirect } from "next/navigation";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export type BusinessSearchParams = Promise<{ b?: string | string[] }>;

export async function currentBusiness(searchParams: BusinessSearchParams) {
  const ctx = await createContext();
  if (!ctx.userId) redirect("/login");
  const api = createCaller(ctx);
  const { b: raw } = await searchParams;
  const b = Array.isArray(raw) ? raw[0] : raw;
  const memberships = await api.business.mine();
  if (memberships.length === 0) redirect("/onboarding");
  const current = b ? memberships.find((m) => m.business.id === b) : memberships[0];
  if (!current) notFound();
  return {
    api,
    businessId: current.business.id,
    businessName: current.business.name,
    role: current.role,
    /** Owners and admins change settings; staff see them read-only. */
    canEdit: current.role !== "staff",
  };
}
