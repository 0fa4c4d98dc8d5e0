import { describe, expect, it } from "vitest";
import { type ClockReading, type HourContext, isWithinOpeningHours, orderRange, resolveHour } from "./resolve-hour";

const SALON = { open: { hour: 9, minute: 0 }, close: { hour: 19, minute: 0 } };

describe("resolveHour", () => {
  it.each<[string, ClockReading, HourContext, number]>([
    ["an explicit am wins", { hour: 8, minute: 0, meridiem: "am" }, { partOfDay: "evening" }, 8],
    ["an explicit pm wins", { hour: 9, minute: 0, meridiem: "pm" }, { partOfDay: "morning" }, 21],
    ["12 am is midnight", { hour: 12, minute: 0, meridiem: "am" }, {}, 0],
    ["12 pm is noon", { hour: 12, minute: 0, meridiem: "pm" }, {}, 12],
    ["bare 12 is noon", { hour: 12, minute: 0 }, {}, 12],
    ["12 with an evening cue is midnight", { hour: 12, minute: 0 }, { partOfDay: "evening" }, 0],
    ["24-hour times pass through", { hour: 15, minute: 0 }, { partOfDay: "morning" }, 15],
    ["morning makes am", { hour: 7, minute: 0 }, { partOfDay: "morning" }, 7],
    ["afternoon makes pm", { hour: 11, minute: 0 }, { partOfDay: "afternoon" }, 23],
    ["bare 3 is pm", { hour: 3, minute: 0 }, {}, 15],
    ["bare 7 is pm", { hour: 7, minute: 0 }, {}, 19],
    ["bare 8 is am", { hour: 8, minute: 0 }, {}, 8],
    ["bare 11 is am", { hour: 11, minute: 0 }, {}, 11],
    ["opening hours pick the only open reading (7 → 19:00 at a salon open till 19)", { hour: 7, minute: 0 }, { openingHours: SALON }, 19],
    ["opening hours pick am for a breakfast place", { hour: 7, minute: 30 }, { openingHours: { open: { hour: 6, minute: 0 }, close: { hour: 14, minute: 0 } } }, 7],
    ["opening hours past midnight pick pm", { hour: 10, minute: 0 }, { openingHours: { open: { hour: 16, minute: 0 }, close: { hour: 2, minute: 0 } } }, 22],
    ["both readings open falls back to the 1–7 pm rule", { hour: 8, minute: 0 }, { openingHours: { open: { hour: 7, minute: 0 }, close: { hour: 22, minute: 0 } } }, 8],
  ])("%s", (_name, reading, context, hour) => {
    expect(resolveHour(reading, context)).toEqual({ hour, minute: reading.minute });
  });
});

describe("isWithinOpeningHours", () => {
  it("includes both ends, so 'before 7' at a shop closing at 19:00 fits", () => {
    expect(isWithinOpeningHours({ hour: 19, minute: 0 }, SALON)).toBe(true);
    expect(isWithinOpeningHours({ hour: 9, minute: 0 }, SALON)).toBe(true);
    expect(isWithinOpeningHours({ hour: 19, minute: 1 }, SALON)).toBe(false);
  });
});

describe("orderRange", () => {
  it.each<[string, ClockReading, ClockReading, [number, number]]>([
    ["from 7 to 9 reads 19–21", { hour: 7, minute: 0 }, { hour: 9, minute: 0 }, [19, 21]],
    ["between 11 and 1 reads 11–13", { hour: 11, minute: 0 }, { hour: 1, minute: 0 }, [11, 13]],
    ["between 2 and 4 reads 14–16", { hour: 2, minute: 0 }, { hour: 4, minute: 0 }, [14, 16]],
    ["between 6 and 9 am reads 6–9", { hour: 6, minute: 0 }, { hour: 9, minute: 0, meridiem: "am" }, [6, 9]],
  ])("%s", (_name, from, to, [after, before]) => {
    expect(orderRange(from, to)).toEqual({ after: { hour: after, minute: 0 }, before: { hour: before, minute: 0 } });
  });
});
