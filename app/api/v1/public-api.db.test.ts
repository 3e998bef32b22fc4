import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFromFiles } from "@/lib/dataset/load-seed";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

const file = JSON.parse(readFileSync("prisma/data/el-salvador-indicators.json", "utf8")) as {
  indicators: { slug: string }[];
  observations: { indicator: string; value: number; sourceUrl: string; sourceType: string }[];
  events: unknown[];
};

let database: TestDatabase;
let indicators: typeof import("./indicators/route");
let indicator: typeof import("./indicators/[slug]/route");
let observations: typeof import("./indicators/[slug]/observations/route");
let events: typeof import("./events/route");
let sources: typeof import("./sources/route");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await seedFromFiles(database.db);
  indicators = await import("./indicators/route");
  indicator = await import("./indicators/[slug]/route");
  observations = await import("./indicators/[slug]/observations/route");
  events = await import("./events/route");
  sources = await import("./sources/route");
});
afterAll(() => database.drop());

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://contraste.test${path}`, { headers });
const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });
const figuresOf = (slug: string) => file.observations.filter((o) => o.indicator === slug);

describe("GET /api/v1/indicators", () => {
  it("lists every indicator in both languages, cacheable and open to other origins", async () => {
    const response = await indicators.GET(get("/api/v1/indicators"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const { data } = await response.json();
    expect(data).toHaveLength(file.indicators.length);
    expect(data[0]).toMatchObject({ slug: "homicide_rate", name: { es: "Tasa de homicidios", en: "Homicide rate" } });
    const stored = await database.db.indicator.findUniqueOrThrow({ where: { slug: "homicide_rate" } });
    expect(stored.unitEs).toEqual(expect.any(String));
    expect(data[0]).toMatchObject({ unit: stored.unit, unitEs: stored.unitEs });
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const etag = (await indicators.GET(get("/api/v1/indicators"))).headers.get("etag")!;
    const again = await indicators.GET(get("/api/v1/indicators", { "if-none-match": etag }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});

describe("GET /api/v1/indicators/{slug}", () => {
  it("gives descriptions and framings with their sources, and 404 for an unknown slug", async () => {
    const { data } = await (await indicator.GET(get("/api/v1/indicators/homicide_rate"), slugParams("homicide_rate"))).json();
    expect(data.description.es).toMatch(/homicidios/);
    expect(data.framings.length).toBeGreaterThan(0);
    expect(data.framings.every((f: { source: { url: string } }) => /^https?:\/\//.test(f.source.url))).toBe(true);
    const missing = await indicator.GET(get("/api/v1/indicators/nope"), slugParams("nope"));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
  });
});

describe("GET /api/v1/indicators/{slug}/observations", () => {
  it("returns every figure exactly as stored, each with its source", async () => {
    const response = await observations.GET(get("/api/v1/indicators/homicide_rate/observations"), slugParams("homicide_rate"));
    const text = await response.text();
    const { data, meta } = JSON.parse(text);
    const expected = figuresOf("homicide_rate");
    expect(meta.count).toBe(expected.length);
    expect(data.map((o: { value: number }) => o.value).sort()).toEqual(expected.map((o) => o.value).sort());
    expect(text).toContain('"value":10.4');
    for (const o of data) {
      expect(o.source.url).toMatch(/^https?:\/\//);
      expect(o).toMatchObject({ indicator: "homicide_rate", status: "published", version: expect.any(Number) });
    }
  });

  it("filters by producer type and dates", async () => {
    const { data } = await (
      await observations.GET(
        get("/api/v1/indicators/homicide_rate/observations?producerType=academic,media&from=2020-01-01"),
        slugParams("homicide_rate"),
      )
    ).json();
    expect(data.length).toBeGreaterThan(0);
    expect(
      data.every(
        (o: { producer: { type: string }; asOf: string }) => ["academic", "media"].includes(o.producer.type) && o.asOf >= "2020-01-01",
      ),
    ).toBe(true);
  });

  it("pages with a cursor without losing or repeating a figure", async () => {
    const seen: string[] = [];
    let path = "/api/v1/indicators/soe_arrests_cumulative/observations?limit=7";
    for (let page = 0; page < 20 && path; page += 1) {
      const response = await observations.GET(get(path), slugParams("soe_arrests_cumulative"));
      const { data, meta } = await response.json();
      seen.push(...data.map((o: { id: string }) => o.id));
      path = meta.nextCursor ? `/api/v1/indicators/soe_arrests_cumulative/observations?limit=7&cursor=${meta.nextCursor}` : "";
      if (meta.nextCursor) expect(response.headers.get("link")).toMatch(/rel="next"/);
    }
    expect(seen).toHaveLength(figuresOf("soe_arrests_cumulative").length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("serves CSV where every row has its source and a citation, with formula cells neutralised", async () => {
    const response = await observations.GET(get("/api/v1/indicators/homicide_rate/observations?format=csv"), slugParams("homicide_rate"));
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,indicator,value,/);
    expect(lines).toHaveLength(figuresOf("homicide_rate").length + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/https?:\/\/.*accessed \d{4}-\d{2}-\d{2} via Contraste/);
  });

  it("keeps retracted figures out unless asked, and marks them", async () => {
    const target = await database.db.observation.findFirstOrThrow({ where: { indicator: { slug: "cecot_inmates" } } });
    await database.db.observation.update({ where: { id: target.id }, data: { status: "retracted", retractionReason: "Source withdrawn" } });
    const plain = (await (await observations.GET(get("/api/v1/indicators/cecot_inmates/observations"), slugParams("cecot_inmates"))).json())
      .data;
    expect(plain.map((o: { id: string }) => o.id)).not.toContain(target.id);
    const all = (
      await (
        await observations.GET(get("/api/v1/indicators/cecot_inmates/observations?includeRetracted=true"), slugParams("cecot_inmates"))
      ).json()
    ).data;
    expect(all.find((o: { id: string }) => o.id === target.id)).toMatchObject({
      status: "retracted",
      retractionReason: "Source withdrawn",
    });
  });

  it.each([
    ["from=2023-02-30", /"from" is not a real calendar date/],
    ["to=yesterday", /"to" must be a date as YYYY-MM-DD/],
    ["producerType=government,bloggers", /"producerType" must be one or more of/],
    ["from=2024-01-01&to=2023-01-01", /"from" \(2024-01-01\) is after "to"/],
    ["format=xml", /"format" must be json or csv/],
    ["limit=0", /"limit" must be at least 1/],
    ["cursor=garbage", /"cursor" is not a cursor/],
    ["colour=red", /Unknown parameter "colour"/],
  ])("rejects %s with a 400 that names the parameter", async (query, message) => {
    const response = await observations.GET(get(`/api/v1/indicators/homicide_rate/observations?${query}`), slugParams("homicide_rate"));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.message).toMatch(message);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("GET /api/v1/events and /api/v1/sources", () => {
  it("lists events with sources, filtered by kind", async () => {
    const all = (await (await events.GET(get("/api/v1/events"))).json()).data;
    expect(all).toHaveLength(file.events.length);
    const renewals = (await (await events.GET(get("/api/v1/events?kind=renewal"))).json()).data;
    expect(renewals.length).toBeGreaterThan(5);
    expect(renewals.every((e: { kind: string; source: { url: string } }) => e.kind === "renewal" && e.source.url)).toBe(true);
  });

  it("lists every source with the figures it supports", async () => {
    const data = (await (await sources.GET(get("/api/v1/sources"))).json()).data;
    const total = data.reduce((sum: number, s: { figureCount: number }) => sum + s.figureCount, 0);
    expect(total).toBe(file.observations.length - 1); // one was retracted above
  });
});
