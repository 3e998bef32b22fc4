import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFigures, createFixtureIndicator } from "../../testing/figures-fixture";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let database: TestDatabase;
let queries: typeof import("./editor-queries");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  queries = await import("./editor-queries");
  await createFixtureIndicator(database.db, "prisoners");
  await addFigures(database.db, [{ indicator: "prisoners", producer: "Cristosal", value: "10", asOf: "2024-01-01", status: "draft" }]);
});
afterAll(() => database.drop());

describe("getObservationForEditing", () => {
  it("finds a figure by its id, and nothing, without an error, for an id carrying a NUL", async () => {
    const { id } = await database.db.observation.findFirstOrThrow();
    expect((await queries.getObservationForEditing(id))?.status).toBe("draft");
    // The id comes from the page address; PostgreSQL refuses a NUL with an error, which became a 500.
    for (const hostile of [`${id}\u0000`, "a\u0000b", "\u0000"]) expect(await queries.getObservationForEditing(hostile)).toBeNull();
  });
});

// An import can leave tens of thousands of drafts; every editor list reads one page of them from the
// database, and says how many there are without reading them (finding 4 of issue 12: a 67 MB review page).
describe("the editor's lists with 10,000 drafts", () => {
  const DRAFTS = 10_000;
  let ids: { byCreation: string[]; byChange: string[] };

  beforeAll(async () => {
    const present = await database.db.observation.count({ where: { status: "draft" } });
    await addFigures(
      database.db,
      Array.from({ length: DRAFTS - present }, (_, i) => ({
        indicator: "prisoners",
        producer: "Cristosal",
        value: String(i),
        asOf: "2024-02-01",
        status: "draft" as const,
      })),
    );
    const rows = await database.db.observation.findMany({
      where: { status: "draft" },
      select: { id: true, createdAt: true, updatedAt: true },
    });
    const byCreation = [...rows]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((row) => row.id);
    const byChange = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1)).map((row) => row.id);
    ids = { byCreation, byChange };
  }, 120_000);

  it("reads the review queue one page at a time, oldest first, with the total", async () => {
    const first = await queries.listReviewQueue(1);
    expect(first.rows.map((row) => row.id)).toEqual(ids.byCreation.slice(0, queries.REVIEW_QUEUE_PAGE_SIZE));
    expect(first).toMatchObject({ page: 1, total: DRAFTS, totalIsCapped: false, pageCount: DRAFTS / queries.REVIEW_QUEUE_PAGE_SIZE });
    const second = await queries.listReviewQueue(2);
    expect(second.rows.map((row) => row.id)).toEqual(
      ids.byCreation.slice(queries.REVIEW_QUEUE_PAGE_SIZE, 2 * queries.REVIEW_QUEUE_PAGE_SIZE),
    );
    // A page past the end shows the last one, as the reference lists do.
    const last = await queries.listReviewQueue(DRAFTS);
    expect(last.page).toBe(DRAFTS / queries.REVIEW_QUEUE_PAGE_SIZE);
    expect(last.rows.map((row) => row.id)).toEqual(ids.byCreation.slice(-queries.REVIEW_QUEUE_PAGE_SIZE));
  });

  it("reads the dashboard's drafts one page at a time, latest change first, with the total", async () => {
    const first = await queries.listDrafts(1);
    expect(first.rows.map((row) => row.id)).toEqual(ids.byChange.slice(0, queries.EDITOR_PAGE_SIZE));
    expect(first).toMatchObject({ total: DRAFTS, totalIsCapped: false });
    const third = await queries.listDrafts(3);
    expect(third.rows.map((row) => row.id)).toEqual(ids.byChange.slice(2 * queries.EDITOR_PAGE_SIZE, 3 * queries.EDITOR_PAGE_SIZE));
  });

  it("offers each producer and author with drafts waiting, counting them only up to a cap", async () => {
    const choices = await queries.listReviewFilterChoices();
    expect(choices.producers).toEqual([
      expect.objectContaining({ name: "Cristosal", waiting: queries.FILTER_COUNT_CAP, waitingIsCapped: true }),
    ]);
    // The fixture's drafts record no author and no import: no choice to offer.
    expect(choices.authors).toEqual([]);
    expect(choices.batches).toEqual([]);
  });

  it("stops counting past the cap, and pages only as far as it counted", async () => {
    await addFigures(database.db, [{ indicator: "prisoners", producer: "Cristosal", value: "1", asOf: "2024-03-01", status: "draft" }]);
    const first = await queries.listReviewQueue(1);
    expect(first).toMatchObject({ total: queries.EDITOR_COUNT_CAP, totalIsCapped: true, hasNext: true });
    expect(first.rows).toHaveLength(queries.REVIEW_QUEUE_PAGE_SIZE);
    // The last page reached holds the 10,000th draft and offers no next page: an offset past the cap
    // would cost the database every draft it skips. A page asked beyond it is that last page.
    const lastPage = queries.EDITOR_COUNT_CAP / queries.REVIEW_QUEUE_PAGE_SIZE;
    for (const asked of [lastPage, lastPage + 1, 20_000]) {
      const last = await queries.listReviewQueue(asked);
      expect(last).toMatchObject({ page: lastPage, hasNext: false, totalIsCapped: true });
      expect(last.rows.map((row) => row.id)).toEqual(ids.byCreation.slice(-queries.REVIEW_QUEUE_PAGE_SIZE));
    }
  });
});
