"use client";
// The simulated caller's appointments beside the chat, fetched again after every turn. Ones that
// appeared or changed in the last turn are marked, so a booking made by chatting is easy to spot.
import Link from "next/link";
import { dateLabel, localDateOf, timeRangeLabel } from "../appointments/format";
import { statusLabels } from "../appointments/status";
import type { CallerAppointment } from "./types";

const statusStyles: Record<CallerAppointment["status"], string> = {
  held: "bg-amber-50 text-amber-800",
  booked: "bg-emerald-50 text-emerald-800",
  completed: "bg-slate-100 text-slate-700",
  cancelled: "bg-slate-100 text-slate-500 line-through",
  no_show: "bg-red-50 text-red-800",
};

export function CallerAppointments({
  appointments,
  changed,
  timezone,
  appointmentsHref,
}: {
  appointments: CallerAppointment[];
  /** Ids that are new or changed since the turn before. */
  changed: ReadonlySet<string>;
  timezone: string;
  appointmentsHref: (date: string) => string;
}) {
  return (
    <section aria-labelledby="caller-appointments" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="caller-appointments" className="mb-2 font-medium">
        This caller&apos;s appointments
      </h2>
      {appointments.length === 0 ? (
        <p className="text-sm text-slate-500">None yet. Ask the receptionist to book one, as a caller would.</p>
      ) : (
        <ul className="space-y-2">
          {appointments.map((a) => {
            const day = localDateOf(a.startsAt, timezone);
            return (
              <li
                key={a.id}
                data-appointment-id={a.id}
                className={`rounded-md px-3 py-2 text-sm ring-1 ${changed.has(a.id) ? "bg-brand-50 ring-brand-600/40" : "ring-slate-200"}`}
              >
                <div className="flex items-start justify-between gap-2">
                  <span className="font-medium">{a.service}</span>
                  <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${statusStyles[a.status]}`}>{statusLabels[a.status]}</span>
                </div>
                <div className="text-slate-600">
                  {dateLabel(day)}, {timeRangeLabel(a.startsAt, a.endsAt, timezone)}
                </div>
                <div className="flex items-center justify-between gap-2 text-xs text-slate-500">
                  <span>
                    with {a.staff}
                    {a.channel === "console" && " · booked in the console"}
                  </span>
                  {a.status !== "cancelled" && (
                    <Link href={appointmentsHref(day)} className="font-medium text-brand-700 hover:underline">
                      Open day
                    </Link>
                  )}
                </div>
                {changed.has(a.id) && <span className="sr-only">Changed in the last turn.</span>}
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-3 text-xs text-slate-500">Times in {timezone.replaceAll("_", " ")}.</p>
    </section>
  );
}
