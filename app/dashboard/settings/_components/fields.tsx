"use client";
// Labelled form controls for the settings pages and the onboarding wizard: each control has a
// visible label, its hint and its error tied to it (aria-describedby), and aria-invalid when the
// error shows. The look follows the appointment dialogs (fieldStyles, buttonStyles).
import { useId } from "react";
import { buttonStyles, fieldStyles } from "@/app/dashboard/appointments/modal";

export { buttonStyles, fieldStyles };

export interface ControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  children: (props: ControlProps) => React.ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint && !error && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {hint && error && (
        <p id={hintId} className="sr-only">
          {hint}
        </p>
      )}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id?: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {error}
    </p>
  );
}

export function TextInput({ value, onChange, ...props }: Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & { value: string; onChange: (value: string) => void }) {
  return <input {...props} value={value} onChange={(e) => onChange(e.target.value)} className={`${fieldStyles} disabled:bg-slate-50 disabled:text-slate-500 ${props.className ?? ""}`} />;
}

export function TextArea({ value, onChange, ...props }: Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "onChange" | "value"> & { value: string; onChange: (value: string) => void }) {
  return <textarea {...props} value={value} onChange={(e) => onChange(e.target.value)} className={`${fieldStyles} disabled:bg-slate-50 disabled:text-slate-500 ${props.className ?? ""}`} />;
}

export function Checkbox({
  checked,
  onChange,
  label,
  description,
  disabled,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: React.ReactNode;
  description?: React.ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={description ? `${id}-d` : undefined}
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 accent-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {description && (
          <p id={`${id}-d`} className="text-xs text-slate-500">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}

/** A group of radio buttons with a legend; each choice may carry a description. */
export function RadioGroup<T extends string>({
  legend,
  name,
  value,
  onChange,
  options,
  error,
  disabled,
  columns = 1,
}: {
  legend: React.ReactNode;
  name: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly { id: T; label: string; description?: string }[];
  error?: string;
  disabled?: boolean;
  columns?: 1 | 2 | 4;
}) {
  const errorId = useId();
  const grid = columns === 4 ? "sm:grid-cols-2 lg:grid-cols-4" : columns === 2 ? "sm:grid-cols-2" : "";
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="mb-2 text-sm font-medium text-slate-800">{legend}</legend>
      <div className={`grid gap-2 ${grid}`}>
        {options.map((option) => (
          <label
            key={option.id}
            className={`flex cursor-pointer items-start gap-2 rounded-md px-3 py-2 ring-1 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600 has-[:focus-visible]:ring-2 ${
              disabled ? "cursor-default opacity-70" : ""
            } ring-slate-300`}
          >
            <input
              type="radio"
              name={name}
              value={option.id}
              checked={value === option.id}
              disabled={disabled}
              onChange={() => onChange(option.id)}
              className="mt-1 accent-brand-600 focus:outline-none"
            />
            <span className="min-w-0">
              <span className="block text-sm font-medium">{option.label}</span>
              {option.description && <span className="block text-xs text-slate-500">{option.description}</span>}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}

/** "Saved." after a change, read out by screen readers; the form's own error otherwise. */
export function FormStatus({ saved, error }: { saved: string | null; error: string | null }) {
  return (
    <>
      <p role="status" className="text-sm text-emerald-700">
        {saved && !error ? saved : ""}
      </p>
      {error && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </div>
      )}
    </>
  );
}

export function SaveBar({ pending, disabled, label = "Save changes", saved, error, bare }: {
  pending: boolean;
  disabled?: boolean;
  label?: string;
  saved: string | null;
  error: string | null;
  /** In a card of its own: no rule above it. */
  bare?: boolean;
}) {
  if (disabled) return null;
  return (
    <div className={`flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between ${bare ? "" : "border-t border-slate-100 pt-4"}`}>
      <div className="min-h-5 flex-1">
        <FormStatus saved={saved} error={error} />
      </div>
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? "Saving…" : label}
      </button>
    </div>
  );
}

/** A white card with a heading, as on the dashboard. */
export function Card({ title, description, children, actions }: { title: string; description?: React.ReactNode; children: React.ReactNode; actions?: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={id} className="font-medium">
            {title}
          </h2>
          {description && <div className="text-sm text-slate-500">{description}</div>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Whole numbers typed into a field: "" is NaN, so the schema says "Enter …". */
export function toNumber(value: string): number {
  return value.trim() === "" ? Number.NaN : Number(value);
}

/** An optional whole number: "" is null (no limit). */
export function toOptionalNumber(value: string): number | null {
  return value.trim() === "" ? null : Number(value);
}

/** "65" or "65.5" (dollars) → 6550 cents; anything else NaN. */
export function toCents(value: string): number {
  const v = value.trim().replace(/^\$/, "");
  if (!/^\d+(\.\d{0,2})?$/.test(v)) return Number.NaN;
  return Math.round(Number(v) * 100);
}

export function centsToText(cents: number): string {
  return (cents / 100).toFixed(2);
}
