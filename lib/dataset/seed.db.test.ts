import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { CURATION_PATH, DATASET_PATH, seedFromFiles } from "./load-seed";
import { DatasetError, parseDataset } from "./parse-dataset";
import { seedDatabase } from "./seed-database";
import { toSeedRecords } from "./to-records";
import { isoDayOrNull } from "../dates";

const file = JSON.parse(readFileSync(DATASET_PATH, "utf8"));
const curation = JSON.parse(readFileSync(CURATION_PATH, "utf8"));

type FileObservation = {
  indicator: string;
  date: string;
  dateApprox?: string;
  datePrecision: string;
  value: number;
  valueMax?: number;
  qualifier?: string;
  sourceType: string;
  publisher: string;
  sourceUrl: string;
  publishedAt: string | null;
  note: string;
  note_es: string;
};

async function snapshot(database: TestDatabase) {
  const { db } = database;
  return {
    indicators: await db.indicator.findMany({ orderBy: { id: "asc" } }),
    producers: await db.producer.findMany({ orderBy: { id: "asc" } }),
    sources: await db.source.findMany({ orderBy: { id: "asc" } }),
    observations: await db.observation.findMany({ orderBy: { id: "asc" } }),
    framings: await db.framing.findMany({ orderBy: { id: "asc" } }),
    events: await db.event.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("seeding the sourced dataset", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("loads every observation of the file exactly, as published data", async () => {
    await seedFromFiles(database.db);
    const rows = await database.db.observation.findMany({ include: { indicator: true, producer: true, source: true } });
    expect(rows).toHaveLength(file.observations.length);

    // Read back into the file's own shape and compare record by record, value by value.
    const asFileRecord = (row: (typeof rows)[number]): FileObservation => ({
      indicator: row.indicator.slug,
      date: row.datePrecision === "day" ? isoDayOrNull(row.asOf)! : isoDayOrNull(row.asOf)!.slice(0, 4),
      ...(row.datePrecision === "month" ? { dateApprox: isoDayOrNull(row.asOf)!.slice(0, 7) } : {}),
      datePrecision: row.datePrecision,
      value: Number(row.value.toString()),
      ...(row.valueMax ? { valueMax: Number(row.valueMax.toString()) } : {}),
      ...(row.qualifier !== "exact" ? { qualifier: row.qualifier.replace("_", " ") } : {}),
      sourceType: row.producer.type,
      publisher: row.attribution,
      sourceUrl: row.source.url,
      publishedAt: row.source.publishedAt ? isoDayOrNull(row.source.publishedAt) : null,
      note: row.noteEn ?? "",
      note_es: row.noteEs ?? "",
    });
    const key = (record: FileObservation) =>
      JSON.stringify([record.indicator, record.date, record.dateApprox, record.sourceUrl, record.publisher]);
    const stored = new Map(rows.map((row) => [key(asFileRecord(row)), row]));

    for (const record of file.observations as FileObservation[]) {
      const row = stored.get(key(record));
      expect(row, `missing ${key(record)}`).toBeDefined();
      const readBack = asFileRecord(row!);
      // publishedAt belongs to the source document; the file repeats it on each figure.
      expect({ ...readBack, publishedAt: null }).toEqual({ ...record, publishedAt: null });
      // The decimal text, not just the number, must be the one in the file.
      expect(row!.value.toString()).toBe(String(record.value));
      expect(row!.status).toBe("published");
    }
  });

  it("changes nothing when run a second time", async () => {
    const before = await snapshot(database);
    const { report } = await seedFromFiles(database.db);
    for (const counts of Object.values(report)) {
      expect(counts.created).toBe(0);
      expect(counts.updated).toBe(0);
    }
    expect(await snapshot(database)).toEqual(before);
  });

  it("keeps conflicting figures side by side", async () => {
    const homicides2022 = await database.db.observation.findMany({
      where: { indicator: { slug: "homicide_rate" }, asOf: new Date("2022-01-01T00:00:00Z") },
      include: { producer: true },
    });
    const values = homicides2022.map((row) => `${row.producer.type}:${row.value.toString()}`).sort();
    expect(values).toEqual(
      file.observations
        .filter((o: FileObservation) => o.indicator === "homicide_rate" && o.date === "2022")
        .map((o: FileObservation) => `${o.sourceType}:${o.value}`)
        .sort(),
    );
    expect(new Set(values).size).toBeGreaterThan(1);
  });

  it("loads framings and events with their sources", async () => {
    expect(await database.db.framing.count()).toBe(
      file.indicators.reduce((sum: number, indicator: { framing: unknown[] }) => sum + indicator.framing.length, 0),
    );
    const declaration = await database.db.event.findFirst({
      where: { startsOn: new Date("2022-03-27T00:00:00Z") },
      include: { source: true },
    });
    expect(declaration?.kind).toBe("decree");
    expect(declaration?.source.url).toMatch(/^https?:\/\//);
  });
});

describe("a malformed dataset", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("is rejected with the record and field named, and nothing is written", async () => {
    const broken = structuredClone(file);
    broken.observations[200].value = "about 300";
    const brokenFile = path.join(mkdtempSync(path.join(tmpdir(), "contraste-")), "dataset.json");
    writeFileSync(brokenFile, JSON.stringify(broken));

    const failure = seedFromFiles(database.db, { dataset: brokenFile, curation: CURATION_PATH });
    await expect(failure).rejects.toThrow(DatasetError);
    await expect(failure).rejects.toThrow(/observations\[200\] \(.+\) field "value": expected a number/);
    expect(await database.db.indicator.count()).toBe(0);
    expect(await database.db.observation.count()).toBe(0);
  });

  it("rolls back everything when a write fails half-way", async () => {
    const { dataset, curation: parsedCuration } = parseDataset(file, curation);
    const records = toSeedRecords(dataset, parsedCuration);
    // The last observation points at an indicator that is not in the records: indicators, producers
    // and sources are written before the failure is reached.
    records.observations.at(-1)!.indicatorSlug = "missing_indicator";
    await expect(seedDatabase(database.db, records)).rejects.toThrow(/missing_indicator/);
    expect(await database.db.indicator.count()).toBe(0);
    expect(await database.db.source.count()).toBe(0);
    expect(await database.db.observation.count()).toBe(0);
  });

  it("leaves an already seeded database unchanged", async () => {
    await seedFromFiles(database.db);
    const before = await snapshot(database);
    const broken = structuredClone(file);
    broken.observations[10].datePrecision = "week";
    expect(() => parseDataset(broken, curation)).toThrow(/observations\[10\].*field "datePrecision"/);
    const { dataset, curation: parsedCuration } = parseDataset(file, curation);
    const records = toSeedRecords(dataset, parsedCuration);
    records.observations[0]!.value = "999999";
    records.observations.at(-1)!.sourceUrl = "https://example.org/not-loaded";
    await expect(seedDatabase(database.db, records)).rejects.toThrow(/not-loaded/);
    expect(await snapshot(database)).toEqual(before);
  });
});
