import { parse } from "csv-parse/browser/esm/sync";
import type { Delimiter } from "@/lib/csv-import/fields";
import { detectDelimiter } from "@/lib/csv-import/detect-format";

/** How the file's bytes were turned into text; the server receives the text. */
export type FileEncoding = "utf-8" | "utf-8-bom" | "utf-16" | "windows-1252";

export type CsvFile = {
  name: string;
  text: string;
  encoding: FileEncoding;
  delimiter: Delimiter;
  /** The delimiter the first lines suggested, whatever was chosen since. */
  detectedDelimiter: Delimiter;
  columns: string[];
  /** Every row below the header, for the page's guesses and counts; the server does the real checking. */
  rows: string[][];
};

/**
 * Bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 when its mark says so (Excel's
 * "Unicode text"), and otherwise Windows-1252, which is what Excel on Windows saves as "CSV" in
 * Spanish and which any byte sequence is (so a file that is not UTF-8 still reads, accents and all).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: FileEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8-bom" };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes), encoding: "utf-16" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/**
 * Reads the header and rows with the same parser options as the server (lib/csv-import/validate-rows.ts),
 * so both see the same columns; the delimiter is the first lines' unless one is chosen.
 */
export function readCsv(name: string, text: string, encoding: FileEncoding = "utf-8", delimiter?: Delimiter): CsvFile {
  const detectedDelimiter = detectDelimiter(text);
  const chosen = delimiter ?? detectedDelimiter;
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, delimiter: chosen }) as string[][];
  const [columns = [], ...rows] = records;
  return { name, text, encoding, delimiter: chosen, detectedDelimiter, columns, rows };
}
