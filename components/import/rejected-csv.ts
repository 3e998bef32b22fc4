import { stringify } from "csv-stringify/browser/esm/sync";
import type { RejectedRow } from "./api";

type Reason = RejectedRow["reasons"][number];

export type RejectedCsvLabels = { row: string; reason: string; reasonText: (reason: Reason) => string };

/**
 * The rejected rows as a CSV to fix and import again: the file's own header and cells (from the
 * page's copy of the file, so the cells never travel back from the server), then the row's number
 * in the file and every reason, each naming its column. Written with the file's delimiter and a
 * byte order mark, so a spreadsheet opens it as the file it came from.
 */
export function rejectedRowsCsv(
  file: { columns: string[]; rows: string[][]; delimiter: string },
  rejected: RejectedRow[],
  labels: RejectedCsvLabels,
): string {
  const width = file.columns.length;
  const records = rejected.map(({ row, reasons }) => {
    // Row numbers count the header as row 1: row n is the file's record n - 2.
    const cells = file.rows[row - 2] ?? [];
    const padded = Array.from({ length: width }, (_, i) => cells[i] ?? "");
    const why = reasons.map((reason) => `${reason.column}: ${labels.reasonText(reason)}`).join(" | ");
    return [...padded, String(row), why];
  });
  return `\uFEFF${stringify([[...file.columns, labels.row, labels.reason], ...records], { delimiter: file.delimiter, record_delimiter: "\r\n" })}`;
}
