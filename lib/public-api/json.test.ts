import { describe, expect, it } from "vitest";
import { decimalTextOf, exactNumber, stringifyWithExactNumbers } from "./json";

describe("stringifyWithExactNumbers", () => {
  it("writes stored decimals as JSON numbers, digit for digit", () => {
    const text = stringifyWithExactNumbers({ value: exactNumber("10.4"), big: exactNumber("12345678901234567890.123"), label: "10.4" });
    expect(text).toBe('{"value":10.4,"big":12345678901234567890.123,"label":"10.4"}');
    expect(JSON.parse(text).value).toBe(10.4);
  });

  it("leaves user text that imitates the marker alone", () => {
    expect(stringifyWithExactNumbers({ note: "\u0000decimal:5x" })).toBe('{"note":"\\u0000decimal:5x"}');
  });
});

describe("exactNumber", () => {
  it("gives the number itself where a double holds the decimal digit for digit, and marked text otherwise", () => {
    expect(exactNumber("10.4")).toBe(10.4);
    expect(exactNumber("-3")).toBe(-3);
    expect(exactNumber("0.1")).toBe(0.1);
    // A double would round these, or write them with an exponent.
    for (const text of ["12345678901234567890.123", "1234.0000000001234567", "0.0000001", "-0"]) {
      expect(exactNumber(text)).toBe(`\u0000decimal:${text}`);
      expect(stringifyWithExactNumbers({ value: exactNumber(text) })).toBe(`{"value":${text}}`);
    }
    for (const text of ["10.4", "-3", "12345678901234567890.123", "0.0000001"]) expect(decimalTextOf(exactNumber(text))).toBe(text);
    expect(() => exactNumber("1e3")).toThrow("not a decimal");
  });
});
