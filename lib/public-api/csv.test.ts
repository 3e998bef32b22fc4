import { describe, expect, it } from "vitest";
import { neutralizeCell, toCsv } from "./csv";

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const hostile of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1"]) {
      expect(String(neutralizeCell(hostile)).startsWith("'")).toBe(true);
    }
    expect(neutralizeCell("Cristosal")).toBe("Cristosal");
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell("-5.25")).toBe("-5.25");
  });

  it("quotes separators and keeps a header", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
  });
});
