import { describe, expect, it } from "vitest";
import { formatAsOf, formatFigure } from "./format";

describe("formatFigure", () => {
  it("keeps every digit of the stored decimal, in each locale's notation", () => {
    expect(formatFigure({ value: "69.51", valueMax: null, qualifier: "exact" }, "en")).toBe("69.51");
    expect(formatFigure({ value: "1.9", valueMax: null, qualifier: "exact" }, "es")).toBe("1,9");
    expect(formatFigure({ value: "0.1234567891", valueMax: null, qualifier: "exact" }, "en")).toBe("0.1234567891");
    expect(formatFigure({ value: "6000000", valueMax: null, qualifier: "about" }, "en")).toBe("about 6,000,000");
    expect(formatFigure({ value: "6000000", valueMax: null, qualifier: "about" }, "es")).toBe("unos 6.000.000");
  });

  it("shows the source's hedge and ranges", () => {
    expect(formatFigure({ value: "350", valueMax: null, qualifier: "at_least" }, "en")).toBe("at least 350");
    expect(formatFigure({ value: "350", valueMax: null, qualifier: "at_least" }, "es")).toBe("al menos 350");
    expect(formatFigure({ value: "110000", valueMax: "120000", qualifier: "exact" }, "en")).toBe("110,000–120,000");
  });
});

describe("formatAsOf", () => {
  it("shows a date only as precisely as it is known", () => {
    expect(formatAsOf("2022-03-27", "day", "en")).toBe("27 March 2022");
    expect(formatAsOf("2022-03-27", "day", "es")).toBe("27 de marzo de 2022");
    expect(formatAsOf("2023-08-01", "month", "en")).toBe("August 2023");
    expect(formatAsOf("2023-08-01", "month", "es")).toBe("agosto de 2023");
    expect(formatAsOf("2015-01-01", "year", "es")).toBe("2015");
  });
});
