import { parse } from "csv-parse/sync";
import { ZObservationInput, type TObservationInput } from "../schemas/observation";
import type { ColumnMapping, ImportField } from "./fields";

export type RowError = { row: number; column: string; message: string };
export type ValidRow = { row: number; input: TObservationInput; key: string };

export function parseCsv(text: string): { columns: string[]; records: string[][] } {
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
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
export function naturalKey(input: Pick<TObservationInput, "indicatorSlug" | "value" | "valueMax" | "qualifier" | "asOf" | "datePrecision" | "producer" | "source">): string {
  return [input.indicatorSlug, canonicalDecimal(input.value), canonicalDecimal(input.valueMax), input.qualifier, input.asOf, input.datePrecision, input.producer.type, input.producer.name, input.source.url].join("\u0001");
}

/** Validates every row with the editor's own schema; row numbers count the header as row 1, as spreadsheets do. */
export function validateRows(columns: string[], records: string[][], mapping: ColumnMapping, knownIndicators: Set<string>) {
  const index = (field: ImportField) => (mapping[field] ? columns.indexOf(mapping[field]!) : -1);
  const missing = Object.entries(mapping).filter(([, column]) => column && !columns.includes(column));
  if (missing.length) {
    return { valid: [], errors: missing.map(([field, column]) => ({ row: 1, column: column!, message: `The file has no column "${column}" (mapped to ${field}).` })) };
  }
  const cell = (record: string[], field: ImportField) => {
    const position = index(field);
    const value = position >= 0 ? record[position] : undefined;
    return value === undefined || value === "" ? undefined : value;
  };
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  records.forEach((record, position) => {
    const row = position + 2;
    const precision = cell(record, "datePrecision") ?? "";
    const candidate = {
      indicatorSlug: cell(record, "indicator") ?? "",
      value: cell(record, "value") ?? "",
      valueMax: cell(record, "valueMax") ?? null,
      qualifier: cell(record, "qualifier") ?? "exact",
      asOf: periodStart(cell(record, "asOf") ?? "", precision),
      datePrecision: precision,
      producer: { name: cell(record, "producer") ?? "", type: cell(record, "producerType") ?? "" },
      source: { url: cell(record, "sourceUrl") ?? "", publisher: cell(record, "publisher") ?? "", publishedAt: cell(record, "publishedAt") ?? null },
      attribution: cell(record, "attribution") ?? null,
      noteEn: cell(record, "noteEn") ?? null,
      noteEs: cell(record, "noteEs") ?? null,
    };
    const result = ZObservationInput.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = PATH_TO_FIELD[issue.path.join(".")] ?? "value";
        errors.push({ row, column: mapping[field] ?? field, message: issue.message });
      }
      return;
    }
    if (!knownIndicators.has(result.data.indicatorSlug)) {
      errors.push({ row, column: mapping.indicator!, message: `Unknown indicator "${result.data.indicatorSlug}".` });
      return;
    }
    valid.push({ row, input: result.data, key: naturalKey(result.data) });
  });
  return { valid, errors };
}
