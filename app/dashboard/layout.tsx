// The signed-in shell: the business header (name, switcher, navigation, sign-out) around every
// dashboard page, and the browser's tRPC client for the pages' dialogs.
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { TRPCReactProvider } from "@/app/_trpc/client";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { DashboardHeader } from "./dashboard-header";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const ctx = await createContext();
  if (!ctx.userId) redirect("/login");
  const memberships = await createCaller(ctx).business.mine();
  const businesses = memberships.map((m) => ({ id: m.business.id, name: m.business.name }));
  return (
    <TRPCReactProvider>
      <div className="min-h-screen">
        <Suspense fallback={<div className="h-[6.5rem] border-b border-slate-200 bg-white sm:h-14" />}>
          <DashboardHeader businesses={businesses} />
        </Suspense>
        {children}
      </div>
    </TRPCReactProvider>
  );
}
