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

const OPTIONAL_FIELDS: ImportField[] = ["valueMax", "qualifier", "publishedAt", "attribution", "noteEn", "noteEs"];
export const REQUIRED_FIELDS: ImportField[] = IMPORT_FIELDS.filter((field) => !OPTIONAL_FIELDS.includes(field));

/** Field → the CSV column it is read from (null: not in this file). */
export const ZColumnMapping = z
  .partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(500, "A column name is at most 500 characters.").nullable())
  .superRefine((mapping, ctx) => {
    for (const field of REQUIRED_FIELDS) {
      if (!mapping[field]) ctx.addIssue({ code: "custom", path: [field], message: `Choose the column that holds "${field}".` });
    }
  });
export type ColumnMapping = Partial<Record<ImportField, string | null>>;

/** The largest CSV file the importer takes (20 MB); the import page checks a file's size against it before sending. */
export const IMPORT_FILE_LIMIT_BYTES = 20 * 1024 * 1024;

/** The import request carries the file as a JSON string (quotes and line ends escaped) with the mapping: 25 MB. */
export const IMPORT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

export const ZImportRequest = z.object({
  csv: z
    .string()
    .min(1, "The file is empty.")
    // Characters, not bytes: the bytes are bounded by IMPORT_BODY_LIMIT_BYTES as the body is read.
    .max(IMPORT_FILE_LIMIT_BYTES, "The file is larger than 20 MB; split it."),
  mapping: ZColumnMapping,
  /** The file's name as the browser gave it, so reviewers can tell imports apart. */
  fileName: z.string().trim().min(1).max(255).optional(),
});

/** Columns named like the fields map themselves, so the template needs no mapping step. */
export function guessMapping(columns: string[]): ColumnMapping {
  const normalized = new Map(
    columns.map((column) => [
      column
        .trim()
        .toLowerCase()
        .replace(/[\s_-]/g, ""),
      column,
    ]),
  );
  return Object.fromEntries(IMPORT_FIELDS.map((field) => [field, normalized.get(field.toLowerCase()) ?? null]));
}

export const TEMPLATE_CSV =
  `${IMPORT_FIELDS.join(",")}\r\n` +
  "soe_arrests_cumulative,85000,,more_than,2025-03-01,month,Security Minister,government,https://example.org/report,Example Outlet,2025-03-27,,Stated at the 36th extension,Dicho en la 36.a prórroga\r\n";
