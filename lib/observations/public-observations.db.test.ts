import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

let database: TestDatabase;
let observations: typeof import("../../testing/oracles/public-observations");
let overview: typeof import("../indicators/overview");

async function addFigure(fields: {
  value: string;
  asOf: string;
  datePrecision: "day" | "month" | "year";
  producerType: "government" | "ngo";
  status?: "draft" | "published" | "retracted";
}) {
  const { db } = database;
  const indicator = await db.indicator.findUniqueOrThrow({ where: { slug: "synthetic_rate" } });
  const producer = await db.producer.upsert({
    where: { name_type: { name: `Producer ${fields.producerType}`, type: fields.producerType } },
    create: { name: `Producer ${fields.producerType}`, type: fields.producerType },
    update: {},
  });
  const source = await db.source.create({ data: { url: `https://example.org/${fields.value}/${fields.asOf}`, publisher: "Example" } });
  return db.observation.create({
    data: {
      indicatorId: indicator.id,
      producerId: producer.id,
      sourceId: source.id,
      value: fields.value,
      asOf: new Date(`${fields.asOf}T00:00:00Z`),
      datePrecision: fields.datePrecision,
      attribution: "Example",
      status: fields.status ?? "published",
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  observations = await import("../../testing/oracles/public-observations");
  overview = await import("../indicators/overview");
  await database.db.indicator.create({
    data: {
      slug: "synthetic_rate",
      nameEn: "Synthetic",
      nameEs: "Sintético",
      descriptionEn: "Test",
      descriptionEs: "Prueba",
      unit: "per 100,000",
      theme: "homicides_violence",
      valueKind: "yearly_rate",
    },
  });
});
afterAll(() => database.drop());

describe("getIndicatorDigests", () => {
  it("picks the figure whose period ends last, separately for official and independent producers", async () => {
    await addFigure({ value: "2.4", asOf: "2025-03-16", datePrecision: "day", producerType: "government" });
    await addFigure({ value: "1.3", asOf: "2025-01-01", datePrecision: "year", producerType: "government" });
    await addFigure({ value: "4.5", asOf: "2023-01-01", datePrecision: "year", producerType: "ngo" });
    await addFigure({ value: "9.9", asOf: "2025-06-01", datePrecision: "month", producerType: "ngo", status: "draft" });
    await addFigure({ value: "8.8", asOf: "2025-07-01", datePrecision: "month", producerType: "ngo", status: "retracted" });

    const latest = (await overview.getIndicatorDigests()).get("synthetic_rate");
    expect(latest?.official?.value).toBe("1.3");
    expect(latest?.official?.datePrecision).toBe("year");
    expect(latest?.independent?.value).toBe("4.5");
    // Different periods: no gap is claimed between them.
    expect(latest?.gap).toBeNull();
    expect(latest?.sourceCount).toBe(3);
  });

  it("lists published and retracted figures, never drafts, oldest first, with their sources", async () => {
    const indicator = await database.db.indicator.findUniqueOrThrow({ where: { slug: "synthetic_rate" } });
    const list = await observations.listPublicObservations(indicator.id);
    expect(list.map((item) => [item.value, item.status])).toEqual([
      ["4.5", "published"],
      ["1.3", "published"],
      ["2.4", "published"],
      ["8.8", "retracted"],
    ]);
    expect(list.every((item) => item.source.url.startsWith("https://example.org/"))).toBe(true);
  });
});
