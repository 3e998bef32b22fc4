import { describe, expect, it } from "vitest";
import { readDate, toCanonicalNumber } from "./cell-formats";

const number = (cell: string, format: "decimal_comma" | "decimal_point") => {
  const read = toCanonicalNumber(cell, format);
  return "ok" in read ? read.ok : read.problem.code;
};
const date = (cell: string, format: "dmy" | "iso") => {
  const read = readDate(cell, format);
  return "ok" in read ? read.ok : read.problem.code;
};

describe("numbers as Spanish spreadsheets write them (decimal comma)", () => {
  it.each([
    ["10,4", "10.4"],
    ["1.234,5", "1234.5"],
    ["85.000", "85000"],
    ["1.234.567", "1234567"],
    ["1234,50", "1234.50"],
    ["-0,25", "-0.25"],
    ["85 000", "85000"],
    ["85\u00a0000,5", "85000.5"],
    ["12", "12"],
  ])("%s is %s", (cell, canonical) => expect(number(cell, "decimal_comma")).toBe(canonical));

  it.each(["10.4", "1,234.5", "1.23,4", "12,", ",5", "1.2345", "diez", "1,2,3", ""])("%s is refused, not guessed", (cell) =>
    expect(number(cell, "decimal_comma")).toBe("number_format"),
  );
});

describe("numbers with a decimal point", () => {
  it.each([
    ["10.4", "10.4"],
    ["1,234.5", "1234.5"],
    ["85,000", "85000"],
    ["63.76", "63.76"],
  ])("%s is %s", (cell, canonical) => expect(number(cell, "decimal_point")).toBe(canonical));

  // "+7": the form and the API refuse a leading plus, so the importer does too.
  it.each(["10,4", "1.234,5", "1,23", "+7"])("%s is refused", (cell) => expect(number(cell, "decimal_point")).toBe("number_format"));
});

describe("ambiguous cells read as the chosen format says", () => {
  it("1.234 and 1,234 swap meaning with the format", () => {
    expect(number("1.234", "decimal_comma")).toBe("1234");
    expect(number("1.234", "decimal_point")).toBe("1.234");
    expect(number("1,234", "decimal_comma")).toBe("1.234");
    expect(number("1,234", "decimal_point")).toBe("1234");
  });

  it("keeps every digit: no rounding through floating point", () => {
    expect(number("12.345.678.901.234.567.890,123456789", "decimal_comma")).toBe("12345678901234567890.123456789");
    expect(number("0,1", "decimal_comma")).toBe("0.1");
    expect(number("9007199254740993", "decimal_point")).toBe("9007199254740993");
  });
});

describe("dates", () => {
  it("reads DD/MM/YYYY, also with one digit, dashes or dots", () => {
    expect(date("15/03/2025", "dmy")).toEqual({ day: "2025-03-15", precision: "day" });
    expect(date("5/3/2025", "dmy")).toEqual({ day: "2025-03-05", precision: "day" });
    expect(date("05-03-2025", "dmy")).toEqual({ day: "2025-03-05", precision: "day" });
    expect(date("05.03.2025", "dmy")).toEqual({ day: "2025-03-05", precision: "day" });
  });

  it("reads ISO days in both formats, and years and months as their first day with their precision", () => {
    for (const format of ["dmy", "iso"] as const) {
      expect(date("2025-03-15", format)).toEqual({ day: "2025-03-15", precision: "day" });
      expect(date("2024", format)).toEqual({ day: "2024-01-01", precision: "year" });
      expect(date("2024-03", format)).toEqual({ day: "2024-03-01", precision: "month" });
      expect(date("2024-3", format)).toEqual({ day: "2024-03-01", precision: "month" });
    }
  });

  it("refuses an ISO day not written in full, as the form and the API do", () => {
    expect(date("2024-1-1", "iso")).toBe("date_format");
    expect(date("2024-01-1", "dmy")).toBe("date_format");
  });

  it("refuses a day the calendar lacks as such, not as a bad format", () => {
    expect(date("31/02/2025", "dmy")).toBe("date_not_real");
    expect(date("29/02/2023", "dmy")).toBe("date_not_real");
    expect(date("29/02/2024", "dmy")).toEqual({ day: "2024-02-29", precision: "day" });
    expect(date("2025-02-30", "iso")).toBe("date_not_real");
    expect(date("2025-13", "iso")).toBe("date_not_real");
  });

  it("refuses DD/MM/YYYY when the file's format is ISO, and names the format in the message", () => {
    const read = readDate("15/03/2025", "iso");
    expect(read).toMatchObject({ problem: { code: "date_format", values: { value: "15/03/2025", format: "iso" } } });
    expect(readDate("marzo 2025", "dmy")).toMatchObject({ problem: { code: "date_format", values: { format: "dmy" } } });
    expect(date("03/2025/15", "dmy")).toBe("date_format");
    expect(date("0000", "iso")).toBe("date_format");
  });
});
