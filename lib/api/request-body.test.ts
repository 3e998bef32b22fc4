import { describe, expect, it } from "vitest";
import { jsonNestsDeeperThan } from "./request-body";

describe("the JSON depth pre-check", () => {
  it("counts brackets and braces outside strings only, escaped quotes included", () => {
    expect(jsonNestsDeeperThan("[[[]]]", 2)).toBe(true);
    expect(jsonNestsDeeperThan("[[[]]]", 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"csv":"[[[[[[","mapping":{"value":"V"}}', 2)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":"x\\"[[[[\\""}', 1)).toBe(false);
    // An escaped backslash ends the string: the brackets after it count.
    expect(jsonNestsDeeperThan('["x\\\\",[[', 2)).toBe(true);
    expect(jsonNestsDeeperThan('"unterminated [[[[', 1)).toBe(false);
  });

  it("passes a 20 MB CSV string whatever it holds, and catches a megabyte of brackets", () => {
    const csv = JSON.stringify({ csv: 'a,"b [{",c\r\n'.repeat(1_500_000), mapping: { value: "b" } });
    expect(jsonNestsDeeperThan(csv, 32)).toBe(false);
    expect(jsonNestsDeeperThan("[".repeat(1024 * 1024), 32)).toBe(true);
  });
});
