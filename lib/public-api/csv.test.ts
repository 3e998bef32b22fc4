import { describe, expect, it } from "vitest";
import { neutralizeCell, toCsv } from "./csv";

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const hostile of ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]) {
      expect(String(neutralizeCell(hostile)).startsWith("'")).toBe(true);
    }
    expect(neutralizeCell("Cristosal")).toBe("Cristosal");
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell("-5.25")).toBe("-5.25");
  });

  // Issue 12, low: spreadsheets skip a leading zero-width space, BOM or blank and read the full-width
  // signs as formula signs, so "\u200B=HYPERLINK(…)" and "＝1+1" ran as formulas.
  it("neutralises formulas hidden behind invisible characters or blanks, and full-width formula signs", () => {
    const hidden = [
      '\u200B=HYPERLINK("http://evil")',
      "\uFEFF=1+1",
      "\u200C\u200D@SUM(A1)",
      "\u2060+1+1",
      "\u00A0=1",
      " =1",
      "\u3000-2+3",
      "\u180E=1",
    ];
    const fullWidth = ["＝1+1", "＋1+1", "－2+3", "＠SUM(A1)", "\u200B＝1", "﹦1", "﹢1", "﹣1", "﹫A1"];
    for (const hostile of [...hidden, ...fullWidth, "\r=1", "\t1"])
      expect(neutralizeCell(hostile), JSON.stringify(hostile)).toBe(`'${hostile}`);
    for (const text of ["Cristosal", "1=1", "a-b", "user@example.org", "12 500", "\u200Bplain"]) expect(neutralizeCell(text)).toBe(text);
    // Numbers stay readable as numbers, negative ones included.
    for (const number of ["-5.25", "-0.5", "-12", "0", "85000"]) expect(neutralizeCell(number)).toBe(number);
  });

  it("quotes separators and keeps a header", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
  });
});
