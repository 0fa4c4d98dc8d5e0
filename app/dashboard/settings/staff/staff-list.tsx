"use client";
// The staff as cards: services, hours at a glance and upcoming days off, with "Edit" and
// "Hours & time off" dialogs.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { WEEKDAYS, minuteLabel, type WeeklyRange } from "@/server/businesses/weekly-hours-input";
import { buttonStyles } from "../_components/fields";
import type { OverrideRow } from "../hours/date-overrides";
import { StaffDialog } from "./staff-dialog";
import { StaffHoursDialog } from "./staff-hours-dialog";

export interface StaffRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  color: string | null;
  active: boolean;
  serviceIds: string[];
  weeklyHours: WeeklyRange[];
  overrides: OverrideRow[];
}

export interface ServiceOption {
  id: string;
  name: string;
  active: boolean;
}

const SHORT_DAYS = WEEKDAYS.map((d) => d.slice(0, 3));

function hoursSummary(hours: WeeklyRange[]): string[] {
  return [1, 2, 3, 4, 5, 6, 0]
    .map((weekday) => {
      const day = hours.filter((h) => h.weekday === weekday);
      return day.length ? `${SHORT_DAYS[weekday]} ${day.map((h) => `${minuteLabel(h.startMinute)}–${minuteLabel(h.endMinute)}`).join(", ")}` : null;
    })
    .filter((x): x is string => x !== null);
}

export function StaffList({ businessId, canEdit, today, staff, services, openingHours }: {
  businessId: string;
  canEdit: boolean;
  today: string;
  staff: StaffRow[];
  services: ServiceOption[];
  openingHours: WeeklyRange[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState<{ kind: "edit"; id: string | null } | { kind: "hours"; id: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? "";
  const current = open && open.id ? staff.find((m) => m.id === open.id) ?? null : null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-sm text-emerald-700">
          {notice ?? ""}
        </p>
        {canEdit && (
          <button type="button" onClick={() => setOpen({ kind: "edit", id: null })} className={buttonStyles.primary}>
            Add staff member
          </button>
        )}
      </div>
      {staff.length === 0 && <p className="rounded-lg bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">No staff yet.</p>}
      <ul className="grid gap-3 lg:grid-cols-2">
        {staff.map((m) => {
          const summary = hoursSummary(m.weeklyHours);
          return (
            <li key={m.id} className={`rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 ${m.active ? "" : "opacity-70"}`} data-staff={m.name}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="flex min-w-0 items-center gap-2">
                  <span className="inline-block h-3 w-3 shrink-0 rounded-full ring-1 ring-slate-300" style={{ background: m.color ?? "#94a3b8" }} aria-hidden />
                  <h2 className="truncate font-medium">{m.name}</h2>
                  {!m.active && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">Not taking bookings</span>}
                </div>
                {canEdit && (
                  <div className="flex gap-2">
                    <button type="button" onClick={() => setOpen({ kind: "hours", id: m.id })} className={buttonStyles.secondary} aria-label={`Hours and time off for ${m.name}`}>
                      Hours
                    </button>
                    <button type="button" onClick={() => setOpen({ kind: "edit", id: m.id })} className={buttonStyles.secondary} aria-label={`Edit ${m.name}`}>
                      Edit
                    </button>
                  </div>
                )}
              </div>
              <dl className="mt-3 space-y-1 text-sm">
                <div>
                  <dt className="inline text-slate-500">Services: </dt>
                  <dd className="inline">{m.serviceIds.length ? m.serviceIds.map(serviceName).join(", ") : "none"}</dd>
                </div>
                <div>
                  <dt className="inline text-slate-500">Hours: </dt>
                  <dd className="inline">{summary.length ? summary.join(" · ") : <span className="text-amber-700">none: not bookable</span>}</dd>
                </div>
                {m.overrides.length > 0 && (
                  <div>
                    <dt className="inline text-slate-500">Time off: </dt>
                    <dd className="inline">{m.overrides.map((o) => o.date + (o.closed ? "" : ` (${minuteLabel(o.startMinute!)}–${minuteLabel(o.endMinute!)})`)).join(", ")}</dd>
                  </div>
                )}
                {(m.email || m.phone) && <div className="text-slate-500">{[m.email, m.phone].filter(Boolean).join(" · ")}</div>}
              </dl>
            </li>
          );
        })}
      </ul>
      {open?.kind === "edit" && (
        <StaffDialog
          businessId={businessId}
          member={current}
          services={services}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(`${saved.name} saved.`);
            router.refresh();
          }}
        />
      )}
      {open?.kind === "hours" && current && (
        <StaffHoursDialog
          businessId={businessId}
          member={current}
          today={today}
          openingHours={openingHours}
          onClose={() => setOpen(null)}
          onSaved={() => setNotice(`Hours for ${current.name} saved.`)}
        />
      )}
    </div>
  );
}
