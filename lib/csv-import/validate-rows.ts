import { Readable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { parse as parseStream, type Options } from "csv-parse";
import { parse } from "csv-parse/sync";
import { ZObservationInput, type TObservationInput } from "../schemas/observation";
import type { ColumnMapping, ImportField } from "./fields";

export type RowError = { row: number; column: string; message: string };
export type ValidRow = { row: number; input: TObservationInput; key: string };

// A valid row holds at most about 13,000 characters (notes, attribution, address); a record many
// times that long is refused as it is read instead of being gathered in memory.
const CSV_OPTIONS: Options = { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, max_record_size: 256 * 1024 };

export function parseCsv(text: string): { columns: string[]; records: string[][] } {
  const records = parse(text, CSV_OPTIONS) as string[][];
  const [columns = [], ...rest] = records;
  return { columns, records: rest };
}

// Spreadsheets shorten dates: "2024" for a year, "2024-03" for a month. Both mean the period's first day.
function periodStart(asOf: string, precision: string): string {
  if (precision === "year" && /^\d{4}$/.test(asOf)) return `${asOf}-01-01`;
  if (precision === "month" && /^\d{4}-\d{2}$/.test(asOf)) return `${asOf}-01`;
  return asOf;
}

const PATH_TO_FIELD: Record<string, ImportField> = {
  indicatorSlug: "indicator",
  value: "value",
  valueMax: "valueMax",
  qualifier: "qualifier",
  asOf: "asOf",
  datePrecision: "datePrecision",
  "producer.name": "producer",
  "producer.type": "producerType",
  "source.url": "sourceUrl",
  "source.publisher": "publisher",
  "source.publishedAt": "publishedAt",
  attribution: "attribution",
  noteEn: "noteEn",
  noteEs: "noteEs",
};

// "12.50" and "012.5" are the number 12.5. Worked on the text, not through Number(), which would
// round 20-digit values and make different figures look the same.
function canonicalDecimal(text: string | null | undefined): string {
  if (!text) return "";
  const [whole = "", fraction = ""] = text.split(".");
  const digits = whole.replace(/^(-?)0+(?=\d)/, "$1");
  const decimals = fraction.replace(/0+$/, "");
  const number = decimals ? `${digits}.${decimals}` : digits;
  return number === "-0" ? "0" : number;
}

/** The same figure from the same producer and document: importing it again adds nothing. */
export function naturalKey(
  input: Pick<TObservationInput, "indicatorSlug" | "value" | "valueMax" | "qualifier" | "asOf" | "datePrecision" | "producer" | "source">,
): string {
  return [
    input.indicatorSlug,
    canonicalDecimal(input.value),
    canonicalDecimal(input.valueMax),
    input.qualifier,
    input.asOf,
    input.datePrecision,
    input.producer.type,
    input.producer.name,
    input.source.url,
  ].join("\u0001");
}

/** Problems a check lists by row; the rest are counted (per column) but not sent. */
export const LISTED_PROBLEMS = 100;

/** Every problem counted, the first LISTED_PROBLEMS kept: an answer's size no longer grows with the file. */
export class ProblemTally {
  readonly listed: RowError[] = [];
  total = 0;
  invalidRows = 0;
  readonly byColumn = new Map<string, number>();

  add(errors: RowError[]): void {
    if (!errors.length) return;
    this.invalidRows++;
    for (const error of errors) {
      this.total++;
      this.byColumn.set(error.column, (this.byColumn.get(error.column) ?? 0) + 1);
      if (this.listed.length < LISTED_PROBLEMS) this.listed.push(error);
    }
  }
}

// Messages echo a cell only this far: a megabyte-long slug must not make a megabyte-long answer.
const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max)}…` : text);

type RowChecker = (record: string[], row: number) => { valid: ValidRow } | { errors: RowError[] };

/** The mapped columns the header lacks, as row-1 problems (then no row can be read). */
function missingColumns(columns: string[], mapping: ColumnMapping): RowError[] {
  return Object.entries(mapping)
    .filter(([, column]) => column && !columns.includes(column))
    .map(([field, column]) => ({ row: 1, column: column!, message: `The file has no column "${clip(column!)}" (mapped to ${field}).` }));
}

/** Checks one record with the editor's own schema; row numbers count the header as row 1, as spreadsheets do. */
function rowChecker(columns: string[], mapping: ColumnMapping, knownIndicators: Set<string>): RowChecker {
  const positions = new Map<ImportField, number>(
    Object.entries(mapping).map(([field, column]) => [field as ImportField, column ? columns.indexOf(column) : -1]),
  );
  const cell = (record: string[], field: ImportField) => {
    const position = positions.get(field) ?? -1;
    const value = position >= 0 ? record[position] : undefined;
    return value === undefined || value === "" ? undefined : value;
  };
  return (record, row) => {
    const precision = cell(record, "datePrecision") ?? "";
    const candidate = {
      indicatorSlug: cell(record, "indicator") ?? "",
      value: cell(record, "value") ?? "",
      valueMax: cell(record, "valueMax") ?? null,
      qualifier: cell(record, "qualifier") ?? "exact",
      asOf: periodStart(cell(record, "asOf") ?? "", precision),
      datePrecision: precision,
      producer: { name: cell(record, "producer") ?? "", type: cell(record, "producerType") ?? "" },
      source: {
        url: cell(record, "sourceUrl") ?? "",
        publisher: cell(record, "publisher") ?? "",
        publishedAt: cell(record, "publishedAt") ?? null,
      },
      attribution: cell(record, "attribution") ?? null,
      noteEn: cell(record, "noteEn") ?? null,
      noteEs: cell(record, "noteEs") ?? null,
    };
    const result = ZObservationInput.safeParse(candidate);
    if (!result.success) {
      return {
        errors: result.error.issues.map((issue) => {
          const field = PATH_TO_FIELD[issue.path.join(".")] ?? "value";
          return { row, column: mapping[field] ?? field, message: issue.message };
        }),
      };
    }
    if (!knownIndicators.has(result.data.indicatorSlug)) {
      return { errors: [{ row, column: mapping.indicator!, message: `Unknown indicator "${clip(result.data.indicatorSlug)}".` }] };
    }
    return { valid: { row, input: result.data, key: naturalKey(result.data) } };
  };
}

/** Validates every row at once (benchmarks compare against it); the importer uses scanCsv. */
export function validateRows(columns: string[], records: string[][], mapping: ColumnMapping, knownIndicators: Set<string>) {
  const missing = missingColumns(columns, mapping);
  if (missing.length) return { valid: [], errors: missing };
  const check = rowChecker(columns, mapping, knownIndicators);
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  records.forEach((record, position) => {
    const outcome = check(record, position + 2);
    if ("valid" in outcome) valid.push(outcome.valid);
    else errors.push(...outcome.errors);
  });
  return { valid, errors };
}

// About two hundred rows of a typical file: parsing one slice takes a millisecond or two.
const SLICE_CHARACTERS = 16 * 1024;
// Validation gives way to other requests at least this often (Zod takes tens of microseconds a row).
const TURN_MS = 10;

/** The text in slices, waiting for the event loop's next turn after each; never splits a surrogate pair. */
async function* slices(text: string): AsyncGenerator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + SLICE_CHARACTERS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(start, end);
    start = end;
    await nextTurn();
  }
}

export type CsvScan = { columns: string[]; totalRows: number; valid: ValidRow[]; problems: ProblemTally };

/**
 * Parses and validates the file as a stream of records, yielding to the event loop between slices
 * and every TURN_MS of validation, and keeps only the valid rows and a bounded list of problems
 * (every problem still counted). A file that is not CSV at all throws csv-parse's error.
 */
export async function scanCsv(text: string, mapping: ColumnMapping, knownIndicators: Set<string>): Promise<CsvScan> {
  const source = Readable.from(slices(text));
  const parser = source.pipe(parseStream(CSV_OPTIONS));
  const problems = new ProblemTally();
  const valid: ValidRow[] = [];
  let columns: string[] | undefined;
  let check: RowChecker | undefined;
  let totalRows = 0;
  let turnStarted = performance.now();
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (performance.now() - turnStarted > TURN_MS) {
        await nextTurn();
        turnStarted = performance.now();
      }
      if (!columns) {
        columns = record;
        const missing = missingColumns(columns, mapping);
        problems.add(missing);
        if (!missing.length) check = rowChecker(columns, mapping, knownIndicators);
        continue;
      }
      totalRows++;
      if (!check) continue;
      const outcome = check(record, totalRows + 1);
      if ("valid" in outcome) valid.push(outcome.valid);
      else problems.add(outcome.errors);
    }
  } finally {
    source.destroy();
  }
  // No header row at all: every mapped column is missing.
  if (!columns) problems.add(missingColumns([], mapping));
  return { columns: columns ?? [], totalRows, valid, problems };
}
