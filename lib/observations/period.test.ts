import { describe, expect, it } from "vitest";
import { periodEnd } from "./period";

describe("periodEnd", () => {
  it("ends a figure's period on the last day it covers", () => {
    expect(periodEnd({ asOf: "2024-02-01", datePrecision: "month" })).toBe("2024-02-29");
    expect(periodEnd({ asOf: "2025-01-01", datePrecision: "year" })).toBe("2025-12-31");
    expect(periodEnd({ asOf: "2025-03-16", datePrecision: "day" })).toBe("2025-03-16");
  });
});
