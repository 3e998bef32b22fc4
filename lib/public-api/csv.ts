import { stringify } from "csv-stringify/sync";

// A cell that starts with = + - @ (or a tab or carriage return) is read as a formula by
// spreadsheets; a leading apostrophe makes it plain text. Numbers are written as numbers.
export function neutralizeCell(value: unknown): unknown {
  if (typeof value !== "string" || /^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const RECORD_DELIMITER = "\r\n";

/** The header line alone: a streamed file writes it first, then its rows in pieces (csvRows). */
export const csvHeader = (columns: string[]): string => stringify([columns], { record_delimiter: RECORD_DELIMITER });

/** Rows without a header, each cell neutralised, for one piece of a streamed file. */
export const csvRows = (rows: unknown[][]): string => stringify(rows.map((row) => row.map(neutralizeCell)), { record_delimiter: RECORD_DELIMITER });

export function toCsv(columns: string[], rows: unknown[][]): string {
  return csvHeader(columns) + csvRows(rows);
}
