import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestIndicator } from "@/testing/editor-fixtures";
import { validateAgainstOpenApi } from "@/testing/openapi-validator";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

// Every source the API shows says its class (primary, press or secondary), the same way for a figure's
// source, an event's and /api/v1/sources, which a client can also ask for by class.

let database: TestDatabase;
let sources: typeof import("./sources/route");
let events: typeof import("./events/route");
let observations: typeof import("./indicators/[slug]/observations/route");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  sources = await import("./sources/route");
  events = await import("./events/route");
  observations = await import("./indicators/[slug]/observations/route");
  const db = database.db;
  const indicator = await createTestIndicator(db);
  const producer = await db.producer.create({ data: { name: "Ministerio", type: "government" } });
  const cite = async (url: string, sourceClass: "primary" | "press" | "secondary") => {
    const source = await db.source.create({ data: { url, publisher: "P", sourceClass, sourceClassOrigin: "staff" } });
    await db.observation.create({
      data: {
        indicatorId: indicator.id,
        producerId: producer.id,
        sourceId: source.id,
        value: "1",
        asOf: new Date("2024-01-01"),
        datePrecision: "year",
        attribution: "Ministerio",
        status: "published",
      },
    });
  };
  await cite("https://ministry.example/report", "primary");
  await cite("https://paper.example/story", "press");
  await cite("https://mirror.example/copy", "secondary");
  const decree = await db.source.create({ data: { url: "https://gazette.example/decree", sourceClass: "primary" } });
  await db.event.create({
    data: {
      kind: "decree",
      startsOn: new Date("2022-03-27"),
      datePrecision: "day",
      titleEn: "Decree",
      titleEs: "Decreto",
      sourceId: decree.id,
    },
  });
});
afterAll(() => database.drop());

const get = (path: string) => new Request(`http://contraste.test${path}`);

async function answer(responding: Promise<Response>) {
  const response = await responding;
  return { status: response.status, body: await response.json() };
}

describe("source classes in the public API", () => {
  it("gives every source's class on /api/v1/sources, as the OpenAPI document says", async () => {
    const { status, body } = await answer(sources.GET(get("/api/v1/sources")));
    expect(status).toBe(200);
    expect(validateAgainstOpenApi("/api/v1/sources", "get", 200, body)).toEqual([]);
    expect(Object.fromEntries(body.data.map((source: { url: string; class: string }) => [source.url, source.class]))).toEqual({
      "https://gazette.example/decree": "primary",
      "https://ministry.example/report": "primary",
      "https://mirror.example/copy": "secondary",
      "https://paper.example/story": "press",
    });
  });

  it("lists only the classes asked for with ?class=, and refuses a class it does not know", async () => {
    const firstHand = await answer(sources.GET(get("/api/v1/sources?class=primary,press")));
    expect(firstHand.body.data.map((source: { url: string }) => source.url)).toEqual([
      "https://gazette.example/decree",
      "https://ministry.example/report",
      "https://paper.example/story",
    ]);
    const secondary = await answer(sources.GET(get("/api/v1/sources?class=secondary&limit=1")));
    expect(secondary.body.data.map((source: { url: string }) => source.url)).toEqual(["https://mirror.example/copy"]);
    expect(secondary.body.meta.nextCursor).toBeNull();
    const unknown = await answer(sources.GET(get("/api/v1/sources?class=weak")));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("invalid_parameter");
    expect(unknown.body.error.message).toContain("class");
  });

  it("gives the class of an event's source and of a figure's source", async () => {
    const timeline = await answer(events.GET(get("/api/v1/events")));
    expect(validateAgainstOpenApi("/api/v1/events", "get", 200, timeline.body)).toEqual([]);
    expect(timeline.body.data[0].source).toEqual({ url: "https://gazette.example/decree", publisher: null, class: "primary" });
    const figures = await answer(
      observations.GET(get("/api/v1/indicators/test_indicator/observations"), {
        params: Promise.resolve({ slug: "test_indicator" }),
      }),
    );
    expect(figures.status).toBe(200);
    expect(figures.body.data.map((figure: { source: { class: string } }) => figure.source.class).sort()).toEqual([
      "press",
      "primary",
      "secondary",
    ]);
  });
});
