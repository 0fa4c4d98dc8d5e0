import { describe, expect, it } from "vitest";
import { chooseOffer } from "./choose-offer";
import type { Offer } from "./dialogue-state";

const offer = (date: string, time: string): Offer => ({ slotId: `${date}T${time}`, date, time, staff: [] });
const SAME_DAY = [offer("2026-11-25", "14:30"), offer("2026-11-25", "16:00")];
const TWO_DAYS = [offer("2026-11-25", "09:00"), offer("2026-11-26", "09:00")];
const none = { when: null, ordinal: undefined, yes: false, no: false };

describe("chooseOffer", () => {
  it("picks the offer at the time the caller names", () => {
    const choice = chooseOffer({ ...none, when: { time: { hour: 16, minute: 0 }, cues: [] } }, SAME_DAY);
    expect(choice).toEqual({ offer: SAME_DAY[1] });
  });

  it("returns null for a time that was not offered, so the flow searches for it", () => {
    expect(chooseOffer({ ...none, when: { time: { hour: 11, minute: 0 }, cues: [] } }, SAME_DAY)).toBeNull();
  });

  it("picks by position, the last one included", () => {
    expect(chooseOffer({ ...none, ordinal: 1 }, SAME_DAY)).toEqual({ offer: SAME_DAY[1] });
    expect(chooseOffer({ ...none, ordinal: -1 }, TWO_DAYS)).toEqual({ offer: TWO_DAYS[1] });
    expect(chooseOffer({ ...none, ordinal: 2 }, SAME_DAY)).toEqual({ unclear: true });
  });

  it("picks by day when the offers are on different days", () => {
    expect(chooseOffer({ ...none, when: { date: "2026-11-26", cues: [] } }, TWO_DAYS)).toEqual({ offer: TWO_DAYS[1] });
    expect(chooseOffer({ ...none, when: { date: "2026-11-25", cues: [] } }, SAME_DAY)).toEqual({ unclear: true });
  });

  it("takes yes as the only offer, but asks which when there were several", () => {
    expect(chooseOffer({ ...none, yes: true }, [SAME_DAY[0]!])).toEqual({ offer: SAME_DAY[0] });
    expect(chooseOffer({ ...none, yes: true }, SAME_DAY)).toEqual({ unclear: true });
    expect(chooseOffer({ ...none, no: true }, SAME_DAY)).toBeNull();
  });

  it("takes 'the first' as a position, not the 1st of the month, when nothing was offered on that date", () => {
    const theFirst = { ...none, ordinal: 0, when: { date: "2026-12-01", cues: ["the 1st"] } };
    expect(chooseOffer(theFirst, TWO_DAYS)).toEqual({ offer: TWO_DAYS[0] });
    expect(chooseOffer(theFirst, [offer("2026-12-01", "10:00"), offer("2026-12-02", "10:00")])).toEqual({ offer: offer("2026-12-01", "10:00") });
  });

  it("picks the only offer in the part of the day the caller names ('the morning one')", () => {
    const offers = [offer("2026-11-26", "09:00"), offer("2026-11-26", "14:00"), offer("2026-11-26", "16:00")];
    expect(chooseOffer({ ...none, when: { partOfDay: "morning", cues: [] } }, offers)).toEqual({ offer: offers[0] });
    expect(chooseOffer({ ...none, when: { partOfDay: "afternoon", cues: [] } }, offers)).toBeNull();
  });

  it("takes 'the earliest' as the first offer", () => {
    expect(chooseOffer({ ...none, ordinal: 0, when: { earliest: true, cues: [] } }, SAME_DAY)).toEqual({ offer: SAME_DAY[0] });
  });
});
