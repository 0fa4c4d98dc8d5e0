// Building blocks of the account pages (sign-in, sign-up, forgot/reset password, verify, invite):
// one look, labelled inputs with their errors beside them, phone-width first.
import Link from "next/link";

export function AuthShell({ title, subtitle, children }: { title: string; subtitle?: React.ReactNode; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-sm flex-col justify-center gap-6 px-4 py-10 sm:px-6">
      <div>
        <Link href="/" className="mb-6 inline-block text-sm font-semibold text-brand-700 hover:underline">
          AppointmentScheduler
        </Link>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
      </div>
      {children}
    </main>
  );
}

export const cardClass = "flex flex-col gap-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200";

export function TextField({
  label,
  name,
  type = "text",
  autoComplete,
  error,
  hint,
  defaultValue,
  readOnly,
  autoFocus,
}: {
  label: string;
  name: string;
  type?: string;
  autoComplete?: string;
  error?: string;
  hint?: string;
  defaultValue?: string;
  readOnly?: boolean;
  autoFocus?: boolean;
}) {
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        readOnly={readOnly}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`rounded-md border px-3 py-2 text-base focus:outline-none focus:ring-2 focus:ring-brand-600 sm:text-sm ${
          error ? "border-red-500" : "border-slate-300"
        } ${readOnly ? "bg-slate-100 text-slate-600" : ""}`}
      />
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function FormAlert({ tone = "error", children }: { tone?: "error" | "success" | "info"; children: React.ReactNode }) {
  const tones = {
    error: "bg-red-50 text-red-800 ring-red-200",
    success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    info: "bg-slate-100 text-slate-700 ring-slate-200",
  };
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded-md px-3 py-2 text-sm ring-1 ${tones[tone]}`}>
      {children}
    </p>
  );
}

export function SubmitButton({ pending, children, pendingLabel }: { pending: boolean; children: React.ReactNode; pendingLabel: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 disabled:opacity-60"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

export const linkClass = "font-medium text-brand-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 rounded";

export function OrDivider() {
  return (
    <div className="flex items-center gap-3 text-xs uppercase text-slate-500" aria-hidden>
      <span className="h-px flex-1 bg-slate-200" />
      or
      <span className="h-px flex-1 bg-slate-200" />
    </div>
  );
}

/** POSTs JSON to one of the account routes; a network failure reads like a server answer. */
export async function postJson<T extends object>(
  url: string,
  body: unknown,
): Promise<{ ok: boolean; status: number; data: (T & { error?: string; fieldErrors?: Record<string, string> }) | null }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!res) {
    return { ok: false, status: 0, data: { error: "Could not reach the server. Check your connection and try again." } as T & { error: string } };
  }
  const data = (await res.json().catch(() => null)) as (T & { error?: string; fieldErrors?: Record<string, string> }) | null;
  return { ok: res.ok, status: res.status, data };
}
