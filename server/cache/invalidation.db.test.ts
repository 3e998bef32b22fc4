import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallers, createTestIndicator, observationInput, request, type Callers } from "@/testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { INVALIDATION_CHANNEL } from "./invalidation";
import { sharedResponseCache } from "./response-cache";

let database: TestDatabase;
let callers: Callers;
let routes: {
  create: typeof import("@/app/api/editor/observations/route");
  publish: typeof import("@/app/api/editor/observations/[id]/publish/route");
};
let slug: string;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  routes = {
    create: await import("@/app/api/editor/observations/route"),
    publish: await import("@/app/api/editor/observations/[id]/publish/route"),
  };
  slug = (await createTestIndicator(database.db)).slug;
  callers = await createCallers(database.db);
});
afterAll(() => database.drop());

const cached = (path: string, tags: string[]) => {
  const cache = sharedResponseCache();
  cache.store(path, cache.ticket(tags), { status: 200, headers: {}, body: Buffer.from(path), gzip: Buffer.from(path), etag: '"x"' });
};

describe("a write drops what it makes stale, once committed", () => {
  it("a draft leaves every public response cached; publishing drops its indicator's, not another's", async () => {
    const cache = sharedResponseCache();
    cached(`/en/indicators/${slug}`, [`indicator:${slug}`, "events"]);
    cached("/en/indicators/elsewhere", ["indicator:elsewhere", "events"]);
    cached("/en/events", ["events"]);

    const created = await routes.create.POST(
      request("POST", "/api/editor/observations", callers.editor, observationInput({ value: "321" })),
    );
    expect(created.status).toBe(201);
    const draft = (await created.json()).data as { id: string; version: number };
    expect(cache.get(`/en/indicators/${slug}`)).toBeDefined();

    const published = await routes.publish.POST(
      request("POST", `/api/editor/observations/${draft.id}/publish`, callers.reviewer, { version: draft.version }),
      {
        params: Promise.resolve({ id: draft.id }),
      },
    );
    expect(published.status).toBe(200);
    expect(cache.get(`/en/indicators/${slug}`)).toBeUndefined();
    expect(cache.get("/en/indicators/elsewhere")).toBeDefined();
    expect(cache.get("/en/events")).toBeDefined();
  });

  it("a refused write drops nothing", async () => {
    const cache = sharedResponseCache();
    cached(`/en/indicators/${slug}`, [`indicator:${slug}`]);
    const created = await routes.create.POST(
      request("POST", "/api/editor/observations", callers.editor, observationInput({ value: "322" })),
    );
    const draft = (await created.json()).data as { id: string; version: number };
    // The author may not publish their own draft.
    const refused = await routes.publish.POST(
      request("POST", `/api/editor/observations/${draft.id}/publish`, callers.editor, { version: draft.version }),
      {
        params: Promise.resolve({ id: draft.id }),
      },
    );
    expect(refused.status).toBe(403);
    expect(cache.get(`/en/indicators/${slug}`)).toBeDefined();
  });

  // PGlite's socket server does not pass notifications between connections; the embedded database
  // serves one app process, which invalidates its own cache directly.
  it.skipIf(process.env.CONTRASTE_TEST_DB === "embedded")("tells other processes what changed, on commit, through PostgreSQL", async () => {
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (message) => heard.push(message.payload ?? ""));
    await listener.query(`LISTEN ${INVALIDATION_CHANNEL}`);

    const created = await routes.create.POST(
      request("POST", "/api/editor/observations", callers.editor, observationInput({ value: "323" })),
    );
    const draft = (await created.json()).data as { id: string; version: number };
    await routes.publish.POST(
      request("POST", `/api/editor/observations/${draft.id}/publish`, callers.reviewer, { version: draft.version }),
      { params: Promise.resolve({ id: draft.id }) },
    );
    await expect.poll(() => heard, { timeout: 3000 }).toContain(`indicator:${slug} overview sources changes figure:${draft.id}`);
    await listener.end();
  });
});
