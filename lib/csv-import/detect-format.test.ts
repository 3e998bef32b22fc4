import { describe, expect, it } from "vitest";
import { ambiguousNumber, detectDelimiter, guessDateFormat, guessNumberFormat, unusedDelimiterIn } from "./detect-format";

describe("detectDelimiter", () => {
  it("finds the semicolon of a Spanish spreadsheet, even with decimal commas in its cells", () => {
    expect(detectDelimiter("indicador;valor;fecha\r\nhomicide_rate;10,4;15/03/2025\r\nhomicide_rate;1.234,5;16/03/2025\r\n")).toBe(";");
  });

  it("finds commas and tabs", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectDelimiter("a\tb\tc\n1\t2,5\t3\n")).toBe("\t");
  });

  it("ignores delimiters inside quotes, also across a quoted line end", () => {
    const text =
      '"Entity","Code","Year","Homicides; per 100,000"\n"El Salvador","SLV","2019","36,0; \n(revised)"\n"Chile","CHL","2019","4.4"\n';
    expect(detectDelimiter(text)).toBe(",");
  });

  it("prefers the delimiter the lines agree on over one that only the header has more of", () => {
    expect(detectDelimiter("a;b,c,d;e\n1;2;3\n4;5;6\n")).toBe(";");
  });

  it("takes a byte-order mark and a one-column file in its stride", () => {
    expect(detectDelimiter("\uFEFFa;b\n1;2\n")).toBe(";");
    expect(detectDelimiter("value\n1\n2\n")).toBe(",");
    expect(detectDelimiter("")).toBe(",");
  });
});

describe("unusedDelimiterIn", () => {
  it("says which delimiter a one-column header contains", () => {
    expect(unusedDelimiterIn(["indicador;valor;fecha"])).toBe(";");
    expect(unusedDelimiterIn(["a\tb"])).toBe("\t");
    expect(unusedDelimiterIn(["value"])).toBeNull();
    expect(unusedDelimiterIn(["a;b", "c"])).toBeNull();
  });
});

describe("format guesses from a column's cells", () => {
  it("tells decimal commas from decimal points only when a cell shows it", () => {
    expect(guessNumberFormat(["10,4", "12"])).toBe("decimal_comma");
    expect(guessNumberFormat(["1.234,5"])).toBe("decimal_comma");
    expect(guessNumberFormat(["63.76", "61.8"])).toBe("decimal_point");
    expect(guessNumberFormat(["1,234.5"])).toBe("decimal_point");
    expect(guessNumberFormat(["85.000", "1,234", "12"])).toBeNull();
    expect(guessNumberFormat(["10,4", "10.4"])).toBeNull();
  });

  it("sees DD/MM/YYYY or ISO days, and nothing in years alone", () => {
    expect(guessDateFormat(["2024", "15/03/2025"])).toBe("dmy");
    expect(guessDateFormat(["2025-03-15"])).toBe("iso");
    expect(guessDateFormat(["2019", "2020-01"])).toBeNull();
  });
});

describe("ambiguousNumber", () => {
  it("points out a cell the two formats read as different numbers, with the chosen reading", () => {
    expect(ambiguousNumber(["12", "85.000"], "decimal_comma")).toEqual({ cell: "85.000", reading: "85000" });
    expect(ambiguousNumber(["85.000"], "decimal_point")).toEqual({ cell: "85.000", reading: "85.000" });
    expect(ambiguousNumber(["1,234"], "decimal_point")).toEqual({ cell: "1,234", reading: "1234" });
  });

  it("is silent when every cell reads one way only, or the same either way", () => {
    expect(ambiguousNumber(["10,4", "1.234,5", "12"], "decimal_comma")).toBeNull();
    expect(ambiguousNumber(["63.76"], "decimal_point")).toBeNull();
    expect(ambiguousNumber([], "decimal_point")).toBeNull();
  });
});
