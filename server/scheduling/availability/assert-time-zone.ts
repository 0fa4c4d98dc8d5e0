// Rejects a business time zone the runtime does not know, naming it, before any slot maths runs:
// an unknown zone would otherwise surface as NaN instants and silently empty availability.
import { tzOffset } from "@date-fns/tz";
import { AppError } from "../../errors";

// Names already accepted; checking costs an Intl.DateTimeFormat construction, and a process
// serves few zones.
const knownZones = new Set<string>();

export function assertValidTimeZone(timeZone: string): void {
  if (knownZones.has(timeZone)) return;
  if (!isIanaTimeZone(timeZone)) {
    throw new AppError(
      "INVALID_INPUT",
      `Unknown time zone "${String(timeZone)}": expected an IANA name such as "America/New_York"`,
      { field: "timeZone", timeZone },
    );
  }
  knownZones.add(timeZone);
}

function isIanaTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone.trim() === "") return false;
  // Intl also accepts fixed offsets such as "+05:30"; a business on a fixed offset would silently
  // lose its daylight-saving changes, so only region names are allowed.
  if (/^[+-]/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    return false;
  }
  return !Number.isNaN(tzOffset(timeZone, new Date(0)));
}
