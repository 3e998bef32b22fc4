import { toCanonicalNumber } from "./cell-formats";
import { DELIMITERS, type DateFormat, type Delimiter, type NumberFormat } from "./fields";

// The first lines are enough to tell a file's delimiter; the whole file is not scanned.
const SAMPLE_CHARACTERS = 64 * 1024;
const SAMPLE_LINES = 20;

/** The first lines, split where a line end falls outside quotes (a quoted line end belongs to its cell); blank lines dropped. */
function firstLines(text: string): string[] {
  const sample = text.slice(0, SAMPLE_CHARACTERS);
  const lines: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < sample.length && lines.length < SAMPLE_LINES; index++) {
    const character = sample[index];
    if (character === '"') quoted = !quoted;
    else if (character === "\n" && !quoted) {
      lines.push(sample.slice(start, index));
      start = index + 1;
    }
  }
  // The rest is a whole last line only when the sample holds the whole file.
  if (lines.length < SAMPLE_LINES && sample.length === text.length) lines.push(sample.slice(start));
  return lines.filter((line) => line.trim() !== "");
}

/** How often the delimiter occurs outside quotes on the line. */
function occurrences(line: string, delimiter: Delimiter): number {
  let quoted = false;
  let count = 0;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (character === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * The delimiter the header and first lines agree on: the one found on the header that occurs as
 * often on most of the following lines; among those, the most frequent. A file with none of them
 * (a single column) is comma-separated.
 */
export function detectDelimiter(text: string): Delimiter {
  const header = text.replace(/^\uFEFF/, "");
  const lines = firstLines(header);
  let best: { delimiter: Delimiter; steady: number; onHeader: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const [onHeader = 0, ...rows] = lines.map((line) => occurrences(line, delimiter));
    if (onHeader === 0) continue;
    const steady = rows.length ? rows.filter((count) => count === onHeader).length / rows.length : 1;
    if (!best || steady > best.steady || (steady === best.steady && onHeader > best.onHeader)) best = { delimiter, steady, onHeader };
  }
  return best?.delimiter ?? ",";
}

/** A delimiter a one-column reading of the header contains: the file was probably read with the wrong one. */
export function unusedDelimiterIn(columns: string[]): Delimiter | null {
  if (columns.length !== 1) return null;
  return DELIMITERS.find((delimiter) => columns[0]!.includes(delimiter)) ?? null;
}

/**
 * The number format a column's cells show, or null when they fit both: "10,4" or "1.234,5" only a
 * decimal comma, "10.4" or "1,234.5" only a decimal point; "85.000" or "1,234" could be either.
 */
export function guessNumberFormat(cells: string[]): NumberFormat | null {
  let comma = false;
  let point = false;
  for (const cell of cells) {
    const text = cell.trim();
    if (/^[-+]?[\d.]*\d,\d+$/.test(text) && !/^[-+]?\d{1,3},\d{3}$/.test(text)) comma = true;
    if (/^[-+]?[\d,]*\d\.\d+$/.test(text) && !/^[-+]?\d{1,3}\.\d{3}$/.test(text)) point = true;
  }
  if (comma === point) return null;
  return comma ? "decimal_comma" : "decimal_point";
}

/** The date format a column's cells show, or null when they fit both (years, months, or nothing to go on). */
export function guessDateFormat(cells: string[]): DateFormat | null {
  if (cells.some((cell) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(cell.trim()))) return "dmy";
  if (cells.some((cell) => /^\d{4}-\d{1,2}-\d{1,2}$/.test(cell.trim()))) return "iso";
  return null;
}

/**
 * The first cell that both formats read, as different numbers ("85.000": 85000 or 85), with what the
 * chosen format makes of it; the page points it out so the format is chosen knowingly.
 */
export function ambiguousNumber(cells: string[], format: NumberFormat): { cell: string; reading: string } | null {
  const other: NumberFormat = format === "decimal_comma" ? "decimal_point" : "decimal_comma";
  for (const cell of cells) {
    const chosen = toCanonicalNumber(cell, format);
    const otherwise = toCanonicalNumber(cell, other);
    if ("ok" in chosen && "ok" in otherwise && chosen.ok !== otherwise.ok) return { cell: cell.trim(), reading: chosen.ok };
  }
  return null;
}
