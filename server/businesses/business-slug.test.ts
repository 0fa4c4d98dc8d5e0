import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, slugify } from "./business-slug";

describe("slugify", () => {
  it("turns a name into lowercase ASCII words joined by dashes", () => {
    expect(slugify("Bloom Hair Studio")).toBe("bloom-hair-studio");
    expect(slugify("  Joe's Auto Repair!! ")).toBe("joes-auto-repair");
  });

  it("drops accents and spells out the ampersand", () => {
    expect(slugify("Café Olé & Co")).toBe("cafe-ole-and-co");
    expect(slugify("Peluquería Niño")).toBe("peluqueria-nino");
  });

  it("keeps at most 40 characters and never ends on a dash", () => {
    const slug = slugify("The Extraordinarily Long Named Dental Practice of Springfield");
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe("the-extraordinarily-long-named-dental-pr");
    expect(slugify("a".repeat(39) + " b")).toBe("a".repeat(39));
  });

  it("falls back to a word when the name has no letters or digits it can keep", () => {
    expect(slugify("東京美容室")).toBe("business");
    expect(slugify("!!!")).toBe("business");
  });
});
