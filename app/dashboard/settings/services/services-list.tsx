"use client";
// The services as cards, each with its length, price and rules at a glance; "Edit" and "Add
// service" open the service dialog.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonStyles } from "../_components/fields";
import { ServiceDialog } from "./service-dialog";
import { durationText, priceText, type ServiceRow, type StaffOption } from "./types";

export function ServicesList({ businessId, canEdit, services, staff }: { businessId: string; canEdit: boolean; services: ServiceRow[]; staff: StaffOption[] }) {
  const router = useRouter();
  const [open, setOpen] = useState<ServiceRow | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const staffName = (id: string) => staff.find((s) => s.id === id)?.name ?? "";

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-sm text-emerald-700">
          {notice ?? ""}
        </p>
        {canEdit && (
          <button type="button" onClick={() => setOpen("new")} className={buttonStyles.primary}>
            Add service
          </button>
        )}
      </div>
      {services.length === 0 && <p className="rounded-lg bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">No services yet.</p>}
      <ul className="grid gap-3 lg:grid-cols-2">
        {services.map((s) => (
          <li key={s.id} className={`rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 ${s.active ? "" : "opacity-70"}`} data-service={s.name}>
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <h2 className="font-medium">
                  {s.name}
                  {!s.active && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">Not offered</span>}
                </h2>
                <p className="text-sm text-slate-600">
                  {durationText(s.durationMinutes)} · {priceText(s.priceCents, s.currency)}
                </p>
              </div>
              {canEdit && (
                <button type="button" onClick={() => setOpen(s)} className={buttonStyles.secondary} aria-label={`Edit ${s.name}`}>
                  Edit
                </button>
              )}
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-3">
              <div>
                <dt className="text-slate-400">Buffers</dt>
                <dd>{[s.bufferBeforeMinutes ? `${s.bufferBeforeMinutes} min before` : "", s.bufferAfterMinutes ? `${s.bufferAfterMinutes} min after` : ""].filter(Boolean).join(" · ") || "none"}</dd>
              </div>
              <div>
                <dt className="text-slate-400">Notice</dt>
                <dd>{durationText(s.minNoticeMinutes)}</dd>
              </div>
              <div>
                <dt className="text-slate-400">Book up to</dt>
                <dd>{s.bookingHorizonDays} days ahead</dd>
              </div>
              <div>
                <dt className="text-slate-400">Start times every</dt>
                <dd>{s.slotIntervalMinutes ? `${s.slotIntervalMinutes} min` : "service length"}</dd>
              </div>
              <div>
                <dt className="text-slate-400">Per day</dt>
                <dd>{s.maxPerDay ?? "no limit"}</dd>
              </div>
              <div className="col-span-2 sm:col-span-3">
                <dt className="text-slate-400">Performed by</dt>
                <dd>{s.staffIds.length ? s.staffIds.map(staffName).join(", ") : <span className="text-amber-700">Nobody yet: callers cannot book it.</span>}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      {open && (
        <ServiceDialog
          businessId={businessId}
          service={open === "new" ? null : open}
          staff={staff}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            setNotice(`${saved.name} saved.`);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}
