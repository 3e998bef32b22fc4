import { stringify } from "csv-stringify/sync";

// A cell that starts with = + - @ (or a tab or carriage return) is read as a formula by
// spreadsheets; a leading apostrophe makes it plain text. Numbers are written as numbers.
export function neutralizeCell(value: unknown): unknown {
  if (typeof value !== "string" || /^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(columns: string[], rows: unknown[][]): string {
  return stringify(rows.map((row) => row.map(neutralizeCell)), { header: true, columns, record_delimiter: "\r\n" });
}
