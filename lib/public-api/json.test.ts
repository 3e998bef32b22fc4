import { describe, expect, it } from "vitest";
import { exactNumber, stringifyWithExactNumbers } from "./json";

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
