import { Readable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { parse as parseStream, type Options } from "csv-parse";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { ZObservationInput, type TObservationInput } from "../schemas/observation";
import { readDate, toCanonicalNumber } from "./cell-formats";
import { REQUIRED_FIELDS, type Delimiter, type ImportField, type ImportReading, type ReadingProblemCode, type RowFilter } from "./fields";

/**
 * One problem of one row. `code` (with `values`) says what is wrong, for the import page to word in
 * the editor's language; `message` says it in English for API callers. Reading a row gives the
 * RowProblemCode codes; later checks of the import add their own.
 */
const PRECISION_RANK: Record<string, number> = { year: 0, month: 1, day: 2 };

export type RowError = { row: number; column: string; code: string; values?: Record<string, string>; message: string };
export type RowProblemCode = ReadingProblemCode;
export type ValidRow = { row: number; input: TObservationInput; key: string };

// A valid row holds at most about 13,000 characters (notes, attribution, address); a record many
// times that long is refused as it is read instead of being gathered in memory.
const CSV_OPTIONS: Options = { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, max_record_size: 256 * 1024 };
const csvOptions = (delimiter: Delimiter = ","): Options => ({ ...CSV_OPTIONS, delimiter });

export function parseCsv(text: string, delimiter?: Delimiter): { columns: string[]; records: string[][] } {
  const records = parse(text, csvOptions(delimiter)) as string[][];
  const [columns = [], ...rest] = records;
  return { columns, records: rest };
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

/** Rows whose every problem is kept for the rejected-rows download of an import of the valid rows. */
export const REJECTED_ROWS_LISTED = 10_000;

/** Every problem counted, the first LISTED_PROBLEMS kept: an answer's size no longer grows with the file. */
export class ProblemTally {
  readonly listed: RowError[] = [];
  total = 0;
  invalidRows = 0;
  readonly byColumn = new Map<string, number>();
  /** Row → all its problems, for the first REJECTED_ROWS_LISTED rejected rows. */
  readonly rejected = new Map<number, RowError[]>();

  add(errors: RowError[]): void {
    if (!errors.length) return;
    this.invalidRows++;
    if (this.rejected.size < REJECTED_ROWS_LISTED) this.rejected.set(errors[0]!.row, errors);
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

/** The columns a reading needs (mapped fields and row filters) that the header lacks, as row-1 problems (then no row can be read). */
function missingColumns(columns: string[], { mapping, options }: ImportReading): RowError[] {
  const wanted = [
    ...Object.entries(mapping).map(([field, column]) => ({ field, column })),
    ...(options?.onlyWhere ?? []).map(({ column }) => ({ field: "onlyWhere", column })),
  ];
  return wanted
    .filter(({ column }) => column && !columns.includes(column))
    .map(({ field, column }) => ({
      row: 1,
      column: column!,
      code: "missing_column",
      values: { column: clip(column!), field },
      message: `The file has no column "${clip(column!)}" (mapped to ${field}).`,
    }));
}

/** Whether a record passes every row filter (case and surrounding spaces aside). */
function rowFilter(columns: string[], filters: RowFilter[] = []): (record: string[]) => boolean {
  const tests = filters.map(({ column, equals }) => ({ position: columns.indexOf(column), equals: equals.trim().toLowerCase() }));
  return (record) => tests.every(({ position, equals }) => (record[position] ?? "").trim().toLowerCase() === equals);
}

type RowProblem = { code: RowProblemCode; values?: Record<string, string>; message: string };

const ENUM_FIELDS: ImportField[] = ["qualifier", "datePrecision", "producerType"];

/** A schema issue as a row problem with a code the import page can word. */
function issueProblem(issue: z.core.$ZodIssue, field: ImportField, cell: string): RowProblem {
  const { message } = issue;
  if (ENUM_FIELDS.includes(field)) return { code: "not_one_of", values: { field, value: clip(cell) }, message };
  if (field === "sourceUrl") return { code: "url_invalid", values: { value: clip(cell) }, message };
  if (issue.code === "too_big") return { code: "too_long", values: { field, max: String(issue.maximum) }, message };
  if (field === "valueMax" && issue.code === "custom") return { code: "value_max_below", message };
  if (field === "asOf" && issue.code === "custom") return { code: "period_first_day", message };
  return { code: "invalid", values: { field }, message };
}

/**
 * Checks one record with the editor's own schema, after reading its numbers and dates in the file's
 * formats and filling in the fixed values; row numbers count the header as row 1, as spreadsheets do.
 */
function rowChecker(columns: string[], reading: ImportReading, knownIndicators: Set<string>): RowChecker {
  const { mapping, fixed = {}, options = {} } = reading;
  const numberFormat = options.numberFormat ?? "decimal_point";
  const dateFormat = options.dateFormat ?? "iso";
  const positions = new Map<ImportField, number>(
    Object.entries(mapping).map(([field, column]) => [field as ImportField, column ? columns.indexOf(column) : -1]),
  );
  const cell = (record: string[], field: ImportField): string | undefined => {
    if (fixed[field]) return fixed[field];
    const position = positions.get(field) ?? -1;
    const value = position >= 0 ? record[position] : undefined;
    return value === undefined || value === "" ? undefined : value;
  };
  // A fixed value is named by its field where a column would be.
  const columnOf = (field: ImportField) => mapping[field] ?? field;

  return (record, row) => {
    const errors: RowError[] = [];
    const failed = new Set<ImportField>();
    const fail = (field: ImportField, problem: RowProblem) => {
      failed.add(field);
      errors.push({ row, column: columnOf(field), ...problem });
    };
    const number = (field: ImportField): string | null => {
      const text = cell(record, field);
      if (text === undefined) return null;
      const read = toCanonicalNumber(text, numberFormat);
      if ("ok" in read) return read.ok;
      fail(field, read.problem);
      return text;
    };
    const date = (field: ImportField) => {
      const text = cell(record, field);
      if (text === undefined) return null;
      const read = readDate(text, dateFormat);
      if ("ok" in read) return read.ok;
      fail(field, read.problem);
      return { day: text, precision: undefined };
    };

    const asOf = date("asOf");
    const publishedAt = date("publishedAt");
    if (publishedAt && publishedAt.precision && publishedAt.precision !== "day") {
      const text = cell(record, "publishedAt")!;
      fail("publishedAt", {
        code: "date_format",
        values: { value: clip(text), format: dateFormat },
        message: `"${clip(text)}" is not a full date (a publication has a day).`,
      });
    }
    // "2025" read as a month (or "2025-03" as a day) would put a yearly figure on 1 January: the
    // precision a row states may not be finer than its date shows.
    const statedPrecision = cell(record, "datePrecision");
    if (asOf?.precision && statedPrecision && PRECISION_RANK[statedPrecision] !== undefined) {
      if (PRECISION_RANK[statedPrecision]! > PRECISION_RANK[asOf.precision]!) {
        const text = cell(record, "asOf")!;
        fail("asOf", {
          code: "date_coarser_than_precision",
          values: { value: clip(text), precision: statedPrecision },
          message: `"${clip(text)}" does not name a ${statedPrecision}; write the ${statedPrecision}'s date or change the precision.`,
        });
      }
    }
    const candidate = {
      indicatorSlug: cell(record, "indicator") ?? "",
      value: number("value") ?? "",
      valueMax: number("valueMax"),
      qualifier: cell(record, "qualifier") ?? "exact",
      asOf: asOf?.day ?? "",
      datePrecision: cell(record, "datePrecision") ?? asOf?.precision ?? "",
      producer: { name: cell(record, "producer") ?? "", type: cell(record, "producerType") ?? "" },
      source: {
        url: cell(record, "sourceUrl") ?? "",
        publisher: cell(record, "publisher") ?? "",
        publishedAt: publishedAt?.day ?? null,
      },
      attribution: cell(record, "attribution") ?? null,
      noteEn: cell(record, "noteEn") ?? null,
      noteEs: cell(record, "noteEs") ?? null,
    };
    for (const field of REQUIRED_FIELDS) {
      if (!failed.has(field) && cell(record, field) === undefined) {
        fail(field, { code: "required", values: { field }, message: `The cell for "${field}" is empty.` });
      }
    }
    // Without a precision column the date gives it; when the date is missing or unreadable, that is the problem already said.
    if (!candidate.datePrecision) failed.add("datePrecision");
    const result = ZObservationInput.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = PATH_TO_FIELD[issue.path.join(".")] ?? "value";
        if (!failed.has(field)) fail(field, issueProblem(issue, field, cell(record, field) ?? ""));
      }
    }
    if (errors.length || !result.success) return { errors };
    if (!knownIndicators.has(result.data.indicatorSlug)) {
      const slug = clip(result.data.indicatorSlug);
      return {
        errors: [
          {
            row,
            column: columnOf("indicator"),
            code: "unknown_indicator",
            values: { value: slug },
            message: `Unknown indicator "${slug}".`,
          },
        ],
      };
    }
    return { valid: { row, input: result.data, key: naturalKey(result.data) } };
  };
}

/** Validates every row at once (benchmarks compare against it); the importer uses scanCsv. */
export function validateRows(columns: string[], records: string[][], reading: ImportReading, knownIndicators: Set<string>) {
  const missing = missingColumns(columns, reading);
  if (missing.length) return { valid: [], errors: missing };
  const check = rowChecker(columns, reading, knownIndicators);
  const included = rowFilter(columns, reading.options?.onlyWhere);
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  records.forEach((record, position) => {
    if (!included(record)) return;
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

/** `skipped` counts the rows the row filters left out (of totalRows). */
export type CsvScan = { columns: string[]; totalRows: number; skipped: number; valid: ValidRow[]; problems: ProblemTally };

/**
 * Parses and validates the file as a stream of records, yielding to the event loop between slices
 * and every TURN_MS of validation, and keeps only the valid rows and a bounded list of problems
 * (every problem still counted). A file that is not CSV at all throws csv-parse's error.
 */
export async function scanCsv(text: string, reading: ImportReading, knownIndicators: Set<string>): Promise<CsvScan> {
  const source = Readable.from(slices(text));
  const parser = source.pipe(parseStream(csvOptions(reading.options?.delimiter)));
  const problems = new ProblemTally();
  const valid: ValidRow[] = [];
  let columns: string[] | undefined;
  let check: RowChecker | undefined;
  let included: (record: string[]) => boolean = () => true;
  let totalRows = 0;
  let skipped = 0;
  let turnStarted = performance.now();
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (performance.now() - turnStarted > TURN_MS) {
        await nextTurn();
        turnStarted = performance.now();
      }
      if (!columns) {
        columns = record;
        const missing = missingColumns(columns, reading);
        problems.add(missing);
        if (!missing.length) check = rowChecker(columns, reading, knownIndicators);
        included = rowFilter(columns, reading.options?.onlyWhere);
        continue;
      }
      totalRows++;
      if (!check) continue;
      if (!included(record)) {
        skipped++;
        continue;
      }
      const outcome = check(record, totalRows + 1);
      if ("valid" in outcome) valid.push(outcome.valid);
      else problems.add(outcome.errors);
    }
  } finally {
    source.destroy();
  }
  // No header row at all: every mapped column is missing.
  if (!columns) problems.add(missingColumns([], reading));
  return { columns: columns ?? [], totalRows, skipped, valid, problems };
}
