import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFromFiles } from "@/lib/dataset/load-seed";
import { openApiDocument } from "@/lib/public-api/openapi";
import { validateAgainstOpenApi } from "@/testing/openapi-validator";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { createCallers, observationInput, request } from "@/testing/editor-fixtures";

let database: TestDatabase;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let handlers: Record<string, Handler>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await seedFromFiles(database.db);
  handlers = {
    "/api/v1/indicators": (await import("./indicators/route")).GET as Handler,
    "/api/v1/indicators/{slug}": (await import("./indicators/[slug]/route")).GET as Handler,
    "/api/v1/indicators/{slug}/observations": (await import("./indicators/[slug]/observations/route")).GET as Handler,
    "/api/v1/events": (await import("./events/route")).GET as Handler,
    "/api/v1/sources": (await import("./sources/route")).GET as Handler,
    "/api/v1/changes": (await import("./changes/route")).GET as Handler,
  };
  // One published figure, so the change log has an entry to describe.
  const callers = await createCallers(database.db);
  const create = await import("../editor/observations/route");
  const publish = await import("../editor/observations/[id]/publish/route");
  const draft = (
    await (
      await create.POST(request("POST", "/api/editor/observations", callers.editor, observationInput({ indicatorSlug: "homicide_rate" })))
    ).json()
  ).data;
  await publish.POST(request("POST", `/api/editor/observations/${draft.id}/publish`, callers.reviewer, { version: 1 }), {
    params: Promise.resolve({ id: draft.id }),
  });
});
afterAll(() => database.drop());

type Case = [path: keyof typeof openApiDocument.paths, url: string, params: Record<string, string>, status: number];
const cases: Case[] = [
  ["/api/v1/indicators", "/api/v1/indicators", {}, 200],
  ["/api/v1/indicators", "/api/v1/indicators?x=1", {}, 400],
  ["/api/v1/indicators/{slug}", "/api/v1/indicators/homicide_rate", { slug: "homicide_rate" }, 200],
  ["/api/v1/indicators/{slug}", "/api/v1/indicators/none", { slug: "none" }, 404],
  [
    "/api/v1/indicators/{slug}/observations",
    "/api/v1/indicators/deaths_in_custody_cumulative/observations",
    { slug: "deaths_in_custody_cumulative" },
    200,
  ],
  [
    "/api/v1/indicators/{slug}/observations",
    "/api/v1/indicators/prison_population/observations?limit=3",
    { slug: "prison_population" },
    200,
  ],
  [
    "/api/v1/indicators/{slug}/observations",
    "/api/v1/indicators/homicide_rate/observations?from=2022-13-01",
    { slug: "homicide_rate" },
    400,
  ],
  ["/api/v1/indicators/{slug}/observations", "/api/v1/indicators/none/observations", { slug: "none" }, 404],
  ["/api/v1/events", "/api/v1/events?kind=decree", {}, 200],
  ["/api/v1/events", "/api/v1/events?kind=party", {}, 400],
  ["/api/v1/events", "/api/v1/events?indicator=homicide_rate&limit=5", {}, 200],
  ["/api/v1/events", "/api/v1/events?indicator=no_such_indicator", {}, 400],
  ["/api/v1/sources", "/api/v1/sources?class=secondary&limit=5", {}, 200],
  ["/api/v1/sources", "/api/v1/sources", {}, 200],
  ["/api/v1/changes", "/api/v1/changes", {}, 200],
  ["/api/v1/changes", "/api/v1/changes?since=2020-01-01T00:00:00Z&limit=5", {}, 200],
  ["/api/v1/changes", "/api/v1/changes?since=last-week", {}, 400],
];

describe("every public API response matches the OpenAPI document", () => {
  it.each(cases)("%s ← %s (%i)", async (path, url, params, status) => {
    const response = await handlers[path]!(new Request(`http://contraste.test${url}`), { params: Promise.resolve(params) });
    expect(response.status).toBe(status);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(validateAgainstOpenApi(path, "get", status, await response.json())).toEqual([]);
    if (status === 200) {
      const etag = response.headers.get("etag")!;
      const cached = await handlers[path]!(new Request(`http://contraste.test${url}`, { headers: { "if-none-match": etag } }), {
        params: Promise.resolve(params),
      });
      expect(cached.status).toBe(304);
      expect(validateAgainstOpenApi(path, "get", 304, undefined)).toEqual([]);
    }
  });

  it("lists a published figure on the change log with the reviewer's display name and no email", async () => {
    const response = await handlers["/api/v1/changes"]!(new Request("http://contraste.test/api/v1/changes"), {
      params: Promise.resolve({}),
    });
    const text = await response.text();
    const { data } = JSON.parse(text);
    expect(data[0]).toMatchObject({ action: "observation.published", reviewer: "reviewer display", indicatorSlug: "homicide_rate" });
    expect(text).not.toContain("@example.org");
  });

  it("rejects a document-breaking body (the validator is not a rubber stamp)", () => {
    expect(validateAgainstOpenApi("/api/v1/indicators", "get", 200, { data: [{ slug: 1 }] })).not.toEqual([]);
    expect(validateAgainstOpenApi("/api/v1/indicators", "get", 400, { message: "no error envelope" })).not.toEqual([]);
  });
});
