"use client";
// Seven days side by side (stacked on a phone), each listing its appointments per staff member.
import Link from "next/link";
import { clockLabel, dateLabel } from "./format";
import { cardTone, staffEdge } from "./appointment-card-style";
import { statusLabels } from "./status";
import type { AppointmentList, ListedAppointment } from "./types";

export function WeekView({
  list,
  dayHref,
  onOpen,
}: {
  list: AppointmentList;
  dayHref: (date: string) => string;
  onOpen: (appointment: ListedAppointment, card: HTMLElement) => void;
}) {
  return (
    <div className="grid gap-3 lg:grid-cols-7 lg:gap-2">
      {list.days.map((day) => {
        const appointments = list.appointments.filter((a) => a.localDate === day);
        const isToday = day === list.today;
        const staff = list.staff.filter((p) => appointments.some((a) => a.staff.id === p.id));
        return (
          <section key={day} aria-label={dateLabel(day, "long")} className="min-w-0 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <h2 className="border-b border-slate-100 px-3 py-2 text-sm">
              <Link
                href={dayHref(day)}
                className="flex items-baseline justify-between gap-2 rounded hover:text-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                aria-label={`${dateLabel(day, "long")}${isToday ? ", today" : ""}, ${appointments.length === 1 ? "1 appointment" : `${appointments.length} appointments`}: open the day`}
              >
                <span className={isToday ? "font-semibold text-brand-700" : "font-medium"}>
                  {dateLabel(day, "weekday")} {dateLabel(day, "monthDay")}
                  {isToday && <span className="ml-1.5 text-xs font-medium uppercase tracking-wide">Today</span>}
                </span>
                {appointments.length > 0 && (
                  <span className="rounded-full bg-slate-100 px-1.5 text-xs font-medium text-slate-600">{appointments.length}</span>
                )}
              </Link>
            </h2>
            {appointments.length === 0 ? (
              <p className="px-3 py-3 text-sm text-slate-400">No appointments</p>
            ) : (
              <div className="space-y-3 px-2 py-2">
                {staff.map((person) => (
                  <div key={person.id}>
                    <h3 className="mb-1 flex items-center gap-1.5 px-1 text-xs font-medium text-slate-500">
                      <span className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: person.color ?? "#0d9488" }} aria-hidden />
                      <span className="truncate">{person.name}</span>
                    </h3>
                    <ul className="space-y-1">
                      {appointments
                        .filter((a) => a.staff.id === person.id)
                        .map((a) => (
                          <li key={a.id}>
                            <button
                              type="button"
                              onClick={(e) => onOpen(a, e.currentTarget)}
                              data-appointment-id={a.id}
                              className={`block w-full rounded-md border-l-4 px-2 py-1 text-left text-xs leading-4 ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${cardTone(a.status)}`}
                              style={staffEdge(a.staff.color)}
                            >
                              <span className="block font-semibold">
                                {clockLabel(a.startMinute)}
                                {a.status !== "booked" && <span className="font-medium"> · {statusLabels[a.status]}</span>}
                              </span>
                              <span className="block truncate">{a.service.name}</span>
                              <span className="block truncate text-slate-600">{a.customer.name ?? a.customer.phone}</span>
                              <span className="sr-only">
                                {" "}
                                until {clockLabel(a.endMinute)}, with {a.staff.name}
                              </span>
                            </button>
                          </li>
                        ))}
                    </ul>
                  </div>
                ))}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
