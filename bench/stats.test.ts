import { describe, expect, it } from "vitest";
import { percentile } from "./stats";

describe("percentile", () => {
  it("uses the nearest-rank method", () => {
    const samples = [5, 1, 4, 2, 3];
    expect(percentile(samples, 50)).toBe(3);
    expect(percentile(samples, 95)).toBe(5);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([...Array(100).keys()].map((i) => i + 1), 95)).toBe(95);
  });

  it("returns NaN for no samples", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
