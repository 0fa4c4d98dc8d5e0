"use client";
// Dates that differ from the weekly hours: holidays (closed all day) or special hours. Used for
// the business here, and for one staff member's days off on the staff page.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { minuteLabel, timeToMinute, upsertDateOverrideInput } from "@/server/businesses/weekly-hours-input";
import { buttonStyles, Card, Checkbox, Field, FormStatus, TextInput } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";

export interface OverrideRow {
  staffId: string | null;
  date: string;
  closed: boolean;
  startMinute: number | null;
  endMinute: number | null;
  reason: string | null;
}

const longDate = (date: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" }).format(new Date(`${date}T12:00:00Z`));

export function DateOverrides({
  businessId,
  canEdit,
  today,
  overrides,
  staffId = null,
  title = "Holidays and special hours",
  description = "A date here replaces that day's weekly hours: closed all day, or open at other times.",
  closedLabel = "Closed all day",
}: {
  businessId: string;
  canEdit: boolean;
  today: string;
  overrides: OverrideRow[];
  staffId?: string | null;
  title?: string;
  description?: string;
  closedLabel?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormErrors();
  const [values, setValues] = useState({ date: "", closed: true, start: "10:00", end: "14:00", reason: "" });
  const [saved, setSaved] = useState<string | null>(null);
  const upsert = useMutation(trpc.settings.upsertDateOverride.mutationOptions());
  const remove = useMutation(trpc.settings.deleteDateOverride.mutationOptions());
  const upcoming = overrides.filter((o) => o.date >= today);
  const past = overrides.filter((o) => o.date < today);

  async function onAdd(event: React.FormEvent) {
    event.preventDefault();
    setSaved(null);
    const input = form.check(upsertDateOverrideInput, {
      staffId,
      date: values.date,
      closed: values.closed,
      startMinute: values.closed ? null : timeToMinute(values.start),
      endMinute: values.closed ? null : timeToMinute(values.end, { closing: true }),
      reason: values.reason,
    });
    if (!input) return;
    try {
      await upsert.mutateAsync({ businessId, ...input });
      setSaved(`${longDate(input.date)} saved.`);
      setValues((v) => ({ ...v, date: "", reason: "" }));
      router.refresh();
    } catch (error) {
      form.fromServer(error);
    }
  }

  async function onRemove(date: string) {
    setSaved(null);
    try {
      await remove.mutateAsync({ businessId, staffId, date });
      setSaved(`${longDate(date)} removed; the weekly hours apply again.`);
      router.refresh();
    } catch (error) {
      form.fromServer(error);
    }
  }

  const list = (rows: OverrideRow[]) => (
    <ul className="divide-y divide-slate-100">
      {rows.map((o) => (
        <li key={o.date} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
          <span>
            <span className="font-medium">{longDate(o.date)}</span>
            <span className="text-slate-600"> · {o.closed ? closedLabel : `${minuteLabel(o.startMinute!)} – ${minuteLabel(o.endMinute!)}`}</span>
            {o.reason && <span className="text-slate-500"> · {o.reason}</span>}
          </span>
          {canEdit && (
            <button type="button" onClick={() => void onRemove(o.date)} disabled={remove.isPending} className={buttonStyles.dangerQuiet} aria-label={`Remove ${longDate(o.date)}`}>
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  );

  return (
    <Card title={title} description={description}>
      {upcoming.length === 0 ? <p className="text-sm text-slate-500">No dates coming up.</p> : list(upcoming)}
      {past.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-500">Past dates ({past.length})</summary>
          {list(past)}
        </details>
      )}
      {canEdit && (
        <form onSubmit={onAdd} noValidate className="mt-4 space-y-3 border-t border-slate-100 pt-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Date" error={form.errors.date}>
              {(p) => <TextInput {...p} type="date" min={today} value={values.date} onChange={(date) => setValues((v) => ({ ...v, date }))} />}
            </Field>
            <Field label="Note (optional)" error={form.errors.reason} hint="For example: Thanksgiving, training day.">
              {(p) => <TextInput {...p} value={values.reason} onChange={(reason) => setValues((v) => ({ ...v, reason }))} />}
            </Field>
          </div>
          <Checkbox checked={values.closed} onChange={(closed) => setValues((v) => ({ ...v, closed }))} label={closedLabel} />
          {!values.closed && (
            <div className="grid grid-cols-2 gap-3 sm:max-w-sm">
              <Field label="Opens" error={form.errors.startMinute}>
                {(p) => <TextInput {...p} type="time" step={300} value={values.start} onChange={(start) => setValues((v) => ({ ...v, start }))} />}
              </Field>
              <Field label="Closes" error={form.errors.endMinute}>
                {(p) => <TextInput {...p} type="time" step={300} value={values.end} onChange={(end) => setValues((v) => ({ ...v, end }))} />}
              </Field>
            </div>
          )}
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <div className="flex-1">
              <FormStatus saved={saved} error={form.formError} />
            </div>
            <button type="submit" disabled={upsert.isPending} className={buttonStyles.secondary}>
              {upsert.isPending ? "Saving…" : "Add date"}
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}
