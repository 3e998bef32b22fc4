import { parse } from "csv-parse/browser/esm/sync";

export type CsvFile = { name: string; text: string; columns: string[]; rowCount: number };

/**
 * Reads the header and counts the rows, with the same parser options as the server
 * (lib/csv-import/validate-rows.ts), so both see the same columns. The server does the real checking.
 */
export function readCsv(name: string, text: string): CsvFile {
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  const [columns = [], ...rows] = records;
  return { name, text, columns, rowCount: rows.length };
}
