import { isRealIsoDay } from "../dates";
import type { DateFormat, NumberFormat, ReadingProblemCode } from "./fields";

// Spreadsheets write numbers and dates as their language does ("1.234,5", "15/03/2025"). Cells are
// turned into the one form the observation schema takes ("1234.5", "2025-03-15") here, on the text:
// never through Number(), which would round long values.

/** Why a cell could not be read; the UI words each code (import.ui.rowErrors), the API gives `message`. */
export type CellProblem = {
  code: Extract<ReadingProblemCode, "number_format" | "date_format" | "date_not_real">;
  values: Record<string, string>;
  message: string;
};
export type Converted<T> = { ok: T } | { problem: CellProblem };

// Cells echo back only this far into messages.
const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

// Thousands may also be grouped with spaces (plain, no-break, narrow no-break), as in "85 000".
const SPACE_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/;

function groupsOf(whole: string, separator: "." | ","): string | null {
  if (/^\d+$/.test(whole)) return whole;
  if (SPACE_GROUPS.test(whole)) return whole.replace(/[ \u00a0\u202f]/g, "");
  const grouped = separator === "." ? /^\d{1,3}(?:\.\d{3})+$/ : /^\d{1,3}(?:,\d{3})+$/;
  return grouped.test(whole) ? whole.split(separator).join("") : null;
}

const NUMBER_EXAMPLES: Record<NumberFormat, string> = { decimal_comma: "1.234,5", decimal_point: "1,234.5" };

/**
 * "10,4" → "10.4" and "1.234,5" → "1234.5" with a decimal comma; "1,234.5" → "1234.5" with a
 * decimal point. Thousands must come in groups of three, so "10.4" is no decimal-comma number
 * (a file with decimal points read the wrong way is refused, not read as 104).
 */
export function toCanonicalNumber(cell: string, format: NumberFormat): Converted<string> {
  const text = cell.trim();
  const decimal = format === "decimal_comma" ? "," : ".";
  const thousands = format === "decimal_comma" ? "." : ",";
  // A leading "+" is refused as the form and the API refuse it: the importer reads no number they would not.
  const match = /^(-?)([^]*)$/.exec(text)!;
  const sign = match[1] === "-" ? "-" : "";
  const body = match[2]!;
  const parts = body.split(decimal);
  const whole = parts[0] ? groupsOf(parts[0], thousands) : null;
  const fraction = parts[1];
  if (parts.length <= 2 && whole !== null && (fraction === undefined || /^\d+$/.test(fraction))) {
    return { ok: `${sign}${whole}${fraction === undefined ? "" : `.${fraction}`}` };
  }
  return {
    problem: {
      code: "number_format",
      values: { value: shown(text), format },
      message: `"${shown(text)}" is not a number written as ${NUMBER_EXAMPLES[format]}.`,
    },
  };
}

export type DatePrecision = "day" | "month" | "year";
export type ReadDate = { day: string; precision: DatePrecision };

const pad = (digits: string) => digits.padStart(2, "0");
const DATE_EXAMPLES: Record<DateFormat, string> = { dmy: "DD/MM/YYYY", iso: "YYYY-MM-DD" };

/**
 * A date cell as the first day of its period and the precision its shape says: "2025" → 2025-01-01
 * (year), "2025-03" → 2025-03-01 (month), "15/03/2025" or "2025-03-15" → day. ISO days are read in
 * both formats (they cannot be mistaken); "15/03/2025" (also 5/3/2025, 15-03-2025, 15.03.2025) only
 * as DD/MM/YYYY. A day the calendar lacks (31/02/2025) is refused as such.
 */
export function readDate(cell: string, format: DateFormat): Converted<ReadDate> {
  const text = cell.trim();
  let day: string | null = null;
  if (/^\d{4}$/.test(text) && text !== "0000") return { ok: { day: `${text}-01-01`, precision: "year" } };
  const month = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (month) {
    const first = `${month[1]}-${pad(month[2]!)}-01`;
    if (isRealIsoDay(first)) return { ok: { day: first, precision: "month" } };
    return {
      problem: { code: "date_not_real", values: { value: shown(text) }, message: `"${shown(text)}" is not a month of the calendar.` },
    };
  }
  // An ISO day is written in full (2025-03-05), as the form and the API take it; short days ("5/3/2025") are DD/MM/YYYY's.
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) day = `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`;
  const dmy = format === "dmy" ? /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text) : null;
  if (dmy) day = `${dmy[4]}-${pad(dmy[3]!)}-${pad(dmy[1]!)}`;
  if (day === null) {
    return {
      problem: {
        code: "date_format",
        values: { value: shown(text), format },
        message: `"${shown(text)}" is not a date written as ${DATE_EXAMPLES[format]} (or YYYY, YYYY-MM).`,
      },
    };
  }
  if (!isRealIsoDay(day)) {
    return {
      problem: { code: "date_not_real", values: { value: shown(text) }, message: `"${shown(text)}" is not a day of the calendar.` },
    };
  }
  return { ok: { day, precision: "day" } };
}
