import Link from "next/link";
import { providerModes, providerPartLabels, type ProviderPart } from "@/server/config-schema";
import { env } from "@/server/env";
import { currentBusiness } from "./current-business";

export const dynamic = "force-dynamic";

const money = (micros: number) => `$${(micros / 1_000_000).toFixed(2)}`;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ b?: string }> }) {
  const { b } = await searchParams;
  const { api, businessId } = await currentBusiness(searchParams);
  const summary = await api.business.dashboard({ businessId });
  const tz = summary.business.timezone;
  const time = (d: Date) => d.toLocaleTimeString("en-US", { timeZone: tz, hour: "numeric", minute: "2-digit" });
  const modes = providerModes(env());

  return (
    <main className="mx-auto grid max-w-5xl gap-6 p-4 sm:p-6 md:grid-cols-3">
      <div className="md:col-span-3">
        <h1 className="text-xl font-semibold">{summary.business.name}</h1>
        <p className="text-sm text-slate-500">
          {summary.business.phoneNumbers.map((p) => p.e164).join(", ") || "No phone number yet"} · {tz}
        </p>
      </div>
      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:col-span-2" aria-labelledby="today">
        <div className="mb-3 flex items-baseline justify-between gap-3">
          <h2 id="today" className="font-medium">
            Today
          </h2>
          <Link href={b ? `/dashboard/appointments?b=${encodeURIComponent(businessId)}` : "/dashboard/appointments"} className="text-sm font-medium text-brand-700 hover:underline">
            All appointments
          </Link>
        </div>
        {summary.todaysAppointments.length === 0 ? (
          <p className="text-sm text-slate-500">No appointments today.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {summary.todaysAppointments.map((a) => (
              <li key={a.id} className="flex justify-between py-2 text-sm">
                <span>
                  {time(a.startsAt)}–{time(a.endsAt)} · {a.service.name}
                </span>
                <span className="text-slate-600">
                  {a.customer.name ?? a.customer.phone} with {a.staff.name}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="glance">
        <h2 id="glance" className="mb-3 font-medium">
          At a glance
        </h2>
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <dt className="text-slate-500">Upcoming</dt>
          <dd>{summary.upcomingCount}</dd>
          <dt className="text-slate-500">Staff</dt>
          <dd>{summary.staffCount}</dd>
          <dt className="text-slate-500">Services</dt>
          <dd>{summary.serviceCount}</dd>
          <dt className="text-slate-500">Outbox</dt>
          <dd>{summary.queuedMessages} queued</dd>
        </dl>
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:col-span-2" aria-labelledby="calls">
        <h2 id="calls" className="mb-3 font-medium">
          Recent calls
        </h2>
        {summary.recentCalls.length === 0 ? (
          <p className="text-sm text-slate-500">No calls yet. Call {summary.business.phoneNumbers[0]?.e164 ?? "your number"} to try the receptionist.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {summary.recentCalls.map((c) => (
              <li key={c.id} className="flex justify-between py-2">
                <span>{c.fromNumber}</span>
                <span className="text-slate-600">
                  {c.outcome ?? c.status} · {money(c.estimatedCostMicros)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="modes">
        <h2 id="modes" className="mb-3 font-medium">
          Connections
        </h2>
        <ul className="space-y-1 text-xs">
          {Object.entries(modes).map(([part, m]) => (
            <li key={part} className="flex items-start gap-2">
              <span className={`mt-1 inline-block h-2 w-2 shrink-0 rounded-full ${m.live ? "bg-emerald-500" : "bg-amber-400"}`} aria-hidden />
              <span>
                <span className="font-medium">{providerPartLabels[part as ProviderPart]}</span>: {m.mode}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
