import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { createCallers, createTestIndicator, fingerprint, observationInput, request, type Callers } from "@/testing/editor-fixtures";

let database: TestDatabase;
let callers: Callers;
let routes: {
  create: typeof import("./observations/route");
  update: typeof import("./observations/[id]/route");
  publish: typeof import("./observations/[id]/publish/route");
  retract: typeof import("./observations/[id]/retract/route");
};
let observations: typeof import("@/testing/oracles/public-observations");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  routes = {
    create: await import("./observations/route"),
    update: await import("./observations/[id]/route"),
    publish: await import("./observations/[id]/publish/route"),
    retract: await import("./observations/[id]/retract/route"),
  };
  observations = await import("@/testing/oracles/public-observations");
  await createTestIndicator(database.db);
  callers = await createCallers(database.db);
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function createDraft(by: keyof Omit<Callers, "ids">, overrides: Record<string, unknown> = {}) {
  const response = await routes.create.POST(request("POST", "/api/editor/observations", callers[by], observationInput(overrides)));
  expect(response.status).toBe(201);
  return (await response.json()).data as { id: string; version: number; value: string };
}

const lastEntry = () => database.db.changeEntry.findFirstOrThrow({ orderBy: { sequence: "desc" } });

describe("two-person publishing", () => {
  it("refuses to let an author publish their own draft, and changes nothing", async () => {
    const draft = await createDraft("reviewer");
    const before = await fingerprint(database.db);
    const response = await routes.publish.POST(
      request("POST", `/api/editor/observations/${draft.id}/publish`, callers.reviewer, { version: draft.version }),
      params(draft.id),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/second person/);
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("takes a figure from draft to published to corrected to retracted, one history entry per step", async () => {
    const draft = await createDraft("editor", { value: "100" });
    let entry = await lastEntry();
    expect(entry).toMatchObject({ action: "observation.created", entityId: draft.id, actorUserId: callers.ids.editor, isPublic: false });
    expect(entry.after).toMatchObject({ value: "100", status: "draft" });

    const published = await routes.publish.POST(
      request("POST", `/api/editor/observations/${draft.id}/publish`, callers.reviewer, { version: 1 }),
      params(draft.id),
    );
    expect(published.status).toBe(200);
    entry = await lastEntry();
    expect(entry).toMatchObject({ action: "observation.published", isPublic: true, actorUserId: callers.ids.reviewer });
    expect(entry.before).toMatchObject({ status: "draft" });
    expect(entry.after).toMatchObject({ status: "published", version: 2 });

    // A correction without a reason is refused; with one it becomes a draft, the published figure untouched.
    const noReason = await routes.update.PATCH(
      request("PATCH", `/api/editor/observations/${draft.id}`, callers.editor, {
        version: 2,
        observation: observationInput({ value: "105" }),
      }),
      params(draft.id),
    );
    expect(noReason.status).toBe(400);
    const proposal = await routes.update.PATCH(
      request("PATCH", `/api/editor/observations/${draft.id}`, callers.editor, {
        version: 2,
        observation: observationInput({ value: "105" }),
        reason: "The NGO revised its count.",
      }),
      params(draft.id),
    );
    expect(proposal.status).toBe(200);
    const proposalDraft = (await proposal.json()).data as { id: string; version: number };
    expect((await database.db.observation.findUniqueOrThrow({ where: { id: draft.id } })).value.toString()).toBe("100");
    entry = await lastEntry();
    expect(entry).toMatchObject({ action: "observation.correction_proposed", reason: "The NGO revised its count.", isPublic: false });
    expect(entry.before).toMatchObject({ value: "100" });
    expect(entry.after).toMatchObject({ value: "105" });

    const applied = await routes.publish.POST(
      request("POST", `/api/editor/observations/${proposalDraft.id}/publish`, callers.admin, { version: proposalDraft.version }),
      params(proposalDraft.id),
    );
    expect(applied.status).toBe(200);
    const corrected = await database.db.observation.findUniqueOrThrow({ where: { id: draft.id } });
    expect(corrected.value.toString()).toBe("105");
    expect(corrected.version).toBe(3);
    expect((await database.db.observation.findUniqueOrThrow({ where: { id: proposalDraft.id } })).status).toBe("superseded");
    entry = await lastEntry();
    expect(entry).toMatchObject({
      action: "observation.corrected",
      entityId: draft.id,
      reason: "The NGO revised its count.",
      isPublic: true,
    });
    expect(entry.before).toMatchObject({ value: "100" });
    expect(entry.after).toMatchObject({ value: "105" });

    const retracted = await routes.retract.POST(
      request("POST", `/api/editor/observations/${draft.id}/retract`, callers.reviewer, {
        version: 3,
        reason: "The source withdrew the report.",
      }),
      params(draft.id),
    );
    expect(retracted.status).toBe(200);
    entry = await lastEntry();
    expect(entry).toMatchObject({ action: "observation.retracted", reason: "The source withdrew the report.", isPublic: true });

    // Retracted: still listed for readers (marked), with its history intact.
    const indicator = await database.db.indicator.findUniqueOrThrow({ where: { slug: "test_indicator" } });
    const listed = (await observations.listPublicObservations(indicator.id)).find((o) => o.id === draft.id);
    expect(listed).toMatchObject({ status: "retracted", retraction: { reason: "The source withdrew the report." } });
    const history = await database.db.changeEntry.findMany({
      where: { entityId: { in: [draft.id, proposalDraft.id] } },
      orderBy: { sequence: "asc" },
    });
    expect(history.map((h) => h.action)).toEqual([
      "observation.created",
      "observation.published",
      "observation.correction_proposed",
      "observation.corrected",
      "observation.retracted",
    ]);
  });
});

describe("no lost edits", () => {
  it("refuses an edit based on an old version with 409 and the current value, and keeps the stored value", async () => {
    const draft = await createDraft("editor", { value: "50" });
    const first = await routes.update.PATCH(
      request("PATCH", `/api/editor/observations/${draft.id}`, callers.editor, {
        version: 1,
        observation: observationInput({ value: "51" }),
      }),
      params(draft.id),
    );
    expect(first.status).toBe(200);
    const before = await fingerprint(database.db);
    const stale = await routes.update.PATCH(
      request("PATCH", `/api/editor/observations/${draft.id}`, callers.reviewer, {
        version: 1,
        observation: observationInput({ value: "52" }),
      }),
      params(draft.id),
    );
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe("stale_version");
    expect(body.error.details.current).toMatchObject({ value: "51", version: 2 });
    expect(await fingerprint(database.db)).toBe(before);
    expect((await database.db.observation.findUniqueOrThrow({ where: { id: draft.id } })).value.toString()).toBe("51");
  });

  it("lets exactly one of several concurrent edits of the same version through", async () => {
    const draft = await createDraft("editor", { value: "70" });
    const attempts = await Promise.all(
      ["71", "72", "73", "74", "75"].map((value) =>
        routes.update.PATCH(
          request("PATCH", `/api/editor/observations/${draft.id}`, callers.editor, {
            version: 1,
            observation: observationInput({ value }),
          }),
          params(draft.id),
        ),
      ),
    );
    const statuses = attempts.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const entries = await database.db.changeEntry.count({ where: { entityId: draft.id, action: "observation.updated" } });
    expect(entries).toBe(1);
  });
});

describe("reference data", () => {
  it("refuses a stale edit of a source with 409 and keeps the stored publisher", async () => {
    const sources = await import("./sources/[id]/route");
    const apply = await import("./reference-changes/[id]/apply/route");
    const source = await database.db.source.create({ data: { url: "https://example.org/ref", publisher: "First" } });
    const seen = source.version;
    const body = (publisher: string) => ({ version: seen, data: { url: source.url, publisher }, reason: "The outlet's printed name." });
    const first = await sources.PATCH(
      request("PATCH", `/api/editor/sources/${source.id}`, callers.editor, body("Second")),
      params(source.id),
    );
    expect(first.status).toBe(202);
    const proposal = (await first.json()).data.id;
    const applied = await apply.POST(
      request("POST", `/api/editor/reference-changes/${proposal}/apply`, callers.reviewer, {}),
      params(proposal),
    );
    expect(applied.status).toBe(200);
    const stale = await sources.PATCH(
      request("PATCH", `/api/editor/sources/${source.id}`, callers.reviewer, body("Third")),
      params(source.id),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details.current.publisher).toBe("Second");
    expect((await database.db.source.findUniqueOrThrow({ where: { id: source.id } })).publisher).toBe("Second");
    const entry = await lastEntry();
    expect(entry).toMatchObject({ action: "source.updated", entityId: source.id });
    expect(entry.before).toMatchObject({ publisher: "First" });
    expect(entry.after).toMatchObject({ publisher: "Second" });
  });
});

describe("duplicates and impossible dates", () => {
  it("answers 409 naming the field when a source's new address belongs to another source", async () => {
    const sources = await import("./sources/[id]/route");
    await database.db.source.create({ data: { url: "https://example.org/taken", publisher: "A" } });
    const mine = await database.db.source.create({ data: { url: "https://example.org/mine", publisher: "B" } });
    const before = await fingerprint(database.db);
    const response = await sources.PATCH(
      request("PATCH", `/api/editor/sources/${mine.id}`, callers.editor, {
        version: mine.version,
        data: { url: "https://example.org/taken", publisher: "B" },
        reason: "The report moved.",
      }),
      params(mine.id),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({ code: "duplicate", details: { fields: [{ path: "url" }] } });
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("refuses an event dated on a day that does not exist", async () => {
    const events = await import("./events/route");
    const response = await events.POST(
      request("POST", "/api/editor/events", callers.editor, {
        data: {
          kind: "other",
          startsOn: "2024-02-31",
          datePrecision: "day",
          titleEs: "x",
          titleEn: "x",
          sourceUrl: "https://example.org/e",
        },
        reason: "A decree of that day.",
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.fields).toEqual([
      expect.objectContaining({ path: "data.startsOn", message: "This date does not exist." }),
    ]);
  });
});

describe("protection", () => {
  it("refuses a cross-site POST carrying a valid session, and changes nothing", async () => {
    const before = await fingerprint(database.db);
    const evil = await routes.create.POST(
      request("POST", "/api/editor/observations", callers.editor, observationInput(), { origin: "https://evil.example" }),
    );
    expect(evil.status).toBe(403);
    const noOrigin = await routes.create.POST(
      new Request("http://contraste.test/api/editor/observations", {
        method: "POST",
        headers: {
          host: "contraste.test",
          cookie: callers.editor.headers.cookie!,
          "sec-fetch-site": "cross-site",
          "content-type": "application/json",
        },
        body: JSON.stringify(observationInput()),
      }),
    );
    expect(noOrigin.status).toBe(403);
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("keeps the change log append-only at the database level", async () => {
    await createDraft("editor");
    const entry = await lastEntry();
    await expect(database.db.$executeRawUnsafe(`UPDATE "ChangeEntry" SET reason = 'rewritten' WHERE id = '${entry.id}'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.$executeRawUnsafe(`DELETE FROM "ChangeEntry" WHERE id = '${entry.id}'`)).rejects.toThrow(/append-only/);
    expect((await database.db.changeEntry.findUniqueOrThrow({ where: { id: entry.id } })).reason).toBe(entry.reason);
  });

  it("rejects bad input with field messages and writes nothing", async () => {
    const before = await fingerprint(database.db);
    const response = await routes.create.POST(
      request(
        "POST",
        "/api/editor/observations",
        callers.editor,
        observationInput({ value: "about 300", asOf: "2024-02-30", source: { url: "not a url", publisher: "" } }),
      ),
    );
    expect(response.status).toBe(400);
    const fields = (await response.json()).error.details.fields.map((field: { path: string }) => field.path);
    expect(fields).toEqual(expect.arrayContaining(["value", "asOf", "source.url", "source.publisher"]));
    expect(await fingerprint(database.db)).toBe(before);
  });
});
