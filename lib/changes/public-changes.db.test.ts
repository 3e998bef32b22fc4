import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let database: TestDatabase;
let publicChanges: typeof import("./public-changes");

const REVIEWER_EMAIL = "reviewer.private@example.org";

const figure = (value: string, overrides: Record<string, unknown> = {}) => ({
  id: "obs_1",
  indicator: "homicide_rate",
  value,
  valueMax: null,
  qualifier: "about",
  asOf: "2024-01-01",
  datePrecision: "year",
  producer: { name: "Cristosal", type: "ngo" },
  source: { url: `https://example.org/report-${value}`, publisher: "Cristosal", publishedAt: "2024-02-01" },
  attribution: "Cristosal",
  noteEn: null,
  noteEs: null,
  status: "published",
  version: 2,
  ...overrides,
});

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  publicChanges = await import("./public-changes");

  const reviewer = await database.db.user.create({
    data: { email: REVIEWER_EMAIL, displayName: "Ana Reviewer", passwordHash: "not a real hash", role: "reviewer" },
  });
  const entry = (action: string, isPublic: boolean, fields: { reason?: string; before?: object; after?: object } = {}) =>
    database.db.changeEntry.create({
      data: { action, entityType: "observation", entityId: "obs_1", actorUserId: reviewer.id, isPublic, ...fields },
    });
  // Created one after the other, so sequence order is the order below.
  await entry("observation.created", false, { after: figure("10", { status: "draft" }) });
  await entry("observation.published", true, { before: figure("10", { status: "draft" }), after: figure("10") });
  await entry("user.password_changed", false);
  await entry("observation.correction_proposed", false, { reason: "Typo", before: figure("10"), after: figure("12") });
  await entry("observation.corrected", true, { reason: "Typo in the <first> entry & more", before: figure("10"), after: figure("12") });
  await entry("observation.retracted", true, {
    reason: "The source withdrew the report",
    before: figure("12"),
    after: figure("12", { status: "retracted" }),
  });
});
afterAll(() => database.drop());

describe("listPublicChanges", () => {
  it("lists only published, corrected and retracted figures, newest first", async () => {
    const changes = await publicChanges.listPublicChanges({ limit: 50 });
    expect(changes.map((change) => change.action)).toEqual(["observation.retracted", "observation.corrected", "observation.published"]);
  });

  it("gives the reviewer's display name, the reason and both figures of a correction", async () => {
    const [, corrected] = await publicChanges.listPublicChanges({ limit: 50 });
    expect(corrected).toMatchObject({
      reviewer: "Ana Reviewer",
      reason: "Typo in the <first> entry & more",
      indicatorSlug: "homicide_rate",
      before: { value: "10", qualifier: "about", asOf: "2024-01-01", datePrecision: "year", sourceUrl: "https://example.org/report-10" },
      after: { value: "12", valueMax: null, producer: { name: "Cristosal", type: "ngo" }, sourceUrl: "https://example.org/report-12" },
    });
  });

  it("never carries an email, and nothing beyond what the log shows", async () => {
    const changes = await publicChanges.listPublicChanges({ limit: 50 });
    const json = JSON.stringify(changes);
    expect(json).not.toContain(REVIEWER_EMAIL);
    expect(json).not.toMatch(/@/);
    expect(json).not.toContain("noteEn");
    expect(json).not.toContain("attribution");
  });

  it("drops a figure whose source is not a web address rather than link to it", async () => {
    const entry = await database.db.changeEntry.create({
      data: {
        action: "observation.published",
        entityType: "observation",
        entityId: "obs_2",
        isPublic: true,
        after: figure("5", { source: { url: "javascript:alert(1)" } }),
      },
    });
    const [latest] = await publicChanges.listPublicChanges({ limit: 1 });
    expect(latest).toMatchObject({ id: entry.id, reviewer: null, after: null, indicatorSlug: null });
  });

  it("honours since and limit", async () => {
    expect(await publicChanges.listPublicChanges({ limit: 1 })).toHaveLength(1);
    expect(await publicChanges.listPublicChanges({ since: new Date(Date.now() + 60_000), limit: 50 })).toEqual([]);
    expect(await publicChanges.listPublicChanges({ since: new Date(0), limit: 50 })).toHaveLength(4);
  });
});
