// Opaque slot ids. check_availability hands them out and booking takes only them, so no
// channel (least of all an LLM) ever turns free-form text into a booking time. The id names the
// service, the start instant and who is free ("any" for anyone); booking re-checks all of it.
import { AppError } from "../errors";

export interface SlotRef {
  serviceId: string;
  startMs: number;
  staffId: string | null;
}

export function encodeSlotId(ref: SlotRef): string {
  return Buffer.from(`v1|${ref.serviceId}|${ref.startMs.toString(36)}|${ref.staffId ?? "any"}`).toString("base64url");
}

export function decodeSlotId(slotId: string): SlotRef {
  const parts = Buffer.from(slotId, "base64url").toString("utf8").split("|");
  const [version, serviceId, start, staff] = parts;
  const startMs = start ? parseInt(start, 36) : Number.NaN;
  if (parts.length !== 4 || version !== "v1" || !serviceId || !staff || !Number.isSafeInteger(startMs)) {
    throw new AppError("INVALID_INPUT", "That slot id is not one this system gave out. Check availability again.");
  }
  return { serviceId, startMs, staffId: staff === "any" ? null : staff };
}
