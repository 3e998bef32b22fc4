import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { addFigures, createFixtureIndicator } from "../../testing/figures-fixture";
import { createUserWithSession } from "../../testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { PAYLOADS } from "../../testing/hostile-inputs";
import { FIGURE_FILTER_KEYS, parseFigureQuery, type FigureFilters } from "./figure-filters";

let database: TestDatabase;
let figureList: typeof import("./figure-list");
let editor: Actor;
let author: { id: string };
let batch: { id: string };
// The figures by a name the test gives them, to say which ones a filter must find.
const ids = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  figureList = await import("./figure-list");
  const db = database.db;
  await createFixtureIndicator(db, "prisoners");
  await createFixtureIndicator(db, "homicides");
  const { user } = await createUserWithSession(db, "editor", "figure-list-editor");
  editor = { kind: "user", user };
  author = (await createUserWithSession(db, "reviewer", "figure-list-author")).user;
  batch = await db.importBatch.create({ data: { fileName: "unodc.csv", createdById: author.id } });
  const named = [
    {
      name: "cristosal",
      indicator: "prisoners",
      producer: "Cristosal",
      value: "10.4",
      asOf: "2023-01-01",
      source: "https://cristosal.org/informe-2023",
    },
    { name: "ministry", indicator: "prisoners", producer: "Ministerio de Seguridad", value: "1000", asOf: "2024-06-01" },
    { name: "draft", indicator: "homicides", producer: "Amnesty International", value: "63.76", asOf: "2017-01-01", status: "draft" },
    { name: "retracted", indicator: "homicides", producer: "el faro", value: "7", asOf: "2022-01-01", status: "retracted" },
    { name: "discarded", indicator: "homicides", producer: "el faro", value: "8", asOf: "2022-01-01", status: "draft" },
    { name: "superseded", indicator: "prisoners", producer: "Cristosal", value: "11", asOf: "2023-01-01", status: "draft" },
  ] as const;
  await addFigures(db, [...named]);
  const rows = await db.observation.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
  named.forEach((figure, index) => ids.set(figure.name, rows[index]!.id));
  const update = (name: string, data: Parameters<typeof db.observation.update>[0]["data"]) =>
    db.observation.update({ where: { id: ids.get(name)! }, data });
  await update("cristosal", { attribution: "Cristosal (Radio YSKL)", noteEs: "Según el informe anual de 2023" });
  await update("ministry", { attribution: "100% oficial", noteEn: "Official count" });
  await update("draft", { attribution: "1000 oficiales", authorId: author.id, importBatchId: batch.id });
  await update("discarded", { status: "discarded", discardedAt: new Date() });
  await update("superseded", { status: "superseded", revisionOfId: ids.get("cristosal")! });
});
afterAll(() => database.drop());

/** The names of the figures a list address finds, in any order. */
async function found(query: Record<string, string>) {
  const { filters, page } = parseFigureQuery(query);
  const list = await figureList.listFigures(editor, filters, page);
  const names = new Map([...ids].map(([name, id]) => [id, name]));
  return list.rows.map((row) => names.get(row.id)).sort();
}

describe("the editor's figure list", () => {
  it("lists every figure but the superseded proposals, with their state, latest change first", async () => {
    const list = await figureList.listFigures(editor, {}, 1);
    expect(list.rows.map((row) => row.status).sort()).toEqual(["discarded", "draft", "published", "published", "retracted"]);
    const updated = list.rows.map((row) => row.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    const draft = list.rows.find((row) => row.id === ids.get("draft"));
    expect(draft).toMatchObject({ authorName: "figure-list-author display", importBatch: { id: batch.id, fileName: "unodc.csv" } });
    expect(await found({ status: "superseded" })).toEqual(["superseded"]);
  });

  it("finds a figure by its value, as stored or written with a decimal comma", async () => {
    expect(await found({ q: "10.4" })).toEqual(["cristosal"]);
    expect(await found({ q: "10,4" })).toEqual(["cristosal"]);
    expect(await found({ q: "63.76" })).toEqual(["draft"]);
  });

  it("finds figures by producer, source address and publisher, notes and attribution, ignoring case", async () => {
    expect(await found({ q: "CRISTOSAL.ORG/informe" })).toEqual(["cristosal"]);
    expect(await found({ q: "radio yskl" })).toEqual(["cristosal"]);
    expect(await found({ q: "informe anual" })).toEqual(["cristosal"]);
    expect(await found({ q: "official count" })).toEqual(["ministry"]);
    expect(await found({ q: "el faro" })).toEqual(["discarded", "retracted"]);
    expect(await found({ q: "Amnesty" })).toEqual(["draft"]);
  });

  it("takes % and _ in a search literally", async () => {
    expect(await found({ q: "100%" })).toEqual(["ministry"]);
    expect(await found({ q: "0_o" })).toEqual([]);
  });

  it("filters by indicator, producer, type, status, period, import and author", async () => {
    const producer = await database.db.producer.findFirstOrThrow({ where: { name: "el faro" } });
    const source = await database.db.source.findUniqueOrThrow({ where: { url: "https://cristosal.org/informe-2023" } });
    expect(await found({ indicator: "homicides" })).toEqual(["discarded", "draft", "retracted"]);
    expect(await found({ producer: producer.id })).toEqual(["discarded", "retracted"]);
    expect(await found({ source: source.id })).toEqual(["cristosal"]);
    expect(await found({ type: "ngo" })).toEqual(["cristosal", "draft"]);
    expect(await found({ status: "retracted" })).toEqual(["retracted"]);
    expect(await found({ status: "discarded" })).toEqual(["discarded"]);
    expect(await found({ from: "2023-01-01", to: "2024-12-31" })).toEqual(["cristosal", "ministry"]);
    expect(await found({ from: "2024-01-01" })).toEqual(["ministry"]);
    expect(await found({ to: "2017-12-31" })).toEqual(["draft"]);
    expect(await found({ batch: batch.id })).toEqual(["draft"]);
    expect(await found({ author: author.id })).toEqual(["draft"]);
    // Filters add up.
    expect(await found({ indicator: "homicides", status: "published" })).toEqual([]);
    expect(await found({ q: "oficial", indicator: "prisoners" })).toEqual(["ministry"]);
  });

  it("ignores malformed filters, naming them, and never fails on them", async () => {
    const parsed = parseFigureQuery({ status: "gone", from: "2023-02-30", type: "club", producer: "a'b", q: "x\u0000", page: "-3" });
    expect(parsed.ignored.sort()).toEqual(["from", "producer", "q", "status", "type"]);
    expect(parsed.filters).toEqual({});
    expect(parsed.page).toBe(1);
    expect(await found({ indicator: "nobody", status: "gone" })).toEqual([]);
  });

  it("answers any text in any parameter without an error", async () => {
    for (const payload of PAYLOADS) {
      for (const key of FIGURE_FILTER_KEYS) {
        const { filters, page } = parseFigureQuery({ [key]: payload, page: payload });
        await expect(figureList.listFigures(editor, filters, page)).resolves.toMatchObject({ page: 1 });
      }
      // Repeated parameters count once.
      const repeated = parseFigureQuery({ q: [payload, "x"], status: ["published", payload] });
      expect(repeated.filters.status).toBe("published");
    }
  });

  it("pages through the matching figures without overlap", async () => {
    await addFigures(
      database.db,
      Array.from({ length: 120 }, (_, i) => ({
        indicator: "homicides",
        producer: "Policía Nacional Civil",
        value: String(5000 + i),
        asOf: "2020-01-01",
      })),
    );
    const filters: FigureFilters = { q: "Policía Nacional" };
    const pages = await Promise.all([1, 2, 3].map((page) => figureList.listFigures(editor, filters, page)));
    expect(pages[0]).toMatchObject({ total: 120, pageCount: 3, hasNext: true, totalIsCapped: false });
    const listed = pages.flatMap((page) => page.rows.map((row) => row.id));
    expect(listed).toHaveLength(120);
    expect(new Set(listed).size).toBe(120);
  });

  it("never matches a search across two of a figure's texts", async () => {
    // The attribution ends "(Radio YSKL)" and the Spanish note starts "Según": the search reads them
    // as one text separated by a line feed, which a search address cannot carry.
    expect(await found({ q: "YSKL)\nSegún" })).toEqual([]);
    expect(await found({ q: "YSKL) Según" })).toEqual([]);
    expect(await found({ q: "informe\nanual" })).toEqual(["cristosal"]);
  });

  it("pages every figure once, in a stable order, when an import wrote them in one instant", async () => {
    const importBatch = await database.db.importBatch.create({ data: { fileName: "same-instant.csv", createdById: author.id } });
    await addFigures(
      database.db,
      Array.from({ length: 130 }, (_, i) => ({
        indicator: "prisoners",
        producer: "Cristosal",
        value: String(9000 + i),
        asOf: "2021-01-01",
        status: "draft" as const,
      })),
    );
    // Later than any change the other tests make.
    const instant = new Date(Date.UTC(2030, 0, 1));
    await database.db.observation.updateMany({
      where: { value: { gte: 9000, lt: 9130 } },
      data: { updatedAt: instant, importBatchId: importBatch.id, authorId: author.id },
    });
    const inBatch = await database.db.observation.findMany({ where: { importBatchId: importBatch.id }, select: { id: true } });
    const expected = inBatch.map((row) => row.id).sort((a, b) => (a < b ? 1 : -1));
    for (const filters of [{ batch: importBatch.id }, { batch: importBatch.id, status: "draft" as const, author: author.id }]) {
      const pages = [];
      for (let page = 1; page <= 3; page += 1) pages.push(await figureList.listFigures(editor, filters, page));
      expect(pages.map((page) => page.hasNext)).toEqual([true, true, false]);
      // The id breaks the tie: every figure once, in the same order on every read.
      expect(pages.flatMap((page) => page.rows.map((row) => row.id))).toEqual(expected);
    }
    // Unfiltered, the same figures come first (the latest change), in the same order.
    const first = await figureList.listFigures(editor, {}, 1);
    expect(first.rows.map((row) => row.id)).toEqual(expected.slice(0, first.pageSize));
  });

  it("counts a search's matches up to its cap, and pages only as far as it counted", async () => {
    await addFigures(
      database.db,
      Array.from({ length: figureList.SEARCH_COUNT_CAP + 1 }, (_, i) => ({
        indicator: "homicides",
        producer: "Ñandú Observatorio",
        value: String(20_000 + i),
        asOf: i < 7 ? "2018-01-01" : "2019-01-01",
      })),
    );
    const first = await figureList.listFigures(editor, { q: "ñandú observatorio" }, 1);
    expect(first).toMatchObject({ total: figureList.SEARCH_COUNT_CAP, totalIsCapped: true, hasNext: true });
    const lastPage = figureList.SEARCH_COUNT_CAP / first.pageSize;
    const last = await figureList.listFigures(editor, { q: "ñandú observatorio" }, lastPage + 5);
    expect(last).toMatchObject({ page: lastPage, hasNext: false });
    expect(last.rows).toHaveLength(first.pageSize);
    // Narrowed by a filter, the same search is counted exactly.
    const narrowed = await figureList.listFigures(editor, { q: "ñandú observatorio", to: "2018-12-31" }, 1);
    expect(narrowed).toMatchObject({ total: 7, totalIsCapped: false, hasNext: false });
  });

  it("is for signed-in staff only", () => {
    const token: Actor = { kind: "token", token: { id: "t", name: "script", createdById: author.id } };
    expect(() => figureList.listFigures(token, {}, 1)).toThrow();
  });

  it("offers the filter choices, and names a chosen source", async () => {
    const source = await database.db.source.findUniqueOrThrow({ where: { url: "https://cristosal.org/informe-2023" } });
    const choices = await figureList.listFigureFilterChoices(editor, { source: source.id });
    expect(choices.indicators.map((indicator) => indicator.slug).sort()).toEqual(["homicides", "prisoners"]);
    expect(choices.batches.map((row) => row.fileName)).toContain("unodc.csv");
    expect(choices.source?.url).toBe("https://cristosal.org/informe-2023");
  });
});
