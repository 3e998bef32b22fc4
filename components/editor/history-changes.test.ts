import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/editor.json";
import es from "@/lib/i18n/messages/es/editor.json";
import { PRODUCER_TYPE_LABELS } from "@/lib/i18n/format";
import { OBSERVATION_STATUSES, type ProducerType } from "@/lib/schemas/enums";
import { changedFields, HISTORY_FIELDS, type HistoryWords } from "./history-changes";

const figure = {
  indicator: "homicide_rate",
  value: "3.3",
  valueMax: null,
  qualifier: "exact",
  asOf: "2026-01-01",
  datePrecision: "year",
  producer: { name: "Observatory", type: "academic" },
  source: { url: "https://example.org/a", publisher: "Example", publishedAt: null },
  attribution: "Observatory (Example)",
  noteEn: null,
  noteEs: null,
  status: "draft",
  version: 1,
};

describe("changedFields", () => {
  it("lists only what a reader would see change, not the version counter", () => {
    expect(changedFields(figure, { ...figure, value: "3.4", version: 2 })).toEqual([{ field: "value", before: "3.3", after: "3.4" }]);
  });

  it("describes producers and sources by their recognisable parts", () => {
    const after = {
      ...figure,
      producer: { name: "Ministry", type: "government" },
      source: { ...figure.source, url: "https://example.org/b" },
    };
    expect(changedFields(figure, after)).toEqual([
      { field: "producer", before: "Observatory (academic)", after: "Ministry (government)" },
      { field: "source", before: "Example, https://example.org/a", after: "Example, https://example.org/b" },
    ]);
  });

  it("shows nothing for an entry without a before or with malformed data", () => {
    expect(changedFields(null, figure)).toEqual([]);
    expect(changedFields("oops", figure)).toEqual([]);
  });

  it("shows no field list for a created entry, as imports recorded before they wrote snapshots (the file's row)", () => {
    const importedRow = {
      indicatorSlug: "homicide_rate",
      value: "3.3",
      valueMax: null,
      qualifier: "exact",
      asOf: "2026-01-01",
      datePrecision: "year",
      producer: { name: "Observatory", type: "academic" },
      source: { url: "https://example.org/a", publisher: "Example", publishedAt: null },
      attribution: null,
      noteEn: null,
      noteEs: null,
    };
    expect(changedFields(null, importedRow)).toEqual([]);
    expect(changedFields(null, figure)).toEqual([]);
  });

  it("names every field of the snapshot but its id and version, with a label in both languages", () => {
    expect(HISTORY_FIELDS).toEqual(expect.arrayContaining(["indicator", "value", "producer", "source", "status"]));
    expect(HISTORY_FIELDS).not.toContain("id");
    expect(HISTORY_FIELDS).not.toContain("version");
    for (const messages of [en, es]) {
      const labels: Record<string, string> = messages.history.fields;
      for (const field of HISTORY_FIELDS) expect(labels[field], field).toBeTruthy();
    }
  });

  it("names statuses, qualifiers, precisions and producer types in the reader's words, not as stored", () => {
    const spanish: HistoryWords = {
      status: (value) => (es.statuses as Record<string, string>)[value]!,
      qualifier: (value) => (es.form.qualifiers as Record<string, string>)[value]!,
      datePrecision: (value) => (es.form.precisions as Record<string, string>)[value]!,
      producerType: (value) => PRODUCER_TYPE_LABELS.es[value as ProducerType],
    };
    const after = {
      ...figure,
      status: "published",
      qualifier: "about",
      datePrecision: "month",
      producer: { name: "Observatory", type: "ngo" },
      version: 2,
    };
    expect(changedFields(figure, after, spanish)).toEqual([
      { field: "qualifier", before: "Exacta", after: "Unos" },
      { field: "datePrecision", before: "Año", after: "Mes" },
      { field: "producer", before: "Observatory (Academia)", after: "Observatory (ONG)" },
      { field: "status", before: "Borrador", after: "Publicada" },
    ]);
  });

  it("has a word for every status in both languages", () => {
    for (const messages of [en, es]) {
      for (const status of OBSERVATION_STATUSES) expect((messages.statuses as Record<string, string>)[status], status).toBeTruthy();
    }
  });
});
