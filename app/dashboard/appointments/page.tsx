// /dashboard/appointments?date=YYYY-MM-DD&view=day|week: the business's day (columns per staff
// member) or week (Monday to Sunday), on the business's own calendar and clock.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { localDateInput } from "@/server/scheduling/list-appointments";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { AppointmentsBoard } from "./appointments-board";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Appointments · AppointmentScheduler" };

export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<{ b?: string; date?: string; view?: string }> }) {
  const ctx = await createContext();
  if (!ctx.userId) redirect("/login");
  const api = createCaller(ctx);
  const { b, date, view } = await searchParams;
  const memberships = await api.business.mine();
  const current = memberships.find((m) => m.business.id === b) ?? memberships[0];
  if (!current) {
    return (
      <main className="mx-auto max-w-3xl p-6">
        <p>You are not a member of any business yet.</p>
      </main>
    );
  }
  const businessId = current.business.id;
  const [list, options] = await Promise.all([
    api.appointments.list({ businessId, range: view === "week" ? "week" : "day", date: localDateInput.safeParse(date).success ? date : undefined }),
    api.appointments.options({ businessId }),
  ]);
  return (
    <main className="mx-auto max-w-7xl p-4 sm:p-6">
      <AppointmentsBoard businessParam={b === businessId ? b : undefined} businessId={businessId} list={list} options={options} />
    </main>
  );
}
