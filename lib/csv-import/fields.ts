import { z } from "zod";

/** What a spreadsheet column can be mapped to. */
export const IMPORT_FIELDS = [
  "indicator",
  "value",
  "valueMax",
  "qualifier",
  "asOf",
  "datePrecision",
  "producer",
  "producerType",
  "sourceUrl",
  "publisher",
  "publishedAt",
  "attribution",
  "noteEn",
  "noteEs",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: ImportField[] = ["indicator", "value", "asOf", "datePrecision", "producer", "producerType", "sourceUrl", "publisher"];

/** Field → the CSV column it is read from (null: not in this file). */
export const ZColumnMapping = z
  .partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).nullable())
  .superRefine((mapping, ctx) => {
    for (const field of REQUIRED_FIELDS) {
      if (!mapping[field]) ctx.addIssue({ code: "custom", path: [field], message: `Choose the column that holds "${field}".` });
    }
  });
export type ColumnMapping = Partial<Record<ImportField, string | null>>;

export const ZImportRequest = z.object({
  csv: z.string().min(1, "The file is empty.").max(50_000_000, "The file is larger than 50 MB; split it."),
  mapping: ZColumnMapping,
});

/** Columns named like the fields map themselves, so the template needs no mapping step. */
export function guessMapping(columns: string[]): ColumnMapping {
  const normalized = new Map(columns.map((column) => [column.trim().toLowerCase().replace(/[\s_-]/g, ""), column]));
  return Object.fromEntries(IMPORT_FIELDS.map((field) => [field, normalized.get(field.toLowerCase()) ?? null]));
}

export const TEMPLATE_CSV =
  `${IMPORT_FIELDS.join(",")}\r\n` +
  "soe_arrests_cumulative,85000,,more_than,2025-03-01,month,Security Minister,government,https://example.org/report,Example Outlet,2025-03-27,,Stated at the 36th extension,Dicho en la 36.a prórroga\r\n";
