import { describe, expect, it } from "vitest";
import type { PublicObservation } from "@/lib/observations/types";
import { describeChart, summarizeFigures } from "./describe-chart";

const figure = (id: string, value: string, asOf: string, type: PublicObservation["producer"]["type"]): PublicObservation => ({
  id,
  indicatorSlug: "homicide_rate",
  value,
  valueMax: null,
  qualifier: "exact",
  asOf,
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
  attribution: id,
  noteEn: null,
  noteEs: null,
  status: "published",
  retraction: null,
});

describe("the chart's text alternative", () => {
  it("describes what the selection keeps, one year said once", () => {
    const kept = [figure("uca", "10.4", "2022-01-01", "academic")];
    expect(describeChart("Homicide rate", summarizeFigures(kept), "en")).toBe(
      "Homicide rate: 1 figure from 1 producer, 2022. Official figures: none in this range. Independent figures: one figure, 10.4 (2022, Producer uca, Academic).",
    );
    expect(describeChart("Tasa de homicidios", summarizeFigures(kept), "es")).toBe(
      "Tasa de homicidios: 1 cifra de 1 fuente, 2022. Cifras oficiales: ninguna en este periodo. Cifras independientes: una cifra, 10,4 (2022, Producer uca, Academia).",
    );
  });

  it("gives the span of several years", () => {
    const kept = [figure("a", "36", "2019-01-01", "government"), figure("b", "1.9", "2024-01-01", "government")];
    expect(describeChart("Homicide rate", summarizeFigures(kept), "en")).toMatch(
      /^Homicide rate: 2 figures from 2 producers, 2019 to 2024\. Official figures \(2 figures\) fell from 36/,
    );
  });
});
