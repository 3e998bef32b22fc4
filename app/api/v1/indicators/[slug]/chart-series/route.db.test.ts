import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFromFiles } from "@/lib/dataset/load-seed";
import { ZChartSeriesAnswer } from "@/lib/public-api/chart-series";
import { validateAgainstOpenApi } from "@/testing/openapi-validator";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

let database: TestDatabase;
let route: typeof import("./route");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await seedFromFiles(database.db);
  route = await import("./route");
});
afterAll(() => database.drop());

const get = (path: string, headers: Record<string, string> = {}) =>
  route.GET(new Request(`http://contraste.test/api/v1/indicators/homicide_rate/chart-series${path}`, { headers }), {
    params: Promise.resolve({ slug: "homicide_rate" }),
  });
const seriesOf = async (path: string) => ZChartSeriesAnswer.parse((await (await get(path)).json()).data);

describe("GET /api/v1/indicators/{slug}/chart-series", () => {
  it("gives the chart's series with a label per figure, cacheable by ETag", async () => {
    const response = await get("?locale=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const body = await response.json();
    expect(validateAgainstOpenApi("/api/v1/indicators/{slug}/chart-series", "get", 200, body)).toEqual([]);
    const answer = ZChartSeriesAnswer.parse(body.data);
    expect(answer.scale).toBe("linear");
    expect(answer.series.length).toBeGreaterThan(1);
    expect(answer.series.map((series) => series.key)).toEqual(answer.series.map((_, index) => `s${index}`));
    const point = answer.series[0]!.points[0]!;
    expect(point.label).toContain(" · ");
    expect(answer.series[0]!.legend).toContain(answer.series[0]!.name);
    const again = await get("?locale=en", { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("follows the chart state: hidden producer types, years and the source filter", async () => {
    const all = await seriesOf("?locale=es");
    expect(all.series.some((series) => series.producerType === "government")).toBe(true);
    const kept = await seriesOf("?locale=es&hide=government&from=2020&to=2022");
    expect(kept.series.some((series) => series.producerType === "government")).toBe(false);
    const years = kept.series.flatMap((series) => series.points.map((point) => new Date(point.x).getUTCFullYear()));
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((year) => year >= 2020 && year <= 2022)).toBe(true);
    const firstHand = await seriesOf("?locale=en&sources=firsthand");
    const count = (answer: typeof all) => answer.series.reduce((sum, series) => sum + series.points.length, 0);
    expect(count(firstHand)).toBeLessThanOrEqual(count(all));
  });

  it("refuses what it cannot read, and an unknown indicator", async () => {
    const refused = await get("?locale=fr");
    expect(refused.status).toBe(400);
    expect(validateAgainstOpenApi("/api/v1/indicators/{slug}/chart-series", "get", 400, await refused.json())).toEqual([]);
    expect((await get("?locale=en&from=2022&to=2020")).status).toBe(400);
    expect((await get("?locale=en&page=2")).status).toBe(400);
    const missing = await route.GET(new Request("http://contraste.test/api/v1/indicators/nope/chart-series?locale=en"), {
      params: Promise.resolve({ slug: "nope" }),
    });
    expect(missing.status).toBe(404);
  });
});
