import { describe, expect, it } from "vitest";
import { cleanUtterance, foldCase, hasPhrase, normalizeUtterance, removeFillers } from "./normalize-text";

describe("normalize-text", () => {
  it("folds case, accents and apostrophes", () => {
    expect(foldCase("Mañana, It’s GARCÍA")).toBe("manana, its garcia");
  });

  it("keeps clock colons and date slashes but drops other punctuation", () => {
    expect(normalizeUtterance("At 3:30 P.M., on 12/3!")).toBe("at 3:30 pm on 12/3");
    expect(normalizeUtterance("¿Tienen algo? Sí.")).toBe("tienen algo si");
  });

  it("removes fillers but keeps 'like' as a verb", () => {
    expect(removeFillers("um i want like a haircut uh tomorrow")).toBe("i want a haircut tomorrow");
    expect(removeFillers("id like to book you know")).toBe("id like to book");
    expect(cleanUtterance("Um, I'd like... uh, a cut")).toBe("id like a cut");
  });

  it("matches whole phrases only", () => {
    expect(hasPhrase("i said tuesday", "i said")).toBe(true);
    expect(hasPhrase("reschedule please", "schedule")).toBe(false);
  });
});
