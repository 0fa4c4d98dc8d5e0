"use client";
// A time-zone picker over the browser's own list of IANA zones (the server renders only the
// current choice, so the two never disagree), with the browser's detected zone available to
// preselect. The server checks the choice again.
import { useSyncExternalStore } from "react";
import { fieldStyles } from "./fields";

const noSubscription = () => () => {};
let zones: readonly string[] | undefined;
const browserZones = () => (zones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
const serverZones = (): readonly string[] => [];

/** The browser's time zone ("America/Chicago"), or "" while rendering on the server. */
export function useDetectedTimeZone(): string {
  return useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? "", () => "");
}

export function TimeZoneSelect({ value, onChange, ...control }: { value: string; onChange: (value: string) => void; id: string; "aria-invalid": boolean; "aria-describedby"?: string; disabled?: boolean }) {
  const list = useSyncExternalStore(noSubscription, browserZones, serverZones);
  const options = list.includes(value) || !value ? list : [value, ...list];
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)} className={`${fieldStyles} disabled:bg-slate-50`}>
      {!value && <option value="">Choose a time zone…</option>}
      {options.length === 0 && value && <option value={value}>{value.replaceAll("_", " ")}</option>}
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
