import { describe, expect, it } from "vitest";
import { readCsv } from "./read-csv";

describe("readCsv", () => {
  it("reads the header as the server does: BOM dropped, cells trimmed, blank lines skipped", () => {
    const file = readCsv("a.csv", '\uFEFFindicator, value ,"source, url"\r\nx,1,https://a\r\n\r\ny,2,https://b\r\n');
    expect(file.columns).toEqual(["indicator", "value", "source, url"]);
    expect(file.rowCount).toBe(2);
  });

  it("has no columns for an empty file", () => {
    expect(readCsv("empty.csv", "")).toMatchObject({ columns: [], rowCount: 0 });
  });

  it("throws on a file that is not CSV", () => {
    expect(() => readCsv("bad.csv", 'a,b\n"unclosed,1\n')).toThrow();
  });
});
