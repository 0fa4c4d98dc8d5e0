// /dashboard/appointments?date=YYYY-MM-DD&view=day|week: the business's day (columns per staff
// member) or week (Monday to Sunday), on the business's own calendar and clock.
import type { Metadata } from "next";
import { localDateInput } from "@/server/scheduling/list-appointments";
import { currentBusiness } from "../current-business";
import { AppointmentsBoard } from "./appointments-board";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Appointments · AppointmentScheduler" };

export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<{ b?: string; date?: string; view?: string }> }) {
  const { date, view, b } = await searchParams;
  const { api, businessId } = await currentBusiness(searchParams);
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
