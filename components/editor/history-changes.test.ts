import { describe, expect, it } from "vitest";
import { changedFields } from "./history-changes";

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
});
