import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createUserWithSession,
  fingerprint,
  observationInput,
  request,
  type Caller,
  type Callers,
  createRouteTestbed,
  TEST_CSV_HEADER,
  TEST_CSV_MAPPING,
} from "../../testing/editor-fixtures";
import type { TestDatabase } from "../../testing/test-database";

// What an import does with rows it cannot simply add: invalid rows set aside when only the valid
// rows are imported, rows that differ from a stored figure of the same producer and period
// proposed as corrections of it, and a failure that leaves nothing behind.

let database: TestDatabase;
let callers: Callers;
let secondReviewer: Caller;
let routes: {
  importCsv: typeof import("@/app/api/editor/imports/route");
  preview: typeof import("@/app/api/editor/imports/preview/route");
  create: typeof import("@/app/api/editor/observations/route");
  update: typeof import("@/app/api/editor/observations/[id]/route");
  publish: typeof import("@/app/api/editor/observations/[id]/publish/route");
  discard: typeof import("@/app/api/editor/observations/[id]/discard/route");
};

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  routes = {
    importCsv: await import("@/app/api/editor/imports/route"),
    preview: await import("@/app/api/editor/imports/preview/route"),
    create: await import("@/app/api/editor/observations/route"),
    update: await import("@/app/api/editor/observations/[id]/route"),
    publish: await import("@/app/api/editor/observations/[id]/publish/route"),
    discard: await import("@/app/api/editor/observations/[id]/discard/route"),
  };
  secondReviewer = { name: "second reviewer", headers: (await createUserWithSession(database.db, "reviewer", "second-reviewer")).headers };
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const mapping = TEST_CSV_MAPPING;
const line = (value: string, { year = "2017", producer = "UNODC", type = "intergovernmental", url = "https://example.org/unodc" } = {}) =>
  `test_indicator,${value},${year},year,${producer},${type},${url},UNODC`;
const csvOf = (...lines: string[]) => [TEST_CSV_HEADER, ...lines].join("\r\n");

async function importFile(csv: string, mode?: "all_or_nothing" | "valid_rows", fileName = "figures.csv") {
  const response = await routes.importCsv.POST(request("POST", "/api/editor/imports", callers.editor, { csv, mapping, mode, fileName }));
  return { status: response.status, body: await response.json() };
}

async function check(csv: string) {
  const response = await routes.preview.POST(request("POST", "/api/editor/imports/preview", callers.editor, { csv, mapping }));
  expect(response.status).toBe(200);
  return (await response.json()).data;
}

/** A figure published through the form by the reviewer, as a dataset figure is. */
async function publishedFigure(overrides: Record<string, unknown>) {
  const created = await routes.create.POST(request("POST", "/api/editor/observations", callers.reviewer, observationInput(overrides)));
  const draft = (await created.json()).data as { id: string; version: number };
  const published = await routes.publish.POST(
    request("POST", `/api/editor/observations/${draft.id}/publish`, secondReviewer, { version: draft.version }),
    params(draft.id),
  );
  expect(published.status).toBe(200);
  return (await published.json()).data as { id: string; version: number };
}

const unodc = (value: string, year: string) =>
  publishedFigure({
    value,
    asOf: `${year}-01-01`,
    producer: { name: "UNODC", type: "intergovernmental" },
    source: { url: "https://example.org/unodc", publisher: "UNODC" },
  });

describe("importing the valid rows", () => {
  const file = csvOf(
    line("10", { producer: "Valid NGO", type: "ngo", year: "2010" }),
    "test_indicator,ten,2011,year,Valid NGO,ngo,https://example.org/unodc,UNODC",
    line("12", { producer: "Valid NGO", type: "ngo", year: "2012" }),
    "test_indicator,five,2013,year,Valid NGO,blog,https://example.org/unodc,UNODC",
  );

  it("all or nothing (the default) refuses the file and writes nothing", async () => {
    const before = await fingerprint(database.db);
    const batches = await database.db.importBatch.count();
    const { status, body } = await importFile(file);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_rows", details: { invalidRows: 2, valid: 2 } });
    expect(await fingerprint(database.db)).toBe(before);
    expect(await database.db.importBatch.count()).toBe(batches);
  });

  it("writes the valid rows in one batch and answers every rejected row with all its reasons", async () => {
    const { status, body } = await importFile(file, "valid_rows", "partly.csv");
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ totalRows: 4, created: 2, corrections: 0, duplicates: 0, rejected: 2 });
    expect(body.data.rejectedRows).toEqual([
      { row: 3, reasons: [expect.objectContaining({ column: "Value", code: expect.any(String), message: expect.any(String) })] },
      {
        row: 5,
        reasons: expect.arrayContaining([
          expect.objectContaining({ column: "Type", code: expect.any(String) }),
          expect.objectContaining({ column: "Value", code: expect.any(String) }),
        ]),
      },
    ]);
    const batch = await database.db.importBatch.findUniqueOrThrow({ where: { id: body.data.batchId }, include: { observations: true } });
    expect(batch).toMatchObject({ fileName: "partly.csv", draftCount: 2 });
    expect(batch.observations.map((o) => o.value.toString()).sort()).toEqual(["10", "12"]);
  });

  it("writes no batch when no row is left to import", async () => {
    const batches = await database.db.importBatch.count();
    const { status, body } = await importFile(
      csvOf("test_indicator,ten,2011,year,Valid NGO,ngo,https://example.org/unodc,UNODC"),
      "valid_rows",
    );
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ created: 0, rejected: 1, batchId: null });
    expect(await database.db.importBatch.count()).toBe(batches);
  });

  it("still refuses a file whose header lacks a mapped column", async () => {
    const before = await fingerprint(database.db);
    const csv = ["Indicator,Value,Date,Precision,Who,Type,Link", "test_indicator,1,2019,year,A,ngo,https://example.org/x"].join("\n");
    const { status, body } = await importFile(csv, "valid_rows");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_rows");
    expect(await fingerprint(database.db)).toBe(before);
  });
});

describe("a row that differs from a stored figure of the same producer and period", () => {
  it("is shown beside the stored figure, then imported as a correction of it, as the form proposes one", async () => {
    const stored = await unodc("61.8", "2017");
    const file = csvOf(line("63.76"), line("61.8", { year: "2016" }));

    const summary = await check(file);
    expect(summary).toMatchObject({ valid: 1, corrections: 1, duplicates: 0, errorCount: 0, conflicts: { total: 1, setAside: 0 } });
    expect(summary.conflicts.listed).toEqual([
      expect.objectContaining({
        row: 2,
        outcome: "correction",
        code: null,
        asOf: "2017-01-01",
        file: expect.objectContaining({ value: "63.76" }),
        stored: expect.objectContaining({ id: stored.id, status: "published", value: "61.8" }),
      }),
    ]);

    const { status, body } = await importFile(file, undefined, "unodc.csv");
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ created: 1, corrections: 1, duplicates: 0, rejected: 0 });
    const proposal = await database.db.observation.findFirstOrThrow({ where: { revisionOfId: stored.id } });
    expect(proposal).toMatchObject({ status: "draft", importBatchId: body.data.batchId, authorId: callers.ids.editor });
    expect(proposal.value.toString()).toBe("63.76");
    expect(await database.db.importBatch.findUniqueOrThrow({ where: { id: body.data.batchId } })).toMatchObject({ draftCount: 2 });
    // The published figure is untouched until a reviewer publishes the correction.
    expect((await database.db.observation.findUniqueOrThrow({ where: { id: stored.id } })).value.toString()).toBe("61.8");

    // The same history entry the form writes for a correction, with the file's name as its reason.
    const other = await unodc("100", "2001");
    const byForm = await routes.update.PATCH(
      request("PATCH", `/api/editor/observations/${other.id}`, callers.editor, {
        version: other.version,
        observation: observationInput({
          value: "101",
          asOf: "2001-01-01",
          producer: { name: "UNODC", type: "intergovernmental" },
          source: { url: "https://example.org/unodc", publisher: "UNODC" },
        }),
        reason: "Revised by the producer.",
      }),
      params(other.id),
    );
    expect(byForm.status).toBe(200);
    const formDraft = await database.db.observation.findFirstOrThrow({ where: { revisionOfId: other.id } });
    const entryOf = (id: string) => database.db.changeEntry.findFirstOrThrow({ where: { entityId: id } });
    const [imported, typed] = await Promise.all([entryOf(proposal.id), entryOf(formDraft.id)]);
    const shape = (entry: typeof imported) => ({
      action: entry.action,
      entityType: entry.entityType,
      actorUserId: entry.actorUserId,
      isPublic: entry.isPublic,
      beforeKeys: Object.keys(entry.before as object).sort(),
      afterKeys: Object.keys(entry.after as object).sort(),
    });
    expect(shape(imported)).toEqual(shape(typed));
    expect(imported).toMatchObject({ action: "observation.correction_proposed", reason: "CSV import: unodc.csv" });
    expect(imported.before).toMatchObject({ id: stored.id, value: "61.8", status: "published" });
    expect(imported.after).toMatchObject({ id: proposal.id, value: "63.76", status: "draft" });
    expect([proposal.contributorIds, formDraft.contributorIds]).toEqual([[callers.ids.editor], [callers.ids.editor]]);

    // Published by a second person, the correction replaces the figure's value.
    const published = await routes.publish.POST(
      request("POST", `/api/editor/observations/${proposal.id}/publish`, callers.reviewer, { version: proposal.version }),
      params(proposal.id),
    );
    expect(published.status).toBe(200);
    expect((await database.db.observation.findUniqueOrThrow({ where: { id: stored.id } })).value.toString()).toBe("63.76");
  });

  it("is set aside with its reason while a correction of that figure waits, and refuses an all-or-nothing import", async () => {
    const stored = await unodc("40", "2015");
    const first = await importFile(csvOf(line("41", { year: "2015" })));
    expect(first.body.data).toMatchObject({ corrections: 1 });

    const file = csvOf(line("42", { year: "2015" }), line("7", { year: "2005" }));
    const summary = await check(file);
    expect(summary).toMatchObject({ valid: 1, corrections: 0, invalidRows: 1, conflicts: { total: 1, setAside: 1 } });
    expect(summary.conflicts.listed[0]).toMatchObject({
      row: 2,
      outcome: "set_aside",
      code: "correction_pending",
      stored: { id: stored.id, value: "40" },
    });
    const before = await fingerprint(database.db);
    expect((await importFile(file)).status).toBe(400);
    expect(await fingerprint(database.db)).toBe(before);

    const { body } = await importFile(file, "valid_rows");
    expect(body.data).toMatchObject({ created: 1, corrections: 0, rejected: 1 });
    expect(body.data.rejectedRows).toEqual([
      { row: 2, reasons: [expect.objectContaining({ column: "Value", code: "correction_pending" })] },
    ]);
    expect(await database.db.observation.count({ where: { revisionOfId: stored.id, status: "draft" } })).toBe(1);
  });

  it("proposes one correction per figure: a second row for the same figure is set aside", async () => {
    await unodc("70", "2014");
    const summary = await check(csvOf(line("71", { year: "2014" }), line("72", { year: "2014", url: "https://example.org/other" })));
    expect(summary).toMatchObject({ corrections: 1, conflicts: { total: 2, setAside: 1 } });
    expect(summary.conflicts.listed.map((c: { code: string | null }) => c.code)).toEqual([null, "corrected_earlier_in_file"]);
  });

  it("is set aside when it differs from a draft waiting for review, and an exact repeat is still skipped", async () => {
    const draftFile = csvOf(line("5", { producer: "Draft NGO", type: "ngo", year: "2019" }));
    expect((await importFile(draftFile)).body.data).toMatchObject({ created: 1 });
    const summary = await check(
      csvOf(
        line("5", { producer: "Draft NGO", type: "ngo", year: "2019" }),
        line("6", { producer: "Draft NGO", type: "ngo", year: "2019" }),
      ),
    );
    expect(summary).toMatchObject({ valid: 0, duplicates: 1, corrections: 0, conflicts: { total: 1, setAside: 1 } });
    expect(summary.conflicts.listed[0]).toMatchObject({ row: 3, code: "conflicts_with_draft", stored: { status: "draft", value: "5" } });
  });
});

describe("a discarded draft", () => {
  it("neither repeats nor conflicts with a row imported again", async () => {
    const file = csvOf(line("8", { producer: "Discard NGO", type: "ngo", year: "2018" }));
    expect((await importFile(file)).body.data).toMatchObject({ created: 1 });
    const draft = await database.db.observation.findFirstOrThrow({ where: { producer: { name: "Discard NGO" } } });
    const discarded = await routes.discard.POST(
      request("POST", `/api/editor/observations/${draft.id}/discard`, callers.editor, {
        version: draft.version,
        reason: "Wrong year in the file.",
      }),
      params(draft.id),
    );
    expect(discarded.status).toBe(200);

    expect(await check(file)).toMatchObject({ valid: 1, duplicates: 0, conflicts: { total: 0 } });
    expect(await check(csvOf(line("9", { producer: "Discard NGO", type: "ngo", year: "2018" })))).toMatchObject({
      valid: 1,
      conflicts: { total: 0 },
    });
    expect((await importFile(file)).body.data).toMatchObject({ created: 1, duplicates: 0 });
  });
});

describe("the lists beside the template", () => {
  it("offers every indicator's slug with its names and units in both languages", async () => {
    const route = await import("@/app/api/editor/imports/indicators.csv/route");
    const response = await route.GET();
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe("slug,name_es,name_en,unit_es,unit_en");
    expect(lines).toContain("test_indicator,Prueba,Test,people,people");
  });
});

describe("a failed import", () => {
  it("writes nothing: no batch, producer, source, draft or history entry", async () => {
    // The database refuses one figure of the second thousand-row statement, after the first went in.
    await database.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_666() RETURNS trigger AS $$
      BEGIN
        IF NEW.value = 666 THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await database.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_666 BEFORE INSERT ON "Observation" FOR EACH ROW EXECUTE FUNCTION refuse_666()`,
    );
    try {
      const lines = Array.from({ length: 7000 }, (_, i) =>
        line(i === 6500 ? "666" : String(20_000 + i), {
          producer: `Failing NGO ${i % 3}`,
          type: "ngo",
          url: `https://example.org/failing/${i % 9}`,
        }),
      );
      const before = await fingerprint(database.db);
      const batches = await database.db.importBatch.count();
      const { status } = await importFile(csvOf(...lines), "valid_rows");
      expect(status).toBe(500);
      expect(await fingerprint(database.db)).toBe(before);
      expect(await database.db.importBatch.count()).toBe(batches);
      expect(await database.db.producer.count({ where: { name: { startsWith: "Failing NGO" } } })).toBe(0);
    } finally {
      await database.db.$executeRawUnsafe(`DROP TRIGGER refuse_666 ON "Observation"`);
      await database.db.$executeRawUnsafe(`DROP FUNCTION refuse_666()`);
    }
  });
});
