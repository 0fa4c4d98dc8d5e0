// The settings area: a sub-navigation beside (or above, on a phone) each settings page.
// Layouts do not see `?b=`, so the navigation receives the user's role in every business and
// picks the current one itself.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { SettingsNav } from "./settings-nav";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings · AppointmentScheduler" };

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const ctx = await createContext();
  if (!ctx.userId) redirect("/login");
  const memberships = await createCaller(ctx).business.mine();
  if (memberships.length === 0) redirect("/onboarding");
  const roles = Object.fromEntries(memberships.map((m) => [m.business.id, m.role]));
  return (
    <div className="mx-auto max-w-6xl p-4 sm:p-6">
      <div className="flex flex-col gap-4 md:flex-row md:gap-8">
        <div className="md:w-52 md:shrink-0">
          <p className="mb-2 hidden text-xs font-semibold uppercase tracking-wide text-slate-500 md:block">Settings</p>
          <Suspense fallback={<div className="h-9" />}>
            <SettingsNav roles={roles} />
          </Suspense>
        </div>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
