// A time picked either by a slotId from availability or as startsAt. A slot id carries its own
// staff choice ("anyone" or one person), which an explicit staffId overrides.
import { AppError } from "../../errors";
import { decodeSlotId } from "../../scheduling/slot-id";
import { invalidField } from "./problems";

export interface PickedTime {
  startsAt: Date;
  /** undefined: not said; null: anyone; string: that person. */
  staffId: string | null | undefined;
  /** The body field the time came from, for error messages. */
  field: "slotId" | "startsAt";
  /** The service the slot was offered for, when a slot id was given. */
  slotServiceId?: string;
}

export function resolvePickedTime(input: { slotId?: string; startsAt?: Date; staffId?: string | null }): PickedTime {
  if (input.slotId === undefined) return { startsAt: input.startsAt!, staffId: input.staffId, field: "startsAt" };
  let ref;
  try {
    ref = decodeSlotId(input.slotId);
  } catch (error) {
    if (error instanceof AppError) throw invalidField("slotId", "body", error.message);
    throw error;
  }
  return {
    startsAt: new Date(ref.startMs),
    staffId: input.staffId !== undefined ? input.staffId : ref.staffId,
    field: "slotId",
    slotServiceId: ref.serviceId,
  };
}

export function assertSlotForService(time: PickedTime, serviceId: string): void {
  if (time.slotServiceId !== undefined && time.slotServiceId !== serviceId) {
    throw invalidField("slotId", "body", "That slot was offered for another service. Check availability for this service and use one of its slotIds.");
  }
}
