import { describe, expect, it } from "vitest";
import { gapBetween } from "./discrepancy";
import type { PublicObservation } from "./types";

const figure = (
  id: string,
  value: string,
  type: PublicObservation["producer"]["type"],
  qualifier: PublicObservation["qualifier"] = "exact",
) =>
  ({
    id,
    indicatorSlug: "homicides_total",
    value,
    valueMax: null,
    qualifier,
    asOf: "2022-01-01",
    datePrecision: "year",
    producer: { id: `p-${id}`, name: `Producer ${id}`, type },
    source: {
      url: `https://example.org/${id}`,
      publisher: null,
      publishedAt: null,
      retrievedAt: null,
      class: "press",
      archivedUrl: null,
      brokenSince: null,
    },
    attribution: `Producer ${id}`,
    noteEn: null,
    noteEs: null,
    status: "published",
    retraction: null,
  }) satisfies PublicObservation;

describe("gapBetween", () => {
  it("gives the independent figure minus the official one, exactly, and its share of the official figure", () => {
    expect(gapBetween(figure("pnc", "495", "government"), figure("uca", "659", "academic", "about"))).toMatchObject({
      gap: "164",
      percent: "33.1",
      approximate: true,
    });
    expect(gapBetween(figure("a", "7.8", "government"), figure("b", "10.4", "academic"))).toMatchObject({
      gap: "2.6",
      percent: "33.3",
      approximate: false,
    });
  });

  it("has no percentage against an official zero", () => {
    expect(gapBetween(figure("a", "0", "government"), figure("b", "3", "ngo")).percent).toBeNull();
  });
});
