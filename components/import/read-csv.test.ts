import { describe, expect, it } from "vitest";
import { decodeCsvBytes, readCsv } from "./read-csv";

// "Fundación;Socorro Jurídico" as Excel on a Spanish Windows saves it (Windows-1252: ó is 0xF3, í is 0xED).
const WINDOWS_1252 = Uint8Array.from([
  ...Buffer.from("productor;valor\r\nFundaci", "latin1"),
  0xf3,
  ...Buffer.from("n;10,4\r\nSocorro Jur", "latin1"),
  0xed,
  ...Buffer.from("dico;2\r\n", "latin1"),
]);

describe("decodeCsvBytes", () => {
  it("reads UTF-8, and says whether it had a byte-order mark", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("a,b\nFundación,1\n"))).toEqual({ text: "a,b\nFundación,1\n", encoding: "utf-8" });
    const withMark = decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("a,b\n")]));
    expect(withMark).toEqual({ text: "a,b\n", encoding: "utf-8-bom" });
  });

  it("reads a file that is not UTF-8 as Windows-1252, accents kept", () => {
    const { text, encoding } = decodeCsvBytes(WINDOWS_1252);
    expect(encoding).toBe("windows-1252");
    expect(text).toContain("Fundación;10,4");
    expect(text).toContain("Socorro Jurídico;2");
  });

  it("reads UTF-16 with its mark", () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from("a\tb\n1\t2\n", "utf16le")]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: "a\tb\n1\t2\n", encoding: "utf-16" });
  });
});

describe("readCsv", () => {
  it("reads the header as the server does: BOM dropped, cells trimmed, blank lines skipped", () => {
    const file = readCsv("a.csv", '\uFEFFindicator, value ,"source, url"\r\nx,1,https://a\r\n\r\ny,2,https://b\r\n');
    expect(file.columns).toEqual(["indicator", "value", "source, url"]);
    expect(file.rows).toHaveLength(2);
  });

  it("splits a semicolon file on its semicolons, and on a chosen delimiter when told", () => {
    const text = decodeCsvBytes(WINDOWS_1252).text;
    const file = readCsv("es.csv", text, "windows-1252");
    expect(file).toMatchObject({ delimiter: ";", detectedDelimiter: ";", columns: ["productor", "valor"] });
    expect(file.rows[0]).toEqual(["Fundación", "10,4"]);
    expect(readCsv("es.csv", text, "windows-1252", ",").columns).toEqual(["productor;valor"]);
  });

  it("has no columns for an empty file", () => {
    expect(readCsv("empty.csv", "")).toMatchObject({ columns: [], rows: [] });
  });

  it("throws on a file that is not CSV", () => {
    expect(() => readCsv("bad.csv", 'a,b\n"unclosed,1\n')).toThrow();
  });
});
