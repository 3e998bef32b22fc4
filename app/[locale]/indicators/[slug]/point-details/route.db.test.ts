import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZPointDetails } from "@/components/charts/point-details-schema";
import { seedFromFiles } from "@/lib/dataset/load-seed";
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

const get = (locale: string, slug: string, query = "") =>
  route.GET(new Request(`http://contraste.test/${locale}/indicators/${slug}/point-details${query}`), {
    params: Promise.resolve({ locale, slug }),
  });
const detailsOf = async (locale: string, slug: string, query = "") =>
  ZPointDetails.parse((await (await get(locale, slug, query)).json()).data);

const published = (slug: string) =>
  database.db.observation.findMany({
    where: { status: "published", indicator: { slug } },
    select: {
      id: true,
      qualifier: true,
      producer: { select: { name: true, type: true } },
      source: { select: { url: true, sourceClass: true } },
    },
  });

describe("GET /{locale}/indicators/{slug}/point-details", () => {
  it("says of every figure the chart draws what the details box shows, with its source, hedge and page", async () => {
    const response = await get("en", "us_removals_to_cecot");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const details = ZPointDetails.parse((await response.json()).data);
    const figures = await published("us_removals_to_cecot");
    // Few figures: none thinned, so every published one is drawn.
    expect(Object.keys(details).sort()).toEqual(figures.map((figure) => figure.id).sort());
    for (const figure of figures) {
      const detail = details[figure.id]!;
      expect(detail.source.url).toBe(figure.source.url);
      expect(detail.source.class).toBe(figure.source.sourceClass);
      expect(detail.producer).toContain(figure.producer.name);
      expect(detail.detailsHref).toBe(`/en/figures/${figure.id}`);
      expect(detail.hedge === null).toBe(figure.qualifier === "exact");
    }
    expect(Object.values(details).some((detail) => detail.hedge === 'The source says "nearly".')).toBe(true);
  });

  it("speaks the page's language and follows the chart state: series, years, sources", async () => {
    const spanish = Object.values(await detailsOf("es", "homicide_rate"));
    expect(spanish.every((detail) => detail.detailsHref.startsWith("/es/figures/"))).toBe(true);
    expect(spanish.some((detail) => detail.producer.includes("(Gobierno)"))).toBe(true);

    const all = await published("homicide_rate");
    const withoutGovernment = await detailsOf("en", "homicide_rate", "?hide=government&from=2016&to=2023");
    const kept = all.filter((figure) => figure.id in withoutGovernment);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((figure) => figure.producer.type !== "government")).toBe(true);
    expect(Object.values(withoutGovernment).every((detail) => /\b20(1[6-9]|2[0-3])\b/.test(detail.date))).toBe(true);

    const firstHand = await detailsOf("en", "homicide_rate", "?sources=firsthand");
    expect(Object.keys(firstHand).length).toBeGreaterThan(0);
    expect(Object.values(firstHand).every((detail) => detail.source.class !== "secondary")).toBe(true);
    expect(all.some((figure) => figure.source.sourceClass === "secondary")).toBe(true);
  });

  it("answers 404 for an unknown indicator or language", async () => {
    expect((await get("en", "no_such_indicator")).status).toBe(404);
    expect((await get("fr", "homicide_rate")).status).toBe(404);
  });
});
