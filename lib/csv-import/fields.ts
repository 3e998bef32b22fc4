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

// Without a precision, the date's own shape gives it: 2024 a year, 2024-03 a month, a full date a day.
const OPTIONAL_FIELDS: ImportField[] = ["valueMax", "qualifier", "datePrecision", "publishedAt", "attribution", "noteEn", "noteEs"];
export const REQUIRED_FIELDS: ImportField[] = IMPORT_FIELDS.filter((field) => !OPTIONAL_FIELDS.includes(field));

/** Fields that may take one value for every row instead of a column (a figure's value always comes from the file). */
export const FIXABLE_FIELDS: ImportField[] = IMPORT_FIELDS.filter((field) => field !== "value" && field !== "valueMax");

const ZColumnName = z.string().min(1).max(500, "A column name is at most 500 characters.");

/** Field → the CSV column it is read from (null: not in this file). */
export const ZColumnMapping = z.partialRecord(z.enum(IMPORT_FIELDS), ZColumnName.nullable());
export type ColumnMapping = Partial<Record<ImportField, string | null>>;

/** Field → one value for every row, written as a cell of the file would be (a date in the file's date format). */
export const ZFixedValues = z.partialRecord(
  z.enum(FIXABLE_FIELDS as [ImportField, ...ImportField[]]),
  z.string().trim().min(1).max(4000, "A fixed value is at most 4,000 characters."),
);
export type FixedValues = Partial<Record<ImportField, string>>;

export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];
/** "1.234,5" (Spanish, most of Latin America) or "1,234.5". */
export const NUMBER_FORMATS = ["decimal_comma", "decimal_point"] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];
/** "15/03/2025" (also 5/3/2025) or "2025-03-15"; years and months (2025, 2025-03) are read in both. */
export const DATE_FORMATS = ["dmy", "iso"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Only rows whose cell in `column` equals `equals` are read; the others are skipped and counted, not errors. */
export const ZRowFilter = z.object({ column: ZColumnName, equals: z.string().trim().max(500) });
export type RowFilter = z.infer<typeof ZRowFilter>;
export const ROW_FILTER_LIMIT = 8;

/** How the file's text is read. Without options a file reads as the API always took it: commas, 10.4, 2025-03-15. */
export const ZImportOptions = z.object({
  delimiter: z.enum(DELIMITERS).optional(),
  numberFormat: z.enum(NUMBER_FORMATS).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  onlyWhere: z.array(ZRowFilter).max(ROW_FILTER_LIMIT).optional(),
});
export type ImportOptions = z.infer<typeof ZImportOptions>;

/** What reading a file takes besides its text: where each field comes from and how cells are written. */
export type ImportReading = { mapping: ColumnMapping; fixed?: FixedValues; options?: ImportOptions };

/** Required fields given neither a column nor a fixed value. */
export function unsatisfiedFields(mapping: ColumnMapping, fixed: FixedValues = {}): ImportField[] {
  return REQUIRED_FIELDS.filter((field) => !mapping[field] && !fixed[field]?.trim());
}

/** What reading a row can find wrong with it; each row problem names one (the import page words it). */
export const READING_PROBLEM_CODES = [
  "number_format",
  "date_format",
  "date_not_real",
  "date_coarser_than_precision",
  "missing_column",
  "required",
  "not_one_of",
  "url_invalid",
  "too_long",
  "value_max_below",
  "period_first_day",
  "unknown_indicator",
  "invalid",
] as const;
export type ReadingProblemCode = (typeof READING_PROBLEM_CODES)[number];

/** The largest CSV file the importer takes (20 MB); the import page checks a file's size against it before sending. */
export const IMPORT_FILE_LIMIT_BYTES = 20 * 1024 * 1024;

/** The import request carries the file as a JSON string (quotes and line ends escaped) with the mapping: 25 MB. */
export const IMPORT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

/** The body of both POST /api/editor/imports/preview and POST /api/editor/imports. */
export const ZImportRequest = z
  .object({
    csv: z
      .string()
      .min(1, "The file is empty.")
      // Characters, not bytes: the bytes are bounded by IMPORT_BODY_LIMIT_BYTES as the body is read.
      .max(IMPORT_FILE_LIMIT_BYTES, "The file is larger than 20 MB; split it."),
    mapping: ZColumnMapping,
    fixed: ZFixedValues.optional(),
    options: ZImportOptions.optional(),
    /** The file's name as the browser gave it, so reviewers can tell imports apart. */
    fileName: z.string().trim().min(1).max(255).optional(),
    /** all_or_nothing refuses a file with any rejected row; valid_rows writes the others and lists the rejected ones. */
    mode: z.enum(["all_or_nothing", "valid_rows"]).default("all_or_nothing"),
  })
  .superRefine(({ mapping, fixed = {} }, ctx) => {
    for (const field of unsatisfiedFields(mapping, fixed)) {
      ctx.addIssue({
        code: "custom",
        path: ["mapping", field],
        message: `Choose the column that holds "${field}", or give it a fixed value.`,
      });
    }
    for (const field of FIXABLE_FIELDS) {
      if (mapping[field] && fixed[field])
        ctx.addIssue({
          code: "custom",
          path: ["fixed", field],
          message: `"${field}" is read from a column and given a fixed value; choose one.`,
        });
    }
  });

// Header names other files give a field: Our World in Data's and UNODC's layouts, and Spanish spreadsheets.
const SYNONYMS: Partial<Record<ImportField, string[]>> = {
  indicator: ["indicador", "indicatorslug", "slug"],
  value: ["valor", "obsvalue"],
  asOf: ["year", "date", "fecha", "ano", "period", "periodo"],
  datePrecision: ["precision"],
  producer: ["productor"],
  producerType: ["tipodeproductor", "tipoproductor"],
  sourceUrl: ["url", "enlace", "link"],
  publisher: ["medio", "editorial"],
  publishedAt: ["publicado", "fechadepublicacion"],
  attribution: ["atribucion"],
};

const normalizeHeader = (column: string) =>
  column
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s_-]/g, "");

// Our World in Data's grapher files: Entity, Code, Year and one column named after the series.
const OWID_KEYS = ["entity", "code", "year"];

/** Columns named like the fields (or as Our World in Data and UNODC name them) map themselves. */
export function guessMapping(columns: string[]): ColumnMapping {
  const normalized = new Map<string, string>();
  for (const column of columns) if (!normalized.has(normalizeHeader(column))) normalized.set(normalizeHeader(column), column);
  const guessed: ColumnMapping = Object.fromEntries(
    IMPORT_FIELDS.map((field) => {
      const names = [field.toLowerCase(), ...(SYNONYMS[field] ?? [])];
      return [field, names.map((name) => normalized.get(name)).find(Boolean) ?? null];
    }),
  );
  const rest = columns.filter((column) => !OWID_KEYS.includes(normalizeHeader(column)));
  if (!guessed.value && OWID_KEYS.every((key) => normalized.has(key)) && rest.length === 1) guessed.value = rest[0]!;
  return guessed;
}

/** The country this project covers, as Our World in Data (Entity) and UNODC (Country) name it. */
export const COUNTRY_NAME = "El Salvador";

/** Files covering many countries are read for El Salvador only; the other rows are skipped. */
export function guessRowFilters(columns: string[]): RowFilter[] {
  const column = columns.find((name) => ["entity", "country", "pais"].includes(normalizeHeader(name)));
  return column ? [{ column, equals: COUNTRY_NAME }] : [];
}

export const TEMPLATE_CSV =
  `${IMPORT_FIELDS.join(",")}\r\n` +
  "soe_arrests_cumulative,85000,,more_than,2025-03-01,month,Security Minister,government,https://example.org/report,Example Outlet,2025-03-27,,Stated at the 36th extension,Dicho en la 36.a prórroga\r\n";
