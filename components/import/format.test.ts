import { describe, expect, it } from "vitest";
import { fill, plural } from "./format";

describe("fill", () => {
  it("writes numbers the reader's way and leaves unknown names alone", () => {
    expect(fill("{count} of {total} in {unknown}", { count: 1000, total: "all" }, "en")).toBe("1,000 of all in {unknown}");
    expect(fill("{count}", { count: 2000 }, "es")).toBe("2000");
    expect(fill("{count}", { count: 20000 }, "es")).toBe("20.000");
  });
});

describe("plural", () => {
  const forms = { one: "{count} draft", other: "{count} drafts" };
  it("picks the form by count", () => {
    expect(plural(forms, 1, "en")).toBe("1 draft");
    expect(plural(forms, 0, "en")).toBe("0 drafts");
    expect(plural(forms, 3, "es")).toBe("3 drafts");
  });
});
