"use client";
// The appointments page's interactive part: the date navigation, the day or week view, and the
// dialogs. Changes go through tRPC; afterwards the server-rendered list is fetched again.
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { AppointmentDialog, type AppointmentChange } from "./appointment-dialog";
import { DayView } from "./day-view";
import { addDaysToDate, dateLabel, dateTimeLabel, localDateOf } from "./format";
import { buttonStyles } from "./modal";
import { NewAppointmentDialog } from "./new-appointment-dialog";
import type { AppointmentList, BookedAppointment, BookingOptions, ListedAppointment } from "./types";
import { WeekView } from "./week-view";

type Open = { kind: "new" } | { kind: "appointment"; appointment: ListedAppointment };

export function AppointmentsBoard({ businessParam, businessId, list, options }: { businessParam?: string; businessId: string; list: AppointmentList; options: BookingOptions }) {
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // After a change, focus lands on the changed appointment's card once the new list arrives, or
  // on the heading when the card is gone (cancelled), never on the page's body.
  const focusAfterRefresh = useRef<string | null>(null);
  const tz = list.timezone;

  useEffect(() => {
    const id = focusAfterRefresh.current;
    if (!id) return;
    focusAfterRefresh.current = null;
    const card = document.querySelector<HTMLElement>(`[data-appointment-id="${CSS.escape(id)}"]`);
    (card ?? headingRef.current)?.focus();
  }, [list]);

  const href = (params: { date?: string; view?: "day" | "week" }) => {
    const search = new URLSearchParams();
    if (businessParam) search.set("b", businessParam);
    const date = params.date ?? list.date;
    if (date !== list.today) search.set("date", date);
    const view = params.view ?? list.range;
    if (view === "week") search.set("view", "week");
    const query = search.toString();
    return `/dashboard/appointments${query ? `?${query}` : ""}`;
  };
  const step = list.range === "week" ? 7 : 1;
  const title =
    list.range === "day" ? dateLabel(list.date, "long") : `${dateLabel(list.days[0]!, "monthDay")} – ${dateLabel(list.days[6]!, "monthDay")}, ${list.days[6]!.slice(0, 4)}`;

  /** Shows the day of the changed appointment (in the current view) and refetches the list. */
  function afterChange(message: string, appointment: BookedAppointment) {
    setOpen(null);
    setNotice(message);
    focusAfterRefresh.current = appointment.id;
    void queryClient.invalidateQueries(trpc.appointments.pathFilter());
    const day = localDateOf(appointment.startsAt, tz);
    if (list.days.includes(day)) router.refresh();
    else router.push(href({ date: day }));
  }

  function onChanged(change: AppointmentChange) {
    const a = change.appointment;
    const who = a.customer.name ?? a.customer.phone;
    const messages = {
      rescheduled: `Moved ${who}'s ${a.service.name.toLowerCase()} to ${dateTimeLabel(a.startsAt, tz)} with ${a.staff.name}.`,
      cancelled: `Cancelled ${who}'s ${a.service.name.toLowerCase()} on ${dateTimeLabel(a.startsAt, tz)}.`,
      "no-show": `Marked ${who} as a no-show.`,
    };
    afterChange(messages[change.kind], a);
  }

  const clearNotice = () => setNotice(null);
  const openAppointment = (appointment: ListedAppointment) => setOpen({ kind: "appointment", appointment });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
            Appointments
          </h1>
          <p className="text-sm text-slate-500">
            {title} · times in {tz.replaceAll("_", " ")}
          </p>
        </div>
        <button type="button" onClick={() => setOpen({ kind: "new" })} className={buttonStyles.primary}>
          New appointment
        </button>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label={list.range === "week" ? "Weeks" : "Days"} className="flex items-center gap-1">
          <Link href={href({ date: addDaysToDate(list.date, -step) })} onClick={clearNotice} aria-label={list.range === "week" ? "Previous week" : "Previous day"} className={navButton}>
            <span aria-hidden>‹</span>
          </Link>
          <Link href={href({ date: list.today })} onClick={clearNotice} aria-current={list.days.includes(list.today) ? "date" : undefined} className={`${navButton} px-3 text-sm font-medium`}>
            Today
          </Link>
          <Link href={href({ date: addDaysToDate(list.date, step) })} onClick={clearNotice} aria-label={list.range === "week" ? "Next week" : "Next day"} className={navButton}>
            <span aria-hidden>›</span>
          </Link>
        </nav>
        <nav aria-label="View" className="flex rounded-md bg-white p-0.5 ring-1 ring-slate-300">
          {(["day", "week"] as const).map((view) => (
            <Link
              key={view}
              href={href({ view })}
              onClick={clearNotice}
              aria-current={list.range === view ? "page" : undefined}
              className={`rounded px-3 py-1 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${
                list.range === view ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"
              }`}
            >
              {view === "day" ? "Day" : "Week"}
            </Link>
          ))}
        </nav>
      </div>

      <div role="status" aria-live="polite">
        {notice && (
          <div className="flex items-start justify-between gap-3 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700 ring-1 ring-brand-600/30">
            <span>{notice}</span>
            <button type="button" onClick={() => setNotice(null)} className="shrink-0 font-medium hover:underline">
              Dismiss
            </button>
          </div>
        )}
      </div>

      {list.range === "day" ? (
        <DayView list={list} onOpen={openAppointment} />
      ) : (
        <>
          {list.appointments.length === 0 && <p className="text-sm text-slate-500">No appointments this week.</p>}
          <WeekView list={list} dayHref={(date) => href({ date, view: "day" })} onOpen={openAppointment} />
        </>
      )}

      {open?.kind === "new" && (
        <NewAppointmentDialog
          businessId={businessId}
          options={options}
          today={list.today}
          initialDate={list.date}
          onClose={() => setOpen(null)}
          onBooked={(a) => afterChange(`Booked ${a.service.name.toLowerCase()} for ${a.customer.name ?? a.customer.phone} on ${dateTimeLabel(a.startsAt, tz)} with ${a.staff.name}.`, a)}
        />
      )}
      {open?.kind === "appointment" && (
        <AppointmentDialog
          businessId={businessId}
          appointment={open.appointment}
          options={options}
          timezone={tz}
          today={list.today}
          onClose={() => setOpen(null)}
          onChanged={onChanged}
          returnFocusTo={() => headingRef.current}
        />
      )}
    </div>
  );
}

const navButton =
  "inline-flex h-9 min-w-9 items-center justify-center rounded-md bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600";
