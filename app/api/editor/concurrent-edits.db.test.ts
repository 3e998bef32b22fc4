import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallers, createTestIndicator, observationInput, request, type Callers } from "@/testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

// Fifty people save the same figure at the same moment, each from the version they opened.
let database: TestDatabase;
let callers: Callers;
let routes: {
  create: typeof import("./observations/route");
  update: typeof import("./observations/[id]/route");
  publish: typeof import("./observations/[id]/publish/route");
};
const CONCURRENT = 50;
const params = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  routes = {
    create: await import("./observations/route"),
    update: await import("./observations/[id]/route"),
    publish: await import("./observations/[id]/publish/route"),
  };
  await createTestIndicator(database.db);
  callers = await createCallers(database.db);
});
afterAll(() => database.drop());

async function createDraft(value: string) {
  const response = await routes.create.POST(request("POST", "/api/editor/observations", callers.editor, observationInput({ value })));
  expect(response.status).toBe(201);
  return (await response.json()).data as { id: string; version: number };
}

const saveAll = (id: string, version: number, reason?: string) =>
  Promise.all(
    Array.from({ length: CONCURRENT }, async (_, i) => {
      const value = String(5000 + i);
      const response = await routes.update.PATCH(
        request("PATCH", `/api/editor/observations/${id}`, callers.editor, { version, observation: observationInput({ value }), reason }),
        params(id),
      );
      return {
        value,
        status: response.status,
        body: (await response.json()) as { data?: { id: string; value: string }; error?: { code: string } },
      };
    }),
  );

describe("fifty concurrent edits of one figure", () => {
  it("on a draft: exactly one is saved, the other 49 get 409, and the history records exactly that one", async () => {
    const draft = await createDraft("100");
    const results = await saveAll(draft.id, draft.version);

    const saved = results.filter((r) => r.status === 200);
    expect(saved).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(CONCURRENT - 1);
    for (const refused of results.filter((r) => r.status === 409))
      expect(["stale_version", "conflict"]).toContain(refused.body.error?.code);

    const stored = await database.db.observation.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.version).toBe(draft.version + 1);
    expect(stored.value.toString()).toBe(saved[0]!.value);
    const history = await database.db.changeEntry.findMany({ where: { entityId: draft.id }, orderBy: { sequence: "asc" } });
    expect(history.map((entry) => entry.action)).toEqual(["observation.created", "observation.updated"]);
    expect(history[1]!.after).toMatchObject({ value: saved[0]!.value, version: draft.version + 1 });
    expect(history[1]!.before).toMatchObject({ value: "100", version: draft.version });
  });

  it("on a published figure: exactly one correction is proposed, the figure itself is untouched", async () => {
    const draft = await createDraft("200");
    const published = await routes.publish.POST(
      request("POST", `/api/editor/observations/${draft.id}/publish`, callers.reviewer, { version: draft.version }),
      params(draft.id),
    );
    expect(published.status).toBe(200);
    const live = (await published.json()).data as { id: string; version: number };

    const results = await saveAll(live.id, live.version, "Concurrent correction");
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(CONCURRENT - 1);

    const proposals = await database.db.observation.findMany({ where: { revisionOfId: live.id } });
    expect(proposals).toHaveLength(1);
    const figure = await database.db.observation.findUniqueOrThrow({ where: { id: live.id } });
    expect(figure.value.toString()).toBe("200");
    expect(figure.version).toBe(live.version);
    expect(await database.db.changeEntry.count({ where: { action: "observation.correction_proposed", entityId: proposals[0]!.id } })).toBe(
      1,
    );
  });
});
