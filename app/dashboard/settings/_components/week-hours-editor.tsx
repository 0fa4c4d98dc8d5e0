"use client";
// A week of hours as owners think of it: each day open or closed, with one or more time ranges
// (a lunch break is two ranges). Edits a draft of clock-time strings; weekDraftToRanges turns it
// into the minute ranges the shared schema checks, in a fixed order, so an error on "hours.3"
// can be shown on the fourth range of the draft.
import { WEEKDAYS, minuteToTime, timeToMinute, type WeeklyRange } from "@/server/businesses/weekly-hours-input";
import { FieldError, fieldStyles } from "./fields";
import type { FieldErrors } from "./form-errors";

export interface RangeDraft {
  start: string;
  end: string;
}
/** Index = weekday (0 = Sunday). */
export type WeekDraft = { open: boolean; ranges: RangeDraft[] }[];

/** Monday first, as opening hours are usually written. */
const DISPLAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** A time input fits "09:00 AM" and its clock icon; the shared field style is full width. */
const timeStyles = `${fieldStyles.replace("w-full", "")} w-36 disabled:bg-slate-50 disabled:text-slate-500`;

export function rangesToWeekDraft(ranges: readonly Pick<WeeklyRange, "weekday" | "startMinute" | "endMinute">[]): WeekDraft {
  return WEEKDAYS.map((_, weekday) => {
    const day = ranges.filter((r) => r.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
    return {
      open: day.length > 0,
      ranges: day.length > 0 ? day.map((r) => ({ start: minuteToTime(r.startMinute), end: minuteToTime(r.endMinute % 1440) })) : [{ start: "09:00", end: "17:00" }],
    };
  });
}

/** The open days' ranges in weekday order; position i is the i-th open range of the draft. */
export function weekDraftToRanges(draft: WeekDraft): WeeklyRange[] {
  return draft.flatMap((day, weekday) =>
    day.open ? day.ranges.map((r) => ({ weekday, startMinute: timeToMinute(r.start), endMinute: timeToMinute(r.end, { closing: true }) })) : [],
  );
}

export function WeekHoursEditor({
  value,
  onChange,
  errors,
  errorPath,
  disabled,
  label,
}: {
  value: WeekDraft;
  onChange: (draft: WeekDraft) => void;
  errors: FieldErrors;
  /** Where the schema reports these ranges ("hours", "transferRanges"). */
  errorPath: string;
  disabled?: boolean;
  label: string;
}) {
  // Position of each open range in weekDraftToRanges's output, for its errors.
  const positions = new Map<string, number>();
  let next = 0;
  value.forEach((day, weekday) => {
    if (day.open) day.ranges.forEach((_, r) => positions.set(`${weekday}.${r}`, next++));
  });
  const errorOf = (weekday: number, r: number, field: "startMinute" | "endMinute") => {
    const i = positions.get(`${weekday}.${r}`);
    return i === undefined ? undefined : errors[`${errorPath}.${i}.${field}`] ?? (field === "startMinute" ? errors[`${errorPath}.${i}`] : undefined);
  };
  const update = (weekday: number, change: (day: WeekDraft[number]) => WeekDraft[number]) =>
    onChange(value.map((day, i) => (i === weekday ? change(day) : day)));

  return (
    <fieldset disabled={disabled} className="min-w-0">
      <legend className="sr-only">{label}</legend>
      <FieldError error={errors[errorPath]} />
      <ul className="divide-y divide-slate-100">
        {DISPLAY_ORDER.map((weekday) => {
          const day = value[weekday]!;
          const name = WEEKDAYS[weekday];
          return (
            <li key={weekday} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:gap-4" data-weekday={name}>
              <label className="flex w-36 shrink-0 items-center gap-2 pt-2 text-sm font-medium">
                <input
                  type="checkbox"
                  checked={day.open}
                  onChange={(e) => update(weekday, (d) => ({ ...d, open: e.target.checked }))}
                  className="h-4 w-4 rounded border-slate-300 accent-brand-600"
                  aria-label={`Open on ${name}`}
                />
                <span aria-hidden>{name}</span>
              </label>
              {day.open ? (
                <div className="flex min-w-0 flex-1 flex-col gap-2">
                  {day.ranges.map((range, r) => {
                    const startError = errorOf(weekday, r, "startMinute");
                    const endError = errorOf(weekday, r, "endMinute");
                    const which = day.ranges.length > 1 ? ` (${r + 1})` : "";
                    return (
                      <div key={r}>
                        <div className="flex flex-wrap items-center gap-2">
                          <input
                            type="time"
                            step={300}
                            value={range.start}
                            aria-label={`${name} opens${which}`}
                            aria-invalid={Boolean(startError)}
                            onChange={(e) => update(weekday, (d) => ({ ...d, ranges: d.ranges.map((x, i) => (i === r ? { ...x, start: e.target.value } : x)) }))}
                            className={timeStyles}
                          />
                          <span className="text-sm text-slate-500">to</span>
                          <input
                            type="time"
                            step={300}
                            value={range.end}
                            aria-label={`${name} closes${which}`}
                            aria-invalid={Boolean(endError)}
                            onChange={(e) => update(weekday, (d) => ({ ...d, ranges: d.ranges.map((x, i) => (i === r ? { ...x, end: e.target.value } : x)) }))}
                            className={timeStyles}
                          />
                          {day.ranges.length > 1 && (
                            <button
                              type="button"
                              onClick={() => update(weekday, (d) => ({ ...d, ranges: d.ranges.filter((_, i) => i !== r) }))}
                              className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                              aria-label={`Remove ${name} hours${which}`}
                            >
                              Remove
                            </button>
                          )}
                        </div>
                        <FieldError error={startError ?? endError} />
                      </div>
                    );
                  })}
                  {!disabled && day.ranges.length < 6 && (
                    <div>
                      <button
                        type="button"
                        onClick={() => {
                          const last = day.ranges[day.ranges.length - 1];
                          update(weekday, (d) => ({ ...d, ranges: [...d.ranges, { start: last?.end ?? "13:00", end: "" }] }));
                        }}
                        className="text-sm font-medium text-brand-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                      >
                        Add hours on {name}
                      </button>
                    </div>
                  )}
                </div>
              ) : (
                <p className="pt-2 text-sm text-slate-500">Closed</p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
