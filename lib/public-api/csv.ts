import { stringify } from "csv-stringify/sync";

// Spreadsheets read a cell as a formula when it starts with = + - @ (their full-width and small
// forms too: ＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫), or with a tab or carriage return; and they skip what comes
// before that sign when it cannot be seen: blanks (NBSP and other Unicode spaces included), zero-width
// characters, word joiners, the BOM. A leading apostrophe makes such a cell plain text.
const INVISIBLE = "\\s\\u00AD\\u180E\\u200B-\\u200F\\u2060-\\u2064\\uFEFF";
const FORMULA_START = new RegExp(`^(?:[\\t\\r]|[${INVISIBLE}]*[=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE66\\uFE62\\uFE63\\uFE6B])`);

/** The cell as a spreadsheet will take it as text; plain decimals (negative ones too) stay numbers. */
export function neutralizeCell(value: unknown): unknown {
  if (typeof value !== "string" || /^-?\d+(\.\d+)?$/.test(value)) return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const RECORD_DELIMITER = "\r\n";

/** The header line alone: a streamed file writes it first, then its rows in pieces (csvRows). */
export const csvHeader = (columns: string[]): string => stringify([columns], { record_delimiter: RECORD_DELIMITER });

/** Rows without a header, each cell neutralised, for one piece of a streamed file. */
export const csvRows = (rows: unknown[][]): string =>
  stringify(
    rows.map((row) => row.map(neutralizeCell)),
    { record_delimiter: RECORD_DELIMITER },
  );

export function toCsv(columns: string[], rows: unknown[][]): string {
  return csvHeader(columns) + csvRows(rows);
}
