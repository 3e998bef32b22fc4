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

// The two-person rule through every channel that writes a draft: whoever wrote into a draft (form,
// API token, CSV import, correction) cannot be the one who publishes it.
let database: TestDatabase;
let callers: Callers;
let secondReviewer: Caller & { id: string };
let routes: {
  create: typeof import("@/app/api/editor/observations/route");
  update: typeof import("@/app/api/editor/observations/[id]/route");
  publish: typeof import("@/app/api/editor/observations/[id]/publish/route");
  importCsv: typeof import("@/app/api/editor/imports/route");
};

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  routes = {
    create: await import("@/app/api/editor/observations/route"),
    update: await import("@/app/api/editor/observations/[id]/route"),
    publish: await import("@/app/api/editor/observations/[id]/publish/route"),
    importCsv: await import("@/app/api/editor/imports/route"),
  };
  const second = await createUserWithSession(database.db, "reviewer", "second-reviewer");
  secondReviewer = { name: "second reviewer", headers: second.headers, id: second.user.id };
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function createDraft(by: Caller, overrides: Record<string, unknown> = {}) {
  const response = await routes.create.POST(request("POST", "/api/editor/observations", by, observationInput(overrides)));
  expect(response.status).toBe(201);
  return (await response.json()).data as { id: string; version: number };
}

const edit = (by: Caller, id: string, version: number, overrides: Record<string, unknown>, reason?: string) =>
  routes.update.PATCH(
    request("PATCH", `/api/editor/observations/${id}`, by, { version, observation: observationInput(overrides), reason }),
    params(id),
  );

const publish = (by: Caller, id: string, version: number) =>
  routes.publish.POST(request("POST", `/api/editor/observations/${id}/publish`, by, { version }), params(id));

const stored = (id: string) => database.db.observation.findUniqueOrThrow({ where: { id }, include: { source: true, producer: true } });

// What a reviewer who rewrote another editor's draft would have published.
const hostileRewrite = {
  value: "999999",
  source: { url: "https://evil.example/report", publisher: "Evil" },
  producer: { name: "Ministry of Truth", type: "government" },
};

async function expectRefusedAsChanger(response: Response) {
  expect(response.status).toBe(403);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("own_draft_cannot_publish");
  expect(body.error.message).toBe("You changed this draft, so a second person must publish it: a reviewer who has not changed it.");
}

describe("a reviewer who changed a draft cannot publish it", () => {
  it("refuses a reviewer who rewrote another editor's draft, changes nothing, and needs a third person", async () => {
    const draft = await createDraft(callers.editor, { value: "100" });
    const edited = await edit(callers.reviewer, draft.id, draft.version, hostileRewrite);
    expect(edited.status).toBe(200);
    const version = ((await edited.json()).data as { version: number }).version;

    const before = await fingerprint(database.db);
    await expectRefusedAsChanger(await publish(callers.reviewer, draft.id, version));
    expect(await fingerprint(database.db)).toBe(before);
    const row = await stored(draft.id);
    expect(row).toMatchObject({ status: "draft", reviewerId: null, publishedAt: null });
    expect(await database.db.changeEntry.count({ where: { entityId: draft.id, action: "observation.published" } })).toBe(0);

    // A reviewer who did not touch it may publish it.
    expect((await publish(secondReviewer, draft.id, version)).status).toBe(200);
    expect(await stored(draft.id)).toMatchObject({ status: "published", reviewerId: secondReviewer.id });
  });

  it("refuses the original author too once someone else edited their draft: a draft edited by two people needs a third", async () => {
    const draft = await createDraft(callers.reviewer, { value: "200" });
    const edited = await edit(secondReviewer, draft.id, draft.version, { value: "201" });
    expect(edited.status).toBe(200);
    const version = ((await edited.json()).data as { version: number }).version;
    await expectRefusedAsChanger(await publish(callers.reviewer, draft.id, version));
    await expectRefusedAsChanger(await publish(secondReviewer, draft.id, version));
    expect((await stored(draft.id)).status).toBe("draft");
    expect((await publish(callers.admin, draft.id, version)).status).toBe(200);
  });

  it("refuses a reviewer who rewrote a pending correction, and leaves the published figure as it was", async () => {
    const draft = await createDraft(callers.editor, { value: "3319" });
    expect((await publish(callers.reviewer, draft.id, draft.version)).status).toBe(200);
    const proposed = await edit(callers.editor, draft.id, draft.version + 1, { value: "3320" }, "The NGO revised its count.");
    expect(proposed.status).toBe(200);
    const correction = (await proposed.json()).data as { id: string; version: number };

    const rewritten = await edit(callers.reviewer, correction.id, correction.version, { value: "0" });
    expect(rewritten.status).toBe(200);
    const version = ((await rewritten.json()).data as { version: number }).version;
    const before = await fingerprint(database.db);
    await expectRefusedAsChanger(await publish(callers.reviewer, correction.id, version));
    expect(await fingerprint(database.db)).toBe(before);
    expect((await stored(draft.id)).value.toString()).toBe("3319");
    expect((await stored(correction.id)).status).toBe("draft");

    expect((await publish(secondReviewer, correction.id, version)).status).toBe(200);
    expect((await stored(draft.id)).value.toString()).toBe("0");
  });

  it("never lets a publish through when the same reviewer's edit lands before, during or after it", async () => {
    const drafts = await Promise.all(Array.from({ length: 10 }, (_, i) => createDraft(callers.editor, { value: String(700 + i) })));
    const race = async (draft: { id: string; version: number }, ticks: number | "after") => {
      const edited = edit(callers.reviewer, draft.id, draft.version, { value: "1" });
      // Staggered starts put the publish at different points of the edit's transaction. The publish
      // names the version the edit produces, so only an edit that committed lets it past the version check.
      if (ticks === "after") await edited;
      else for (let tick = 0; tick < ticks; tick++) await new Promise((resolve) => setImmediate(resolve));
      const published = await publish(callers.reviewer, draft.id, draft.version + 1);
      return { edited: (await edited).status, published: published.status, row: await stored(draft.id) };
    };
    const outcomes = await Promise.all(drafts.slice(1).map((draft, i) => race(draft, i * 4)));
    outcomes.push(await race(drafts[0]!, "after"));
    expect(outcomes.at(-1)!.edited).toBe(200);
    for (const outcome of outcomes) {
      expect([403, 409]).toContain(outcome.published);
      expect(outcome.row.status).toBe("draft");
    }
  });
});

describe("every draft has an accountable author", () => {
  it("makes the token's creator the author of a script's draft, so that admin cannot publish it but another reviewer can", async () => {
    const draft = await createDraft(callers.token, { value: "4242" });
    expect((await stored(draft.id)).authorId).toBe(callers.ids.admin);

    const before = await fingerprint(database.db);
    await expectRefusedAsChanger(await publish(callers.admin, draft.id, draft.version));
    expect(await fingerprint(database.db)).toBe(before);

    expect((await publish(callers.reviewer, draft.id, draft.version)).status).toBe(200);
    expect(await stored(draft.id)).toMatchObject({ status: "published", reviewerId: callers.ids.reviewer });
  });

  it("refuses the reviewer who imported a CSV to publish any of its drafts", async () => {
    const csv = [TEST_CSV_HEADER, "test_indicator,8080,2019,year,Test NGO,ngo,https://example.org/csv,Example"].join("\n");
    const mapping = TEST_CSV_MAPPING;
    const imported = await routes.importCsv.POST(request("POST", "/api/editor/imports", callers.reviewer, { csv, mapping }));
    expect(imported.status).toBe(201);
    const draft = await database.db.observation.findFirstOrThrow({ where: { value: "8080" } });
    expect(draft.authorId).toBe(callers.ids.reviewer);

    const before = await fingerprint(database.db);
    await expectRefusedAsChanger(await publish(callers.reviewer, draft.id, draft.version));
    expect(await fingerprint(database.db)).toBe(before);
    expect((await publish(callers.admin, draft.id, draft.version)).status).toBe(200);
  });

  it("lets nobody publish a draft that records no one who wrote it", async () => {
    const template = await stored((await createDraft(callers.editor, { value: "5150" })).id);
    const orphan = await database.db.observation.create({
      data: {
        indicatorId: template.indicatorId,
        producerId: template.producerId,
        sourceId: template.sourceId,
        value: "5151",
        asOf: template.asOf,
        datePrecision: template.datePrecision,
        attribution: template.attribution,
      },
    });
    for (const caller of [callers.reviewer, callers.admin, secondReviewer]) {
      const response = await publish(caller, orphan.id, orphan.version);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^No one is recorded as its author/);
    }
    expect((await stored(orphan.id)).status).toBe("draft");
  });
});
