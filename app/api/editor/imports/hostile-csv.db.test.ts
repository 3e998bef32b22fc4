import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guessMapping, IMPORT_FIELDS, type ImportField } from "@/lib/csv-import/fields";
import { createCallers, createTestIndicator, type Callers } from "@/testing/editor-fixtures";
import {
  BAD_DAYS,
  BAD_DECIMALS,
  BAD_URLS,
  expectOutcomes,
  expectRefused,
  FORMULA_PAYLOADS,
  HOSTILE_PLAN,
  hostileHeaders,
  hostileRequest,
  hostileText,
  jsonText,
  MINIMUM_HOSTILE_INPUTS,
  notJson,
  plannedInputs,
  protoObject,
  PROTOTYPE_KEYS,
  SCRIPT_PAYLOADS,
  sendHostile,
  SQL_PAYLOADS,
  totalPlannedInputs,
  wrongTopLevel,
  wrongType,
  type HostileCounter,
} from "@/testing/hostile-inputs";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

// Issue #7: the CSV importer with hostile files and mappings. The preview may answer 200 (it lists
// the problems and writes nothing); the import refuses every file with a bad row, all or nothing.

let database: TestDatabase;
let callers: Callers;
const counter: HostileCounter = { sent: 0 };
const runs = HOSTILE_PLAN.imports;
let routes: { preview: typeof import("./preview/route"); commit: typeof import("./route"); template: typeof import("./template/route") };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await createTestIndicator(database.db);
  callers = await createCallers(database.db);
  routes = { preview: await import("./preview/route"), commit: await import("./route"), template: await import("./template/route") };
});
afterAll(() => database.drop());

const VALID_ROW: Record<ImportField, string> = {
  indicator: "test_indicator",
  value: "85000",
  valueMax: "",
  qualifier: "more_than",
  asOf: "2025-03-01",
  datePrecision: "month",
  producer: "Synthetic minister",
  producerType: "government",
  sourceUrl: "https://example.org/report",
  publisher: "Synthetic outlet",
  publishedAt: "2025-03-27",
  attribution: "",
  noteEn: "note",
  noteEs: "nota",
};

// Cell values that stay valid: payloads meant to be stored as text, never run.
const harmlessPayload = fc.constantFrom(...SCRIPT_PAYLOADS, ...SQL_PAYLOADS, ...FORMULA_PAYLOADS.map((formula) => formula.trim()));
const FREE_TEXT: ImportField[] = ["producer", "publisher", "attribution", "noteEn", "noteEs"];

const stable = (values: string[]) => values.filter((value) => value === value.trim() && value !== "");
const notOneOf = (values: string[]) =>
  hostileText.filter((text) => text.trim() !== "" && !values.includes(text.trim()) && !text.includes("\n"));

// Spreadsheets group thousands with spaces ("1 000"), and the importer reads them as such
// (lib/csv-import/cell-formats.ts), though the API refuses them: no poison for a CSV cell.
const NOT_READABLE_DECIMALS = BAD_DECIMALS.filter((cell) => cell !== "1 000");

/** One value per column that makes a row invalid, whatever the other cells say. */
const POISON: Partial<Record<ImportField, fc.Arbitrary<string>>> = {
  indicator: hostileText.filter((text) => !text.includes("test_indicator")),
  value: fc.constantFrom(...NOT_READABLE_DECIMALS),
  valueMax: fc.constantFrom(...stable(NOT_READABLE_DECIMALS), "1", "-85001"),
  qualifier: notOneOf(["exact", "at_least", "more_than", "nearly", "about", "up_to"]),
  asOf: fc.constantFrom(...stable(BAD_DAYS), "2025-03-05", "2025", "0000-03"),
  datePrecision: notOneOf(["day", "month", "year"]),
  producer: fc.constantFrom("", "x".repeat(301), "Synthetic\u0000minister"),
  producerType: notOneOf(["government", "ngo", "media", "intergovernmental", "academic"]),
  sourceUrl: fc.constantFrom(...stable(BAD_URLS), ""),
  publisher: fc.constantFrom("", "x".repeat(301)),
  publishedAt: fc.constantFrom(...stable(BAD_DAYS)),
  noteEn: fc.constantFrom("x".repeat(4001), "note\u0000"),
};
const POISONED = Object.keys(POISON) as ImportField[];

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** The CSV text, and the mapping an editor would choose for it (field → column). */
type Csv = { csv: string; mapping: Record<string, string> };
const TEMPLATE_MAPPING = guessMapping([...IMPORT_FIELDS]) as Record<string, string>;

const row: fc.Arbitrary<Record<ImportField, string>> = fc
  .record({
    decorations: fc.array(fc.tuple(fc.constantFrom(...FREE_TEXT), harmlessPayload), { maxLength: 3 }),
    poisons: fc.array(
      fc.constantFrom(...POISONED).chain((field) => POISON[field]!.map((value) => [field, value] as const)),
      { minLength: 1, maxLength: 2 },
    ),
  })
  .map(({ decorations, poisons }) => {
    const cells = { ...VALID_ROW };
    for (const [field, value] of decorations) cells[field] = value;
    for (const [field, value] of poisons) cells[field] = value;
    return cells;
  });

/** Files whose every data row is invalid, written in the ways spreadsheets (and attackers) write them. */
const csvFile: fc.Arbitrary<Csv> = fc
  .record({
    columns: fc.oneof(
      fc.constant<string[]>([...IMPORT_FIELDS]),
      fc.shuffledSubarray<string>([...IMPORT_FIELDS], { minLength: 1 }),
      fc.constant<string[]>(IMPORT_FIELDS.map((field) => `${SCRIPT_PAYLOADS[0]} ${field}`)),
    ),
    rows: fc.array(row, { maxLength: 4 }),
    newline: fc.constantFrom("\r\n", "\n", "\r"),
    bom: fc.boolean(),
  })
  .map(({ columns, rows, newline, bom }) => {
    const fields = columns.map((column) => IMPORT_FIELDS.find((field) => column === field || column.endsWith(` ${field}`))!);
    const lines = [columns.map(quote).join(","), ...rows.map((cells) => fields.map((field) => quote(cells[field])).join(","))];
    // Every field mapped, to its column when the file has one: a missing column is a problem the import must report.
    const mapping = { ...TEMPLATE_MAPPING, ...Object.fromEntries(fields.map((field, i) => [field, columns[i]!])) };
    return { csv: `${bom ? "\uFEFF" : ""}${lines.join(newline)}${newline}`, mapping };
  });

const MANY_BAD_ROWS = [
  IMPORT_FIELDS.join(","),
  ...Array.from({ length: 2000 }, (_, i) => `test_indicator,${i}abc,2024-01-01,day,P,ngo,https://example.org/${i},O,,,,,,`),
].join("\n");

/** Text that is no CSV at all, or breaks its quoting. */
const brokenCsv: fc.Arbitrary<Csv> = fc
  .oneof(
    fc.constantFrom(
      'indicator,value\n"unclosed,1',
      'indicator,value\nte"st,1',
      '"a""b,c',
      "\u0000\u0000\u0000",
      "\uFEFF",
      ",,,,\n,,,,",
      "=cmd|' /C calc'!A0,@SUM(1)\n+1,-1",
      MANY_BAD_ROWS,
      `${"a,".repeat(5000)}\n`,
    ),
    hostileText.filter((text) => text.length > 0),
  )
  .map((csv) => ({ csv, mapping: TEMPLATE_MAPPING }));

/** Mappings: the editor's (valid), or one broken in a way the schema must refuse, or pointing at no column. */
function mappingFor(guessed: Record<string, string>): fc.Arbitrary<unknown> {
  const columns = Object.values(guessed);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(guessed) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          // A required field left unmapped (the precision is not required: a date's shape gives it).
          fc.constantFrom<ImportField>("indicator", "value", "asOf", "producer", "producerType", "sourceUrl", "publisher"),
          fc.oneof(fc.constant(null), fc.constant(""), wrongType(true), fc.constant(undefined)),
        )
        .map(([field, value]) => ({ ...guessed, [field]: value })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...IMPORT_FIELDS),
          hostileText.filter((text) => text.length > 0 && !columns.includes(text)),
        )
        .map(([field, column]) => ({ ...guessed, [field]: column })),
    },
    { weight: 1, arbitrary: protoObject.map((object) => Object.assign(Object.create(null), guessed, object)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...PROTOTYPE_KEYS, "unknownField", "id"), hostileText)
        .map(([key, value]) => Object.defineProperty({ ...guessed }, key, { value, enumerable: true })),
    },
    { weight: 1, arbitrary: wrongType(false) },
  );
}

const importBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: csvFile.chain(({ csv, mapping }) => mappingFor(mapping).map((chosen) => jsonText({ csv, mapping: chosen }))) },
  // Broken files with a good mapping, so the parser (not the mapping's check) has to refuse them.
  { weight: 2, arbitrary: brokenCsv.map(({ csv, mapping }) => jsonText({ csv, mapping })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.oneof(wrongType(false), fc.constant("")), fc.constant(TEMPLATE_MAPPING))
      .map(([csv, mapping]) => jsonText({ csv, mapping })),
  },
  { weight: 1, arbitrary: fc.oneof(notJson, wrongTopLevel) },
);

const cases = () => fc.record({ headers: hostileHeaders(callers.editor), body: importBody });

describe("the CSV importer", () => {
  it("POST /api/editor/imports/preview lists problems or refuses, and writes nothing", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/imports/preview"],
      cases: cases(),
      send: ({ headers, body }) => routes.preview.POST(hostileRequest("POST", "/api/editor/imports/preview", headers, body)),
      check: async (response) => {
        if (response.status !== 200) return expectRefused(response, "import preview");
        const { data } = await response.json();
        expect(data).toMatchObject({ totalRows: expect.any(Number), errorCount: expect.any(Number) });
      },
    });
    expectOutcomes(outcomes, ["200", "400 invalid_csv", "400 invalid_request"]);
  });

  it("POST /api/editor/imports imports nothing from a hostile file", async () => {
    const outcomes = await sendHostile({
      db: database.db,
      counter,
      runs: runs["POST /api/editor/imports"],
      cases: cases(),
      send: ({ headers, body }) => routes.commit.POST(hostileRequest("POST", "/api/editor/imports", headers, body)),
      // A file with a header and no rows imports nothing, and may say so with a 201.
      check: async (response) => {
        if (response.status !== 201) return expectRefused(response, "import");
        expect((await response.json()).data).toMatchObject({ created: 0 });
      },
    });
    expectOutcomes(outcomes, ["400 invalid_rows", "400 invalid_csv", "400 invalid_request"]);
  });

  it("GET /api/editor/imports/template offers a file no spreadsheet runs as formulas", async () => {
    await sendHostile({
      db: database.db,
      counter,
      runs: runs["GET /api/editor/imports/template"],
      cases: fc.constant(null),
      send: () => Promise.resolve(routes.template.GET()),
      check: async (response) => {
        expect(response.status).toBe(200);
        expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
        const cells = (await response.text()).split(/\r\n/).flatMap((line) => line.split(","));
        expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))).toEqual([]);
      },
    });
  });
});

describe("the count", () => {
  it(`sent every planned input (${plannedInputs("imports")} here; ${totalPlannedInputs()} across the three hostile-input files)`, () => {
    expect(counter.sent).toBe(plannedInputs("imports"));
    expect(totalPlannedInputs()).toBeGreaterThanOrEqual(MINIMUM_HOSTILE_INPUTS);
  });
});
