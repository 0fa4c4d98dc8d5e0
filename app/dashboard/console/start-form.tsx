"use client";
// Who calls: a known customer's number or any number typed in international format, and the
// language they speak. Checked here with the server's own rule before anything is sent.
import { useId, useState } from "react";
import { e164Phone } from "@/server/businesses/contact-fields";
import { buttonStyles, ErrorNote, fieldStyles } from "../appointments/modal";
import type { ConsoleSetup } from "./types";

const LANGUAGE_LABELS = { en: "English", es: "Spanish" } as const;
type Language = keyof typeof LANGUAGE_LABELS;

export function StartForm({
  callers,
  languages,
  initialPhone,
  busy,
  error,
  onStart,
}: {
  callers: ConsoleSetup["callers"];
  languages: Language[];
  initialPhone: string;
  busy: boolean;
  error: string | null;
  onStart: (input: { callerPhone: string; language?: Language }) => void;
}) {
  const [phone, setPhone] = useState(initialPhone);
  const [language, setLanguage] = useState<Language | "">("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const ids = { phone: useId(), hint: useId(), error: useId(), list: useId(), language: useId() };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = e164Phone.safeParse(phone);
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? "Enter the number in international format.");
      return;
    }
    setInvalid(null);
    onStart({ callerPhone: parsed.data, ...(language ? { language } : {}) });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 p-4 sm:p-5">
      <div>
        <h2 className="font-medium">Start a test call</h2>
        <p className="text-sm text-slate-500">The receptionist recognises callers by their number: call as a customer to test their bookings, or as a new number.</p>
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.phone} className="block text-sm font-medium">
          Caller&apos;s number
        </label>
        <input
          id={ids.phone}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          list={ids.list}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          placeholder="+1 555 123 4567"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${ids.error} ${ids.hint}` : ids.hint}
          className={`${fieldStyles} max-w-xs`}
        />
        <datalist id={ids.list}>
          {callers.map((c) => (
            <option key={c.phone} value={c.phone}>
              {c.name ?? "No name yet"}
            </option>
          ))}
        </datalist>
        {invalid && (
          <p id={ids.error} className="text-sm text-red-700">
            {invalid}
          </p>
        )}
        <p id={ids.hint} className="text-xs text-slate-500">
          International format, with the country code.
        </p>
      </div>
      {callers.length > 0 && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Or call as a customer</legend>
          <div className="flex flex-wrap gap-1.5">
            {callers.slice(0, 8).map((c) => (
              <button
                key={c.phone}
                type="button"
                onClick={() => setPhone(c.phone)}
                aria-pressed={phone === c.phone}
                className={`rounded-full px-3 py-1 text-xs ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${
                  phone === c.phone ? "bg-brand-50 font-medium text-brand-700 ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-100"
                }`}
              >
                {c.name ? `${c.name} · ${c.phone}` : c.phone}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {languages.length > 1 && (
        <div className="space-y-1">
          <label htmlFor={ids.language} className="block text-sm font-medium">
            The caller speaks
          </label>
          <select id={ids.language} value={language} onChange={(e) => setLanguage(e.target.value as Language | "")} className={`${fieldStyles} max-w-xs`}>
            <option value="">Let their first words decide</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_LABELS[l]}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && <ErrorNote>{error}</ErrorNote>}
      <button type="submit" disabled={busy} className={buttonStyles.primary}>
        {busy ? "Calling…" : "Start conversation"}
      </button>
    </form>
  );
}
