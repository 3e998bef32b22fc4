import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  fromPublicObservationRow,
  snapshotFromColumns,
  toApiObservation,
  toEditorFigure,
  toObservationSnapshot,
  type SnapshotRow,
} from "./shapes";
import { ZObservationSnapshot } from "./snapshot";

// The form's path reads a figure with Prisma, the import's and the pages' with SQL columns: both
// must give the same snapshot, and every shape the same facts.
const decimal = (text: string) => new Decimal(text) as unknown as Prisma.Decimal;
const day = (text: string) => new Date(`${text}T00:00:00Z`);

const nested = {
  id: "c1",
  status: "draft",
  version: 3,
  indicator: { slug: "homicide_rate" },
  value: decimal("7.10"),
  valueMax: decimal("9"),
  qualifier: "about",
  asOf: day("2024-03-01"),
  datePrecision: "month",
  producer: { name: "Observatory", type: "academic" },
  source: {
    url: "https://example.org/a",
    publisher: "Example",
    publishedAt: day("2024-04-02"),
    retrievedAt: day("2024-05-01"),
    sourceClass: "primary",
    archivedUrl: null,
    linkState: "broken",
    linkBrokenSince: day("2026-11-30"),
  },
  attribution: "Observatory (Example)",
  noteEn: "A note",
  noteEs: null,
} as unknown as SnapshotRow;

const columns = {
  id: "c1",
  indicatorSlug: "homicide_rate",
  value: decimal("7.10"),
  valueMax: decimal("9"),
  qualifier: "about" as const,
  asOf: day("2024-03-01"),
  datePrecision: "month" as const,
  attribution: "Observatory (Example)",
  noteEn: "A note",
  noteEs: null,
  status: "draft",
  retractedAt: null,
  retractionReason: null,
  producerId: "p1",
  producerName: "Observatory",
  producerType: "academic" as const,
  sourceUrl: "https://example.org/a",
  sourcePublisher: "Example",
  sourcePublishedAt: day("2024-04-02"),
  sourceRetrievedAt: day("2024-05-01"),
  sourceClass: "primary" as const,
  sourceArchivedUrl: null,
  sourceLinkState: "broken" as const,
  sourceLinkBrokenSince: day("2026-11-30"),
  version: 3,
};

const facts = {
  value: "7.1",
  valueMax: "9",
  qualifier: "about",
  asOf: "2024-03-01",
  datePrecision: "month",
  producer: { name: "Observatory", type: "academic" },
  source: {
    url: "https://example.org/a",
    publisher: "Example",
    publishedAt: "2024-04-02",
    retrievedAt: "2024-05-01",
    class: "primary",
    archivedUrl: null,
    brokenSince: "2026-11-30",
  },
  attribution: "Observatory (Example)",
  noteEn: "A note",
  noteEs: null,
};

describe("a figure's shapes", () => {
  it("give the same snapshot from a Prisma row and from SQL columns, one the schema accepts as it is", () => {
    const snapshot = toObservationSnapshot(nested);
    // The link's health is not part of the figure's record: the change log leaves it out.
    const { url, publisher, publishedAt, retrievedAt, class: sourceClass } = facts.source;
    const recordedSource = { url, publisher, publishedAt, retrievedAt, class: sourceClass };
    expect(snapshot).toEqual({ id: "c1", indicator: "homicide_rate", ...facts, source: recordedSource, status: "draft", version: 3 });
    expect(snapshotFromColumns(columns)).toEqual(snapshot);
    expect(ZObservationSnapshot.strict().parse(snapshot)).toEqual(snapshot);
  });

  it("share the same facts in the public, editor and API shapes", () => {
    expect(fromPublicObservationRow({ ...columns, status: "published" })).toEqual({
      id: "c1",
      indicatorSlug: "homicide_rate",
      ...facts,
      producer: { id: "p1", ...facts.producer },
      status: "published",
      retraction: null,
    });
    const editorRow = { ...nested, indicator: { slug: "homicide_rate", nameEn: "Homicides", nameEs: "Homicidios" } };
    expect(toEditorFigure(editorRow)).toEqual({ id: "c1", version: 3, status: "draft", indicator: editorRow.indicator, ...facts });
    const updatedAt = new Date("2026-01-02T03:04:05Z");
    const { value: storedValue, valueMax: storedValueMax, noteEn, noteEs, ...rest } = facts;
    expect([storedValue, storedValueMax]).toEqual(["7.1", "9"]);
    expect(toApiObservation("homicide_rate", { ...nested, status: "retracted", retractionReason: "Withdrawn", updatedAt })).toEqual({
      id: "c1",
      indicator: "homicide_rate",
      // Both fit a double digit for digit: written as numbers.
      value: 7.1,
      valueMax: 9,
      ...rest,
      note: { en: noteEn, es: noteEs },
      status: "retracted",
      retractionReason: "Withdrawn",
      version: 3,
      updatedAt: updatedAt.toISOString(),
    });
  });
});
