import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRouteTestbed,
  createUserWithSession,
  fingerprint,
  observationInput,
  request,
  TEST_CSV_HEADER,
  TEST_CSV_MAPPING,
  type Caller,
  type Callers,
} from "../../testing/editor-fixtures";
import type { TestDatabase } from "../../testing/test-database";

// The review queue's decisions: a whole import batch or a selection published at once, all or none,
// under the two-person rule; a draft sent back to its writers with a comment; a draft discarded.
let database: TestDatabase;
let callers: Callers;
let secondEditor: Caller & { id: string };
let queries: typeof import("./editor-queries");
let routes: {
  create: typeof import("@/app/api/editor/observations/route");
  update: typeof import("@/app/api/editor/observations/[id]/route");
  publish: typeof import("@/app/api/editor/observations/[id]/publish/route");
  importCsv: typeof import("@/app/api/editor/imports/route");
  publishMany: typeof import("@/app/api/editor/review/publish/route");
  sendBack: typeof import("@/app/api/editor/observations/[id]/send-back/route");
  discard: typeof import("@/app/api/editor/observations/[id]/discard/route");
  publicObservations: typeof import("@/app/api/v1/indicators/[slug]/observations/route");
};

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  routes = {
    create: await import("@/app/api/editor/observations/route"),
    update: await import("@/app/api/editor/observations/[id]/route"),
    publish: await import("@/app/api/editor/observations/[id]/publish/route"),
    importCsv: await import("@/app/api/editor/imports/route"),
    publishMany: await import("@/app/api/editor/review/publish/route"),
    sendBack: await import("@/app/api/editor/observations/[id]/send-back/route"),
    discard: await import("@/app/api/editor/observations/[id]/discard/route"),
    publicObservations: await import("@/app/api/v1/indicators/[slug]/observations/route"),
  };
  queries = await import("./editor-queries");
  const second = await createUserWithSession(database.db, "editor", "second-editor");
  secondEditor = { name: "second editor", headers: second.headers, id: second.user.id };
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

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

const publishMany = (by: Caller, body: unknown) => routes.publishMany.POST(request("POST", "/api/editor/review/publish", by, body));
const sendBack = (by: Caller, id: string, body: unknown) =>
  routes.sendBack.POST(request("POST", `/api/editor/observations/${id}/send-back`, by, body), params(id));
const discard = (by: Caller, id: string, body: unknown) =>
  routes.discard.POST(request("POST", `/api/editor/observations/${id}/discard`, by, body), params(id));

/** Imports `values` as one CSV batch by `by`, and answers the batch with its drafts. */
async function importBatch(by: Caller, values: string[], fileName: string) {
  const csv = [
    TEST_CSV_HEADER,
    ...values.map((value) => `test_indicator,${value},${1000 + Number(value)},year,Batch NGO,ngo,https://example.org/batch,Example`),
  ].join("\n");
  const response = await routes.importCsv.POST(request("POST", "/api/editor/imports", by, { csv, mapping: TEST_CSV_MAPPING, fileName }));
  expect(response.status).toBe(201);
  const batch = await database.db.importBatch.findFirstOrThrow({ where: { fileName } });
  const drafts = await database.db.observation.findMany({ where: { importBatchId: batch.id }, orderBy: { value: "asc" } });
  expect(drafts).toHaveLength(values.length);
  return { batch, drafts };
}

/** The stamp the queue shows for a batch (what the reviewer saw). */
async function stampOf(batchId: string) {
  const queue = await queries.listReviewQueue(1, { batch: batchId });
  const header = queue.batches.find((batch) => batch.id === batchId);
  expect(header).toBeDefined();
  return header!.stamp;
}

const entriesFor = (ids: string[], action: string) =>
  database.db.changeEntry.findMany({ where: { entityType: "observation", action, entityId: { in: ids } }, orderBy: { sequence: "asc" } });

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  return body.error;
}

describe("publishing a whole import batch", () => {
  it("publishes every waiting draft of the batch at once, with one public change entry per figure as single publish writes", async () => {
    const { batch, drafts } = await importBatch(callers.editor, ["101", "102", "103"], "three-rows.csv");
    const queue = await queries.listReviewQueue(1, { batch: batch.id });
    expect(queue.rows.map((row) => row.id).sort()).toEqual(drafts.map((draft) => draft.id).sort());
    expect(queue.batches).toEqual([
      expect.objectContaining({ id: batch.id, fileName: "three-rows.csv", importerId: callers.ids.editor, waiting: 3 }),
    ]);

    const response = await publishMany(callers.reviewer, { importBatchId: batch.id, stamp: await stampOf(batch.id) });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ published: 3, corrected: 0 });

    const stored = await database.db.observation.findMany({
      where: { importBatchId: batch.id },
      include: { indicator: true, producer: true, source: true },
    });
    for (const row of stored) expect(row).toMatchObject({ status: "published", reviewerId: callers.ids.reviewer, version: 2 });
    expect(stored.every((row) => row.publishedAt !== null)).toBe(true);

    const entries = await entriesFor(
      drafts.map((draft) => draft.id),
      "observation.published",
    );
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      const row = stored.find((figure) => figure.id === entry.entityId)!;
      expect(entry).toMatchObject({ isPublic: true, actorUserId: callers.ids.reviewer });
      // The same snapshot single publish records: the figure as stored, now published.
      expect(entry.after).toEqual({
        id: row.id,
        indicator: "test_indicator",
        value: row.value.toString(),
        valueMax: null,
        qualifier: "exact",
        asOf: row.asOf.toISOString().slice(0, 10),
        datePrecision: "year",
        producer: { name: "Batch NGO", type: "ngo" },
        source: {
          url: "https://example.org/batch",
          publisher: "Example",
          publishedAt: null,
          retrievedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          class: "secondary",
        },
        attribution: row.attribution,
        noteEn: null,
        noteEs: null,
        status: "published",
        version: 2,
      });
      expect((entry.before as { status: string; version: number }).status).toBe("draft");
    }

    // Readers see the figures.
    const api = await routes.publicObservations.GET(new Request("http://contraste.test/api/v1/indicators/test_indicator/observations"), {
      params: Promise.resolve({ slug: "test_indicator" }),
    });
    const published = JSON.stringify(await api.json());
    for (const row of stored) expect(published).toContain(row.id);
  });

  it("publishes nothing when the reviewer wrote into one draft of the batch, and says how many", async () => {
    const { batch, drafts } = await importBatch(callers.editor, ["201", "202", "203"], "one-edited-by-reviewer.csv");
    const target = drafts[1]!;
    expect((await edit(callers.reviewer, target.id, target.version, { value: "2020" })).status).toBe(200);

    const before = await fingerprint(database.db);
    const error = await expectError(
      await publishMany(callers.reviewer, { importBatchId: batch.id, stamp: await stampOf(batch.id) }),
      403,
      "batch_includes_own_drafts",
    );
    expect(error.details).toEqual({ params: { count: 1, total: 3 } });
    expect(await fingerprint(database.db)).toBe(before);

    // A third person publishes all three.
    const admin = await publishMany(callers.admin, { importBatchId: batch.id, stamp: await stampOf(batch.id) });
    expect(admin.status).toBe(200);
  });

  it("refuses the importer, and publishes nothing when a draft changed since the reviewer opened the queue", async () => {
    const { batch, drafts } = await importBatch(callers.editor, ["301", "302"], "changed-since.csv");
    const stamp = await stampOf(batch.id);
    const editorTry = await publishMany(callers.editor, { importBatchId: batch.id, stamp });
    await expectError(editorTry, 403, "review_reviewers_only");
    const importerReviewer = await importBatch(callers.reviewer, ["351"], "imported-by-reviewer.csv");
    await expectError(
      await publishMany(callers.reviewer, { importBatchId: importerReviewer.batch.id, stamp: await stampOf(importerReviewer.batch.id) }),
      403,
      "batch_includes_own_drafts",
    );

    // Another editor corrects one draft after the reviewer loaded the queue.
    expect((await edit(secondEditor, drafts[0]!.id, drafts[0]!.version, { value: "3010" })).status).toBe(200);
    const before = await fingerprint(database.db);
    await expectError(await publishMany(callers.reviewer, { importBatchId: batch.id, stamp }), 409, "batch_changed_since_opened");
    expect(await fingerprint(database.db)).toBe(before);
  });
});

describe("publishing a selection", () => {
  it("publishes new figures and applies corrections, as single publish does, in one request", async () => {
    // A published figure, then a correction of it proposed by an editor.
    const original = await createDraft(callers.editor, { value: "400" });
    expect(
      (await routes.publish.POST(request("POST", `/x`, callers.admin, { version: original.version }), params(original.id))).status,
    ).toBe(200);
    const proposal = await edit(callers.editor, original.id, original.version + 1, { value: "401" }, "The source revised its count.");
    expect(proposal.status).toBe(200);
    const correction = (await proposal.json()).data as { id: string; version: number };
    const fresh = await createDraft(secondEditor, { value: "402" });

    const queued = await queries.listReviewQueue(1, { kind: "correction" });
    expect(queued.rows.find((row) => row.id === correction.id)?.revisionOf?.value).toBe("400");

    const response = await publishMany(callers.reviewer, { drafts: [correction, fresh] });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ published: 1, corrected: 1 });

    expect(await database.db.observation.findUniqueOrThrow({ where: { id: original.id } })).toMatchObject({
      status: "published",
      version: 3,
    });
    expect((await database.db.observation.findUniqueOrThrow({ where: { id: original.id } })).value.toString()).toBe("401");
    expect(await database.db.observation.findUniqueOrThrow({ where: { id: correction.id } })).toMatchObject({ status: "superseded" });
    expect(await database.db.observation.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: "published" });

    const [corrected] = await entriesFor([original.id], "observation.corrected");
    expect(corrected).toMatchObject({ reason: "The source revised its count.", isPublic: true });
    expect(corrected!.before).toMatchObject({ value: "400", version: 2 });
    expect(corrected!.after).toMatchObject({ value: "401", version: 3, status: "published" });
    expect(await entriesFor([fresh.id], "observation.published")).toHaveLength(1);
  });

  it("publishes nothing when one selected draft is stale, or is the reviewer's own", async () => {
    const a = await createDraft(callers.editor, { value: "501" });
    const b = await createDraft(callers.editor, { value: "502" });
    const own = await createDraft(callers.reviewer, { value: "503" });
    expect((await edit(secondEditor, b.id, b.version, { value: "5020" })).status).toBe(200);

    const before = await fingerprint(database.db);
    const stale = await expectError(await publishMany(callers.reviewer, { drafts: [a, b] }), 409, "drafts_changed_since_opened");
    expect(stale.details).toEqual({ params: { count: 1, total: 2 } });
    const mine = await expectError(
      await publishMany(callers.reviewer, { drafts: [a, { id: b.id, version: b.version + 1 }, own] }),
      403,
      "batch_includes_own_drafts",
    );
    expect(mine.details).toEqual({ params: { count: 1, total: 3 } });
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("refuses a selection larger than the bound before reading it", async () => {
    const drafts = Array.from({ length: 5_001 }, (_, i) => ({ id: `c${i}`, version: 1 }));
    expect((await publishMany(callers.reviewer, { drafts })).status).toBe(400);
  });
});

describe("sending a draft back", () => {
  it("takes the draft out of the queue with the reviewer's comment, shows it to its writers, and an edit returns it", async () => {
    const draft = await createDraft(callers.editor, { value: "601" });
    await expectError(await sendBack(callers.reviewer, draft.id, { version: draft.version, note: "" }), 400, "invalid_request");
    await expectError(
      await sendBack(callers.editor, draft.id, { version: draft.version, note: "Check the source." }),
      403,
      "own_draft_cannot_be_sent_back",
    );
    await expectError(
      await sendBack(secondEditor, draft.id, { version: draft.version, note: "Check the source." }),
      403,
      "send_back_reviewers_only",
    );

    const response = await sendBack(callers.reviewer, draft.id, {
      version: draft.version,
      note: "The source says 610; check the table on page 4.",
    });
    expect(response.status).toBe(200);
    const stored = await database.db.observation.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({
      status: "draft",
      sentBackById: callers.ids.reviewer,
      sentBackNote: "The source says 610; check the table on page 4.",
    });
    const [entry] = await entriesFor([draft.id], "observation.sent_back");
    expect(entry).toMatchObject({
      isPublic: false,
      reason: "The source says 610; check the table on page 4.",
      actorUserId: callers.ids.reviewer,
    });

    expect((await queries.listReviewQueue(1)).rows.map((row) => row.id)).not.toContain(draft.id);
    // Nor can another reviewer publish it from its own page while it waits for its writers.
    await expectError(
      await routes.publish.POST(request("POST", "/x", callers.admin, { version: stored.version }), params(draft.id)),
      409,
      "sent_back_draft",
    );
    const sentBack = await queries.listSentBackTo(callers.ids.editor);
    expect(sentBack.find((row) => row.id === draft.id)?.sentBack).toMatchObject({
      note: "The source says 610; check the table on page 4.",
    });
    expect(await queries.listSentBackTo(secondEditor.id)).toEqual([]);

    expect((await edit(callers.editor, draft.id, stored.version, { value: "610" })).status).toBe(200);
    expect(await database.db.observation.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      sentBackAt: null,
      sentBackNote: null,
    });
    expect((await queries.listReviewQueue(1, { author: callers.ids.editor })).rows.map((row) => row.id)).toContain(draft.id);
    expect((await queries.listSentBackTo(callers.ids.editor)).map((row) => row.id)).not.toContain(draft.id);
  });
});

describe("discarding a draft", () => {
  it("lets its author discard it: kept with its history, never public, out of the queue", async () => {
    const draft = await createDraft(callers.editor, { value: "701" });
    await expectError(await discard(secondEditor, draft.id, { version: draft.version }), 403, "discard_writers_or_reviewers_only");
    const response = await discard(callers.editor, draft.id, { version: draft.version, reason: "Entered twice by mistake." });
    expect(response.status).toBe(200);
    expect(await database.db.observation.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "discarded" });
    const [entry] = await entriesFor([draft.id], "observation.discarded");
    expect(entry).toMatchObject({ isPublic: false, reason: "Entered twice by mistake." });
    expect((await queries.listReviewQueue(1)).rows.map((row) => row.id)).not.toContain(draft.id);
    const api = await routes.publicObservations.GET(new Request("http://contraste.test/api/v1/indicators/test_indicator/observations"), {
      params: Promise.resolve({ slug: "test_indicator" }),
    });
    expect(JSON.stringify(await api.json())).not.toContain(draft.id);
    // A discarded draft is never published.
    await expectError(
      await publishMany(callers.reviewer, { drafts: [{ id: draft.id, version: draft.version + 1 }] }),
      409,
      "drafts_changed_since_opened",
    );
  });

  it("lets a reviewer discard someone's draft, and never a published figure", async () => {
    const draft = await createDraft(callers.editor, { value: "702" });
    expect((await discard(callers.reviewer, draft.id, { version: draft.version })).status).toBe(200);
    const published = await createDraft(callers.editor, { value: "703" });
    expect(
      (await routes.publish.POST(request("POST", `/x`, callers.reviewer, { version: published.version }), params(published.id))).status,
    ).toBe(200);
    const before = await fingerprint(database.db);
    await expectError(
      await discard(callers.admin, published.id, { version: published.version + 1 }),
      409,
      "published_figure_cannot_be_discarded",
    );
    expect(await fingerprint(database.db)).toBe(before);
  });
});
