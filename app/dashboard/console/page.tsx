// /dashboard/console: the owner talks to the receptionist as a simulated caller and sees what it
// did (tool calls, the caller's appointments) after every turn, and can hear its replies.
import type { Metadata } from "next";
import { currentBusiness } from "../current-business";
import { ConsoleBoard } from "./console-board";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Test console · AppointmentScheduler" };

export default async function ConsolePage({ searchParams }: { searchParams: Promise<{ b?: string }> }) {
  const { b } = await searchParams;
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  if (!canEdit) {
    return (
      <main className="mx-auto max-w-3xl space-y-3 p-4 sm:p-6">
        <h1 className="text-xl font-semibold">Test console</h1>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          The test console is for owners and admins: it books real appointments as any caller number. Ask an owner of the business to try the receptionist here.
        </p>
      </main>
    );
  }
  const setup = await api.console.setup({ businessId });
  return (
    <main className="mx-auto max-w-7xl p-4 sm:p-6">
      <ConsoleBoard businessId={businessId} businessParam={b === businessId ? b : undefined} setup={setup} />
    </main>
  );
}
