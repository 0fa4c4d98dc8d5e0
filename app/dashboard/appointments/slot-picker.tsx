"use client";
// A day on the business's calendar and its free times for one service (and one person, or
// anyone): the time-picking half of the booking and reschedule dialogs.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { addDaysToDate, dateLabel, timeLabel } from "./format";
import { ErrorNote, fieldStyles } from "./modal";
import { problemText } from "./problem-text";
import type { Slot } from "./types";

export function SlotPicker({
  businessId,
  serviceId,
  staffId,
  date,
  today,
  timezone,
  value,
  onDateChange,
  onChange,
}: {
  businessId: string;
  serviceId: string;
  staffId: string | null;
  date: string;
  today: string;
  timezone: string;
  value: Slot | null;
  onDateChange: (date: string) => void;
  onChange: (slot: Slot) => void;
}) {
  const trpc = useTRPC();
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const availability = useQuery({
    ...trpc.appointments.availability.queryOptions({ businessId, serviceId, staffId, date }),
    enabled: validDate && serviceId !== "",
  });
  const slots = availability.data?.slots ?? [];

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="slot-date" className="mb-1 block text-sm font-medium">
          Date
        </label>
        <div className="flex gap-2">
          <button
            type="button"
            aria-label="Previous day"
            disabled={!validDate || date <= today}
            onClick={() => onDateChange(addDaysToDate(date, -1))}
            className="rounded-md px-2.5 text-slate-600 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-40 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
          >
            <span aria-hidden>‹</span>
          </button>
          <input
            id="slot-date"
            type="date"
            required
            min={today}
            value={date}
            onChange={(e) => onDateChange(e.target.value)}
            className={`${fieldStyles} min-w-0 flex-1`}
          />
          <button
            type="button"
            aria-label="Next day"
            disabled={!validDate}
            onClick={() => onDateChange(addDaysToDate(date, 1))}
            className="rounded-md px-2.5 text-slate-600 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-40 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
          >
            <span aria-hidden>›</span>
          </button>
        </div>
      </div>

      <fieldset>
        <legend className="mb-1 text-sm font-medium">
          Free times{validDate && <span className="font-normal text-slate-500"> on {dateLabel(date)}</span>}
        </legend>
        {!validDate ? (
          <p className="text-sm text-slate-500">Choose a date to see free times.</p>
        ) : availability.isPending ? (
          <p role="status" className="py-3 text-sm text-slate-500">
            Looking for free times…
          </p>
        ) : availability.isError ? (
          <ErrorNote>{problemText(availability.error)}</ErrorNote>
        ) : slots.length === 0 ? (
          <div className="rounded-md border border-dashed border-slate-300 px-3 py-3 text-sm text-slate-600">
            <p>{date < today ? "That day has passed." : `No free times on ${dateLabel(date, "long")}.`}</p>
            <p className="text-slate-500">The business may be closed that day, or everyone is booked.</p>
            <button type="button" onClick={() => onDateChange(date < today ? today : addDaysToDate(date, 1))} className="mt-2 font-medium text-brand-700 hover:underline">
              Try {date < today ? "today" : "the next day"}
            </button>
          </div>
        ) : (
          <div className="grid max-h-56 grid-cols-3 gap-2 overflow-y-auto p-0.5 sm:grid-cols-4">
            {slots.map((slot) => (
              <label key={slot.slotId} className="relative">
                <input
                  type="radio"
                  name="slot"
                  value={slot.slotId}
                  checked={value?.slotId === slot.slotId}
                  onChange={() => onChange(slot)}
                  className="peer sr-only"
                />
                <span className="block cursor-pointer rounded-md px-2 py-2 text-center text-sm ring-1 ring-slate-300 hover:bg-slate-50 peer-checked:bg-brand-600 peer-checked:font-medium peer-checked:text-white peer-checked:ring-brand-600 peer-checked:hover:bg-brand-700 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 peer-focus-visible:ring-offset-1">
                  {timeLabel(slot.startsAt, timezone)}
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
    </div>
  );
}
