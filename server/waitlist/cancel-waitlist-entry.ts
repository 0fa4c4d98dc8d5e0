// Takes a customer off the waitlist (they found another time, or the business removes them).
// An open offer's hold is released and the time offered to the next in line. Cancelling twice
// is not an error; an entry that already became a booking is cancelled through its appointment.
import { z } from "zod";
import type { Actor } from "../audit";
import type { Db } from "../db";
import type { Logger } from "../logger";
import { closeWaitlistEntry } from "./close-waitlist-entry";

export const cancelWaitlistEntryInput = z.object({
  businessId: z.string().min(1),
  entryId: z.string().min(1),
});

export async function cancelWaitlistEntry(
  db: Db,
  rawInput: z.input<typeof cancelWaitlistEntryInput>,
  options: { actor: Actor; now: Date; log?: Pick<Logger, "error"> },
) {
  const input = cancelWaitlistEntryInput.parse(rawInput);
  return closeWaitlistEntry(db, input, options, { action: "waitlist.cancel", onlyAnOffer: false });
}
