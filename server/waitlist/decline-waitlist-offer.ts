// The customer passes on the offered time ("NO"): the hold is released, the entry closed
// (cancelled), and the time offered to the next in line. Declining a lapsed or closed offer again
// changes nothing.
import { z } from "zod";
import type { Actor } from "../audit";
import type { Db } from "../db";
import type { Logger } from "../logger";
import { closeWaitlistEntry } from "./close-waitlist-entry";

export const declineWaitlistOfferInput = z.object({
  businessId: z.string().min(1),
  entryId: z.string().min(1),
});

export async function declineWaitlistOffer(
  db: Db,
  rawInput: z.input<typeof declineWaitlistOfferInput>,
  options: { actor: Actor; now: Date; log?: Pick<Logger, "error"> },
) {
  const input = declineWaitlistOfferInput.parse(rawInput);
  return closeWaitlistEntry(db, input, options, { action: "waitlist.decline", onlyAnOffer: true });
}
