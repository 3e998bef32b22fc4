import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PublicEvent } from "@/lib/events/queries";
import type { PublicObservation } from "@/lib/observations/types";
import { buildChartModel } from "../chart-model";
import { IndicatorChartSvg } from "../IndicatorChartSvg";
import { PALETTE } from "./palette";
import { standaloneSvg } from "./standalone-svg";
import { svgMarkup } from "./svg-markup";

const figure = (i: number, type: PublicObservation["producer"]["type"]): PublicObservation => ({
  id: `o${i}`,
  indicatorSlug: "synthetic",
  value: String(10 + i),
  valueMax: i % 2 ? String(20 + i) : null,
  qualifier: i % 2 ? "at_least" : "exact",
  asOf: `${2015 + (i % 8)}-01-01`,
  datePrecision: "year",
  producer: { id: `p${i % 5}`, name: `Producer "${i % 5}" & <co>`, type },
  source: {
    url: `https://example.org/${i}`,
    publisher: `Publisher ${i}'s`,
    publishedAt: null,
    retrievedAt: null,
    class: "press",
    archivedUrl: null,
    brokenSince: null,
  },
  attribution: "",
  noteEn: null,
  noteEs: null,
  status: "published",
  retraction: null,
});
const event = (i: number) =>
  ({
    id: `e${i}`,
    kind: i % 2 ? "renewal" : "report",
    startsOn: `${2016 + i}-03-27`,
    endsOn: null,
    datePrecision: "day",
    dateNoteEs: null,
    dateNoteEn: null,
    appliesToAll: true,
    indicators: [],
    titleEs: `Evento ${i}`,
    titleEn: `Event ${i}`,
    source: { url: `https://example.org/e${i}`, publisher: null },
  }) as unknown as PublicEvent;

const TYPES = ["government", "ngo", "media", "intergovernmental", "academic"] as const;
const model = buildChartModel(
  Array.from({ length: 12 }, (_, i) => figure(i, TYPES[i % TYPES.length]!)),
  [0, 1, 2].map(event),
  { hidden: [], from: null, to: null, events: true },
);
const chart = createElement(IndicatorChartSvg, { model, locale: "en", title: "Homicide rate", description: "A chart", idPrefix: "chart" });

describe("svgMarkup", () => {
  it("writes the chart as React does, less what only the page uses (focus order)", () => {
    expect(svgMarkup(chart)).toBe(renderToStaticMarkup(chart).replace(/ tabindex="[^"]*"/g, ""));
  });
});

describe("standaloneSvg", () => {
  it.each(["light", "dark"] as const)("resolves every colour, draws the %s background first and names a sans-serif font", (theme) => {
    const svg = standaloneSvg(chart, { theme });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="\d+" height="\d+"/);
    expect(svg).not.toContain("var(");
    expect(svg).not.toMatch(/rgba\(/);
    expect(svg).toContain(PALETTE[theme].official);
    expect(svg.replace(/sans-serif/g, "")).not.toContain("serif");
    expect(svg).toMatch(/font-family="[^"]*sans-serif"/);
    const firstDrawn = svg
      .replace(/^<svg[^>]*>/, "")
      .replace(/^<title[^>]*>.*?<\/title>/, "")
      .replace(/^<desc[^>]*>.*?<\/desc>/, "");
    expect(firstDrawn).toMatch(new RegExp(`^<rect [^>]*fill="${PALETTE[theme].bg}"`));
    expect(svg).not.toContain("tabindex");
  });

  it("refuses a colour the palette does not know", () => {
    expect(() =>
      standaloneSvg(createElement("svg", { viewBox: "0 0 10 10" }, createElement("rect", { fill: "var(--nope)" })), { theme: "light" }),
    ).toThrow(/--nope/);
  });
});
